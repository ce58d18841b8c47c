import { defaultQueuePrefix, loadConfig } from './app-config';

const base = { SESSION_SECRET: 'x'.repeat(32) };

describe('the default queue prefix', () => {
  it('names the database, so two deployments on one Redis never share queues', () => {
    const a = loadConfig({ ...base, DATABASE_URL: 'postgres://topten:pw@127.0.0.1:5432/topten' });
    const b = loadConfig({ ...base, DATABASE_URL: 'postgres://topten:pw@127.0.0.1:5432/topten_staging' });
    expect(a.queuePrefix).toBe('topten:topten');
    expect(b.queuePrefix).toBe('topten:topten_staging');
  });

  it('is the same for API and worker of one deployment, whatever host spelling they use', () => {
    expect(defaultQueuePrefix('postgres://u@localhost/award')).toBe(
      defaultQueuePrefix('postgresql://u:p@db.internal:6432/award?sslmode=require'),
    );
  });

  it('falls back to the user name when the URL names no database (PostgreSQL does the same)', () => {
    expect(defaultQueuePrefix('postgres://award@127.0.0.1')).toBe('topten:award');
  });

  it('decodes an escaped database name', () => {
    expect(defaultQueuePrefix('postgres://u@h/my%20db')).toBe('topten:my db');
  });

  it('yields to QUEUE_PREFIX when it is set', () => {
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://u@h/award', QUEUE_PREFIX: 'shared' }).queuePrefix).toBe('shared');
  });
});

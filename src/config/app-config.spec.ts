import { ConfigError, loadCliConfig, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };

const problemsOf = (load: () => unknown): string[] => {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  return [];
};

describe('loadConfig', () => {
  it('refuses production without SMTP_URL in one line naming it', () => {
    expect(problemsOf(() => loadConfig({ ...base, NODE_ENV: 'production' }))).toEqual([
      expect.stringMatching(/^SMTP_URL is required in production/),
    ]);
  });

  it('accepts production with SMTP_URL, and development or test without it', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.org:587' }).smtpUrl).toBe(
      'smtp://mail.example.org:587',
    );
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).smtpUrl).toBeUndefined();
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).smtpUrl).toBeUndefined();
  });

  it('an unknown NODE_ENV is a problem, not development; unset is development', () => {
    expect(problemsOf(() => loadConfig({ ...base, NODE_ENV: 'staging' }))).toEqual([
      'NODE_ENV must be one of development, test, production (got "staging")',
    ]);
    expect(problemsOf(() => loadCliConfig({ ...base, NODE_ENV: 'prod' }))).toEqual([
      'NODE_ENV must be one of development, test, production (got "prod")',
    ]);
    expect(loadConfig(base).nodeEnv).toBe('development');
  });

  it('reads HOST and DATABASE_POOL_SIZE, with one line for a bad pool size', () => {
    expect(loadConfig(base)).toMatchObject({ host: '0.0.0.0', databasePoolSize: 20 });
    expect(loadConfig({ ...base, HOST: '127.0.0.1', DATABASE_POOL_SIZE: '5' })).toMatchObject({ host: '127.0.0.1', databasePoolSize: 5 });
    expect(problemsOf(() => loadConfig({ ...base, DATABASE_POOL_SIZE: 'many' }))).toEqual([
      'DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "many")',
    ]);
    expect(problemsOf(() => loadCliConfig({ ...base, DATABASE_POOL_SIZE: '0' }))).toEqual([
      'DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "0")',
    ]);
  });

  it('every problem at once, one line each', () => {
    expect(problemsOf(() => loadConfig({ NODE_ENV: 'x', PORT: '-1', TRUST_PROXY: 'maybe' }))).toEqual([
      'NODE_ENV must be one of development, test, production (got "x")',
      'DATABASE_URL is required',
      'PORT must be a whole number from 0 to 65535 (got "-1")',
      'TRUST_PROXY must be true or false (got "maybe")',
    ]);
  });

  it('SESSION_SECRET is not needed (nothing signs with it) and, when set, ignored', () => {
    expect(problemsOf(() => loadConfig(base))).toEqual([]);
    expect(loadConfig({ ...base, SESSION_SECRET: 'short' })).not.toHaveProperty('sessionSecret');
  });

  it('the CLI needs only the database', () => {
    expect(loadCliConfig(base)).toEqual({ nodeEnv: 'development', databaseUrl: base.DATABASE_URL, databasePoolSize: 20 });
    expect(problemsOf(() => loadCliConfig({}))).toEqual(['DATABASE_URL is required']);
  });
});

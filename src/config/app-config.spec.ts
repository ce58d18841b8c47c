import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', SESSION_SECRET: 'x'.repeat(32) };

describe('loadConfig', () => {
  it('refuses production without SMTP_URL in one line naming it', () => {
    let error: unknown;
    try {
      loadConfig({ ...base, NODE_ENV: 'production' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^SMTP_URL is required in production/)]);
  });

  it('accepts production with SMTP_URL, and development or test without it', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.org:587' }).smtpUrl).toBe('smtp://mail.example.org:587');
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).smtpUrl).toBeUndefined();
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).smtpUrl).toBeUndefined();
  });
});

import { Logger } from '@nestjs/common';
import { loadConfig } from '../../config/app-config';
import { Mailer } from './mailer';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };
const mail = { to: ['a@example.com'], subject: 's', text: 'https://x/reset-password?token=secret', html: '' };

describe('Mailer without SMTP_URL', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs the mail in development', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    await new Mailer(loadConfig({ ...base, NODE_ENV: 'development' })).send(mail);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('token=secret'));
  });

  it('never logs it in production (a config built around the check still cannot leak)', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const config = { ...loadConfig({ ...base, NODE_ENV: 'test' }), nodeEnv: 'production' as const };
    await expect(new Mailer(config).send(mail)).rejects.toThrow(/SMTP_URL/);
    expect(log).not.toHaveBeenCalled();
  });
});

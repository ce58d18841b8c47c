/** Forgotten password: a one-time link by mail; the old password and old sessions stop working. */
import request from 'supertest';
import { PASSWORD, registerApplicant } from '../support/factories';
import { startSmtpCatcher } from '../support/smtp-catcher';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
  t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://awards.example.org' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

it('mails a link whose token sets a new password once; old password and sessions end', async () => {
  const a = await registerApplicant(t);
  await request(t.http).post('/api/auth/password-reset').send({ email: a.email.toUpperCase() }).expect(202, { accepted: true });
  const mail = await smtp.waitFor((m) => m.to.includes(a.email));
  expect(mail.subject).toBe('重设密码 / Reset your password');
  const token = decodeURIComponent(/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(mail.text)![1]);

  const fresh = 'a brand new passphrase';
  await request(t.http).post('/api/auth/password-reset/confirm').send({ token, password: fresh }).expect(204);
  await request(t.http).get('/api/auth/me').auth(a.token, { type: 'bearer' }).expect(401);
  await request(t.http).post('/api/auth/login').send({ email: a.email, password: PASSWORD }).expect(401);
  await request(t.http).post('/api/auth/login').send({ email: a.email, password: fresh }).expect(200);

  const again = await request(t.http).post('/api/auth/password-reset/confirm').send({ token, password: 'yet another passphrase' }).expect(400);
  expect(again.body.details[0]).toMatchObject({ path: 'token', code: 'reset_token_invalid' });
  const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM password_resets WHERE token_hash = $1`, [token]);
  expect(rows[0].n).toBe(0); // only the hash is stored
});

it('answers an unknown e-mail the same way and sends nothing', async () => {
  const before = smtp.mails.length;
  await request(t.http).post('/api/auth/password-reset').send({ email: 'nobody@example.com' }).expect(202, { accepted: true });
  await new Promise((r) => setTimeout(r, 300));
  expect(smtp.mails.length).toBe(before);
});

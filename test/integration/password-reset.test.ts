/** Forgotten password: a one-time link by mail; the old password and old sessions stop working. */
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { OutboxService } from '../../src/modules/notifications/outbox.service';
import { PASSWORD, registerApplicant } from '../support/factories';
import { startSmtpCatcher, type CaughtMail } from '../support/smtp-catcher';
import { startTestApp, type TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

let t: TestApp;
let worker: INestApplicationContext | undefined;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
  t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://awards.example.org' });
});
afterAll(async () => {
  await worker?.close();
  await t.close();
  await smtp.close();
});

const tokenOf = (mail: CaughtMail) => decodeURIComponent(/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(mail.text)![1]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('the request only writes an outbox row and answers alike for known and unknown e-mails; the worker mails', async () => {
  // no worker yet: whatever the request does, it does without SMTP
  const a = await registerApplicant(t);
  const known = await request(t.http).post('/api/auth/password-reset').send({ email: a.email.toUpperCase() }).expect(202);
  const unknown = await request(t.http).post('/api/auth/password-reset').send({ email: 'nobody@example.com' }).expect(202);
  expect(known.body).toEqual({ accepted: true });
  expect(unknown.body).toEqual(known.body);
  await sleep(300);
  expect(smtp.mails).toHaveLength(0);

  const { rows } = await t.db.query(
    `SELECT kind, recipient_user_ids::text[] AS recipients, payload FROM notification_outbox WHERE kind = 'password_reset' ORDER BY created_at`,
  );
  // one row each, the same shape; only the known one names a recipient, neither holds a secret
  expect(rows).toEqual([
    { kind: 'password_reset', recipients: [a.userId], payload: {} },
    { kind: 'password_reset', recipients: [], payload: {} },
  ]);
  expect((await t.db.query('SELECT count(*)::int AS n FROM password_resets')).rows[0].n).toBe(0);

  worker = await startTestWorker(t);
  const mail = await smtp.waitFor((m) => m.to.includes(a.email));
  expect(mail.subject).toBe('重设密码 / Reset your password');
  expect(tokenOf(mail).length).toBeGreaterThanOrEqual(40);
  for (let i = 0; i < 100 && (await t.db.query('SELECT 1 FROM notification_outbox WHERE delivered_at IS NULL')).rowCount; i++)
    await sleep(100);
  expect((await t.db.query('SELECT 1 FROM notification_outbox WHERE delivered_at IS NULL')).rowCount).toBe(0);
  expect(smtp.mails).toHaveLength(1); // nothing to nobody@example.com
});

it('mails a link whose token sets a new password once; old password and sessions end', async () => {
  worker ??= await startTestWorker(t);
  const a = await registerApplicant(t);
  await request(t.http).post('/api/auth/password-reset').send({ email: a.email }).expect(202, { accepted: true });
  const token = tokenOf(await smtp.waitFor((m) => m.to.includes(a.email)));

  const fresh = 'a brand new passphrase';
  await request(t.http).post('/api/auth/password-reset/confirm').send({ token, password: fresh }).expect(204);
  await request(t.http).get('/api/auth/me').auth(a.token, { type: 'bearer' }).expect(401);
  await request(t.http).post('/api/auth/login').send({ email: a.email, password: PASSWORD }).expect(401);
  await request(t.http).post('/api/auth/login').send({ email: a.email, password: fresh }).expect(200);

  const again = await request(t.http)
    .post('/api/auth/password-reset/confirm')
    .send({ token, password: 'yet another passphrase' })
    .expect(400);
  expect(again.body.details[0]).toMatchObject({ path: 'token', code: 'reset_token_invalid' });
  const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM password_resets WHERE token_hash = $1`, [token]);
  expect(rows[0].n).toBe(0); // only the hash is stored
});

it('a reset ends every other outstanding link of the user', async () => {
  worker ??= await startTestWorker(t);
  const a = await registerApplicant(t);
  await request(t.http).post('/api/auth/password-reset').send({ email: a.email }).expect(202);
  await request(t.http).post('/api/auth/password-reset').send({ email: a.email }).expect(202);
  for (let i = 0; i < 150 && smtp.mails.filter((m) => m.to.includes(a.email)).length < 2; i++) await sleep(100);
  const [first, second] = smtp.mails.filter((m) => m.to.includes(a.email)).map(tokenOf);
  expect(first).not.toBe(second);

  await request(t.http).post('/api/auth/password-reset/confirm').send({ token: second, password: 'the newest passphrase' }).expect(204);
  const stale = await request(t.http)
    .post('/api/auth/password-reset/confirm')
    .send({ token: first, password: 'an attacker passphrase' })
    .expect(400);
  expect(stale.body.details[0]).toMatchObject({ path: 'token', code: 'reset_token_invalid' });
  await request(t.http).post('/api/auth/login').send({ email: a.email, password: 'the newest passphrase' }).expect(200);
});

it('a mail that cannot be sent leaves no usable token, and the row is retried', async () => {
  const a = await registerApplicant(t);
  const before = (await t.db.query('SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1', [a.userId])).rows[0].n;
  // a worker whose SMTP server refuses connections, on a queue of its own (it takes no other job)
  const dead = await startTestWorker({
    ...t,
    config: { ...t.config, smtpUrl: 'smtp://127.0.0.1:1', queuePrefix: `${t.config.queuePrefix}-dead` },
  });
  try {
    const [row] = (
      await t.db.query(
        `INSERT INTO notification_outbox (kind, recipient_user_ids) VALUES ('password_reset', ARRAY[$1::uuid]) RETURNING id`,
        [a.userId],
      )
    ).rows;
    await expect(dead.get(OutboxService).deliver(row.id)).rejects.toThrow();
    const { rows } = await t.db.query('SELECT delivered_at, attempts, last_error FROM notification_outbox WHERE id = $1', [row.id]);
    expect(rows[0]).toMatchObject({ delivered_at: null, attempts: 1, last_error: expect.stringMatching(/ECONNREFUSED/) });
    expect((await t.db.query('SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1', [a.userId])).rows[0].n).toBe(before);
  } finally {
    await dead.close();
  }
});

/**
 * Inviting a colleague (issue 12 item 11p): the invitation is mailed through the notification
 * outbox (the worker issues the mailed link's token as it sends: no secret in the outbox), the
 * owner sees what is pending and may revoke it — after which neither the mailed nor the copied
 * link works, and a mail not yet sent is not sent.
 */
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
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

const linkToken = (mail: CaughtMail) => decodeURIComponent(/\/invitations\/([A-Za-z0-9_%-]+)/.exec(mail.text)![1]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('mails the invitation with a link of its own; the owner lists it until it is accepted', async () => {
  const owner = await registerApplicant(t, '邀请测试单位');
  const email = `colleague-${Date.now()}@example.com`;
  const invited = await request(t.http)
    .post(`/api/organisations/${owner.organisationId}/invitations`)
    .auth(owner.token, { type: 'bearer' })
    .send({ email })
    .expect(201);
  // the outbox row names the address and holds no token
  const { rows } = await t.db.query(`SELECT recipient_emails, payload FROM notification_outbox WHERE kind = 'invitation'`);
  expect(rows).toEqual([
    { recipient_emails: [email], payload: expect.objectContaining({ invitationId: invited.body.id, organisation: '邀请测试单位' }) },
  ]);
  expect(JSON.stringify(rows)).not.toContain(invited.body.token);

  const pending = await request(t.http)
    .get(`/api/organisations/${owner.organisationId}/invitations`)
    .auth(owner.token, { type: 'bearer' })
    .expect(200);
  expect(pending.body).toEqual([
    { id: invited.body.id, email, createdAt: expect.any(String), expiresAt: expect.any(String), invitedBy: expect.any(String) },
  ]);

  worker = await startTestWorker(t);
  const mail = await smtp.waitFor((m) => m.to.includes(email));
  expect(mail.subject).toContain('邀请您加入“邀请测试单位”');
  expect(mail.text).toContain('https://awards.example.org/invitations/');
  const token = linkToken(mail);
  expect(token).not.toBe(invited.body.token);

  await request(t.http).post(`/api/invitations/${token}/accept`).send({ name: '新同事', password: PASSWORD }).expect(201);
  const after = await request(t.http)
    .get(`/api/organisations/${owner.organisationId}/invitations`)
    .auth(owner.token, { type: 'bearer' })
    .expect(200);
  expect(after.body).toEqual([]);
  // accepted: it cannot be revoked any more (409 with its state), and the copied link is spent too
  const late = await request(t.http)
    .delete(`/api/organisations/${owner.organisationId}/invitations/${invited.body.id}`)
    .auth(owner.token, { type: 'bearer' })
    .expect(409);
  expect(late.body.details[0].params).toEqual({ state: 'accepted' });
  await request(t.http).post(`/api/invitations/${invited.body.token}/accept`).send({ name: '又一位', password: PASSWORD }).expect(404);
});

it('a revoked invitation is gone from the list, its links do not work, its unsent mail is not sent, and the revoke is audited', async () => {
  worker ??= await startTestWorker(t);
  await worker.close(); // no delivery until the revoke has happened
  worker = undefined;
  const owner = await registerApplicant(t);
  const email = `revoked-${Date.now()}@example.com`;
  const invited = await request(t.http)
    .post(`/api/organisations/${owner.organisationId}/invitations`)
    .auth(owner.token, { type: 'bearer' })
    .send({ email })
    .expect(201);
  await request(t.http)
    .delete(`/api/organisations/${owner.organisationId}/invitations/${invited.body.id}`)
    .auth(owner.token, { type: 'bearer' })
    .expect(204);
  const list = await request(t.http)
    .get(`/api/organisations/${owner.organisationId}/invitations`)
    .auth(owner.token, { type: 'bearer' })
    .expect(200);
  expect(list.body).toEqual([]);
  await request(t.http).post(`/api/invitations/${invited.body.token}/accept`).send({ name: '某人', password: PASSWORD }).expect(404);
  const again = await request(t.http)
    .delete(`/api/organisations/${owner.organisationId}/invitations/${invited.body.id}`)
    .auth(owner.token, { type: 'bearer' })
    .expect(409);
  expect(again.body.details[0].params).toEqual({ state: 'revoked' });

  worker = await startTestWorker(t);
  for (let i = 0; i < 100 && (await t.db.query('SELECT 1 FROM notification_outbox WHERE delivered_at IS NULL')).rowCount; i++)
    await sleep(100);
  expect((await t.db.query('SELECT 1 FROM notification_outbox WHERE delivered_at IS NULL')).rowCount).toBe(0);
  expect(smtp.mails.filter((m) => m.to.includes(email))).toHaveLength(0);

  const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity = 'invitation' AND entity_id = $1 ORDER BY id`, [
    invited.body.id,
  ]);
  expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['invitation.create', 'invitation.revoke']);
});

it('another organisation’s invitation is 404 to revoke, and strangers do not see the list', async () => {
  const owner = await registerApplicant(t);
  const stranger = await registerApplicant(t);
  const invited = await request(t.http)
    .post(`/api/organisations/${owner.organisationId}/invitations`)
    .auth(owner.token, { type: 'bearer' })
    .send({ email: `x-${Date.now()}@example.com` })
    .expect(201);
  // the stranger's own organisation, someone else's invitation id: not found
  await request(t.http)
    .delete(`/api/organisations/${stranger.organisationId}/invitations/${invited.body.id}`)
    .auth(stranger.token, { type: 'bearer' })
    .expect(404);
  await request(t.http).get(`/api/organisations/${owner.organisationId}/invitations`).auth(stranger.token, { type: 'bearer' }).expect(404);
});

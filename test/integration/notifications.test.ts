/**
 * Notifications: an outbox row written with each transition, delivered after commit by the real
 * BullMQ worker over real SMTP (a local catcher); deadline reminders once per deadline.
 */
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { OutboxService } from '../../src/modules/notifications/outbox.service';
import { completeEntry } from '../support/complete-entry';
import { startSmtpCatcher } from '../support/smtp-catcher';
import { startTestApp, type TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

let t: TestApp;
let worker: INestApplicationContext;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  t = await startTestApp({ SMTP_URL: smtp.url });
  worker = await startTestWorker(t);
});
afterAll(async () => {
  await worker.close();
  await t.close();
  await smtp.close();
});

it('sealing sends the organisation a mail with the entry code and the sealed hash, once', async () => {
  const { owner, appId } = await completeEntry(t);
  const sealed = await request(t.http).post(`/api/applications/${appId}/seal`).auth(owner.token, { type: 'bearer' }).send({}).expect(200);
  const { rows } = await t.db.query('SELECT entry_code FROM applications WHERE id = $1', [appId]);
  const mail = await smtp.waitFor((m) => m.subject === `申报已封存：${rows[0].entry_code} / Application sealed: ${rows[0].entry_code}`);
  expect(mail.to).toEqual([owner.email]);
  expect(mail.text).toContain(sealed.body.sha256);

  const [outbox] = (await t.db.query(`SELECT id, delivered_at, attempts FROM notification_outbox WHERE application_id = $1`, [appId])).rows;
  expect(outbox.delivered_at).not.toBeNull();
  expect(await worker.get(OutboxService).deliver(outbox.id)).toBe('already');
});

it('queues deadline reminders for drafts once per deadline', async () => {
  const { owner, appId } = await completeEntry(t);
  const { rows } = await t.db.query('SELECT cycle_id, entry_code FROM applications WHERE id = $1', [appId]);
  await t.db.query(`UPDATE cycles SET submission_deadline = now() + interval '2 days' WHERE id = $1`, [rows[0].cycle_id]);
  const outbox = worker.get(OutboxService);
  expect(await outbox.queueDeadlineReminders()).toBeGreaterThanOrEqual(1);
  expect(await outbox.queueDeadlineReminders()).toBe(0);
  const mail = await smtp.waitFor((m) => m.subject.startsWith(`距申报截止还有 3 天：${rows[0].entry_code}`));
  expect(mail.to).toEqual([owner.email]);
  // 20 hours before the deadline it is the 24-hour reminder's turn
  expect(await outbox.queueDeadlineReminders(new Date(Date.now() + 28 * 3600_000))).toBeGreaterThanOrEqual(1);
});

it('a row whose queueing was lost is delivered by the sweep', async () => {
  const { appId } = await completeEntry(t);
  const [row] = (
    await t.db.query(
      `INSERT INTO notification_outbox (kind, application_id, recipient_user_ids, payload, created_at)
     SELECT 'accepted', a.id, array_agg(m.user_id), jsonb_build_object('entryCode', a.entry_code, 'cycle', 'c'), now() - interval '1 minute'
       FROM applications a JOIN memberships m ON m.organisation_id = a.organisation_id WHERE a.id = $1 GROUP BY a.id RETURNING id`,
      [appId],
    )
  ).rows;
  expect(await worker.get(OutboxService).sweep()).toBeGreaterThanOrEqual(1);
  for (let i = 0; i < 100; i++) {
    const { rows } = await t.db.query('SELECT delivered_at FROM notification_outbox WHERE id = $1', [row.id]);
    if (rows[0].delivered_at) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('not delivered');
});

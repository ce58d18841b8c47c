/**
 * Jobs that cannot succeed, with the real worker: a dossier whose render fails every attempt ends
 * `failed` with its reason (409 dossier_failed, not 202 forever) until a retry renders it again;
 * a job whose row is not in this database fails at once and visibly in every processor.
 */
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DOSSIERS_QUEUE, DossierJob, NOTIFICATIONS_QUEUE, NotificationJob } from '../../src/infra/queue/queues';
import { renderJobId } from '../../src/modules/dossiers/dossiers.service';
import { fetchDossier, sealedEntry, upload, type SealedEntry } from '../support/sealed-entry';
import { pngFile } from '../support/sample-files';
import { startTestApp, type TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { entryThatCannotRender } from '../support/broken-dossier';
import { registerApplicant } from '../support/factories';

jest.setTimeout(120_000);

let t: TestApp;
let worker: INestApplicationContext | undefined;

beforeAll(async () => {
  t = await startTestApp({ DOSSIER_RENDER_ATTEMPTS: '2' });
});
afterAll(async () => {
  await worker?.close();
  await t?.close();
});

const until = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

const dossierRow = async (e: SealedEntry) =>
  (await t.db.query(`SELECT * FROM dossiers WHERE snapshot_id = $1 AND variant = 'applicant'`, [e.snapshotId])).rows[0];
const get = (e: SealedEntry, path = '') =>
  request(t.http).get(`/api/applications/${e.appId}/dossier${path}`).auth(e.owner.token, { type: 'bearer' });
const retry = (e: SealedEntry, token = e.owner.token) =>
  request(t.http).post(`/api/applications/${e.appId}/dossier/retry`).auth(token, { type: 'bearer' }).send({});

describe('a render that fails every attempt', () => {
  let broken: Awaited<ReturnType<typeof entryThatCannotRender>>;
  let e: SealedEntry;

  beforeAll(async () => {
    broken = await entryThatCannotRender(t); // sealed (its render queued) before any worker runs
    e = broken.entry;
    worker = await startTestWorker(t);
  });

  it('ends failed with its reason: GET …/dossier answers 409 dossier_failed, not 202', async () => {
    const failed = await until('the render to fail', async () => {
      const res = await get(e).set('Accept-Language', 'en');
      if (res.status === 202) return undefined;
      return res;
    });
    expect(failed.status).toBe(409);
    expect(failed.body).toMatchObject({
      statusCode: 409,
      code: 'dossier_failed',
      status: 'failed',
      message: expect.stringContaining('could not be produced'),
    });
    expect(failed.body.details[0]).toMatchObject({ path: 'dossier', code: 'dossier_failed', params: { reason: expect.any(String) } });
    const reason: string = failed.body.details[0].params.reason;
    expect(reason.length).toBeGreaterThan(0);
    expect(failed.body.details[0].message).toContain(reason);

    const row = await dossierRow(e);
    expect(row).toMatchObject({ status: 'failed', error: reason, retries: 0, renders: 2 }); // both attempts ran
    expect(row.failed_at).not.toBeNull();

    const zh = await get(e).expect(409);
    expect(zh.body.message).toContain('申报材料生成失败');
  });

  it('the status answer says failed with the reason, and asking again starts nothing', async () => {
    const status = await get(e, '/status').expect(200);
    expect(status.body).toMatchObject({
      status: 'failed',
      snapshotId: e.snapshotId,
      reason: expect.any(String),
      failedAt: expect.any(String),
    });
    expect(status.headers['retry-after']).toBeUndefined();
    await get(e).expect(409);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await dossierRow(e)).toMatchObject({ status: 'failed', renders: 2 });
  });

  it('a failure the worker could not record (the queue gave up on it) is read from the queue', async () => {
    const before = await dossierRow(e);
    await t.db.query(`UPDATE dossiers SET status = 'rendering', error = NULL, failed_at = NULL WHERE id = $1`, [before.id]);
    const res = await get(e).expect(409);
    expect(res.body.details[0].params.reason).toBe(before.error);
    expect((await dossierRow(e)).status).toBe('failed');
  });

  it('another organisation cannot retry it (404); the owner can, once; after the cause is gone it renders', async () => {
    const stranger = await registerApplicant(t);
    await retry(e, stranger.token).expect(404);

    await broken.restore();
    const failedRound = await dossierRow(e);
    const res = await retry(e).expect(202);
    expect(res.body).toMatchObject({ status: 'queued', progress: 0, snapshotId: e.snapshotId, reason: null });
    const again = await retry(e).expect(409); // queued, rendering or ready: nothing to retry
    expect(again.body).toMatchObject({ code: 'dossier_not_failed' });

    // the failed round's job is gone from the queue; the new round has a job id of its own
    const queue = t.app.get<Queue>(getQueueToken(DOSSIERS_QUEUE));
    expect(await queue.getJob(renderJobId(failedRound))).toBeUndefined();

    const { pdf } = await fetchDossier(t, e.owner, e.appId);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await dossierRow(e)).toMatchObject({ status: 'ready', retries: 1, error: null });
    await retry(e).expect(409);

    const audit = await t.db.query(`SELECT actor_id, details FROM audit_log WHERE action = 'dossier.retry' AND application_id = $1`, [
      e.appId,
    ]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      actor_id: e.owner.userId,
      details: { variant: 'applicant', reason: failedRound.error, round: 1 },
    });
  });

  it('a copy that is not failed cannot be retried: 409 while a draft, 409 while it renders', async () => {
    const fresh = await sealedEntry(t);
    expect((await retry(fresh).expect(409)).body.code).toBe('dossier_not_failed');
    await request(t.http).post(`/api/applications/${fresh.appId}/unseal`).auth(fresh.owner.token, { type: 'bearer' }).send({}).expect(200);
    expect((await retry(fresh).expect(409)).body.code).toBe('wrong_state');
  });
});

describe('a job whose row is not in this database', () => {
  beforeAll(async () => {
    worker ??= await startTestWorker(t);
  });

  async function settle(queue: Queue, job: Job): Promise<{ state: string; job: Job }> {
    return until(`job ${job.id}`, async () => {
      const state = await queue.getJobState(job.id!);
      if (state !== 'failed' && state !== 'completed') return undefined;
      return { state, job: (await queue.getJob(job.id!))! };
    });
  }

  const cases: Array<[string, string, string, Record<string, string>]> = [
    ['a receipt check', DOSSIERS_QUEUE, DossierJob.receiptCheck, { attachmentId: randomUUID() }],
    ['a render', DOSSIERS_QUEUE, DossierJob.render, { dossierId: randomUUID() }],
    ['an export', DOSSIERS_QUEUE, DossierJob.exportZip, { exportId: randomUUID() }],
    ['a notification', NOTIFICATIONS_QUEUE, NotificationJob.deliver, { outboxId: randomUUID() }],
  ];

  it.each(cases)('%s fails at once, naming what is missing (no success, no retries)', async (_what, queueName, name, data) => {
    const queue = t.app.get<Queue>(getQueueToken(queueName));
    const added = await queue.add(name, data, { attempts: 3, backoff: { type: 'fixed', delay: 100 } });
    const { state, job } = await settle(queue, added);
    expect(state).toBe('failed');
    expect(job.failedReason).toMatch(/does not exist in this database.*QUEUE_PREFIX/);
    expect(job.failedReason).toContain(Object.values(data)[0]);
    expect(job.attemptsMade).toBe(1);
  });

  it('a receipt check of a stamped receipt that exists still completes (only missing rows fail)', async () => {
    const e = await sealedEntry(t);
    const receipt = await upload(t, e.owner, e.appId, 'stamped_receipt', pngFile(300, 300), 'blank.png');
    const check = await until('the receipt check', async () => {
      const { rows } = await t.db.query('SELECT receipt_check FROM attachments WHERE id = $1', [receipt.id]);
      return rows[0].receipt_check === 'pending' ? undefined : rows[0].receipt_check;
    });
    expect(check).toBe('unreadable');
  });
});

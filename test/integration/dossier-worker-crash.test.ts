/**
 * The worker is a separate process that may die at any moment: killed with SIGKILL in the middle
 * of a render and started again, it delivers the dossier once, without anyone's help.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DOSSIERS_QUEUE } from '../../src/infra/queue/queues';
import { StorageService } from '../../src/infra/storage/storage.service';
import { renderJobId } from '../../src/modules/dossiers/dossiers.service';
import { fetchDossier, sealedEntry } from '../support/sealed-entry';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const LOCK_MS = '2000';
let t: TestApp;
const children: ChildProcess[] = [];

beforeAll(async () => {
  t = await startTestApp({ WORKER_LOCK_MS: LOCK_MS });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await t?.close();
});

/** `npm run start:worker`, from source, on this file's database and queue prefix. */
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', resolve(__dirname, '../../src/worker.ts')], {
    cwd: resolve(__dirname, '../..'),
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: t.databaseUrl, QUEUE_PREFIX: t.config.queuePrefix, WORKER_LOCK_MS: LOCK_MS },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000, everyMs = 10): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

it('a worker killed mid-render is replaced and the dossier is delivered once', async () => {
  const entry = await sealedEntry(t); // sealing queues the applicant copy
  const row = async () =>
    (await t.db.query(`SELECT * FROM dossiers WHERE snapshot_id = $1 AND variant = 'applicant'`, [entry.snapshotId])).rows[0];

  const first = startWorker();
  await waitFor('the render to start', async () => ((await row())?.status === 'rendering' ? true : undefined));
  first.kill('SIGKILL');
  await new Promise((r) => first.once('exit', r));
  expect((await row()).status).toBe('rendering'); // killed before it could finish

  startWorker();
  const done = await waitFor('the dossier', async () => ((await row())?.status === 'ready' ? row() : undefined), 120_000, 200);
  expect(done.renders).toBe(2);

  const storage = new StorageService(t.config);
  const objects = await storage.listKeys(`dossiers/${entry.snapshotId}/`);
  storage.onModuleDestroy();
  expect(objects).toEqual([done.storage_key]);

  const queue = new Queue(DOSSIERS_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
  const job = await queue.getJob(renderJobId(done));
  expect(await job!.getState()).toBe('completed');
  await queue.close();

  const { pdf, first: status } = await fetchDossier(t, entry.owner, entry.appId);
  expect(status).toBe(200);
  expect(pdf.length).toBe(Number(done.size));
  await request(t.http).get(`/api/applications/${entry.appId}/dossier`).auth(entry.owner.token, { type: 'bearer' }).expect(200);
});

/**
 * Group commit of section writes (src/modules/applications/section-writes.ts): autosaves that
 * arrive together share one statement and one commit, and each still gets its own answer; an entry
 * whose row is locked (a seal in progress) holds up only its own writes.
 */
import type { PoolClient } from 'pg';
import request from 'supertest';
import { createApplication, createOpenCycle, registerApplicant, type Account, type OpenCycle } from '../support/factories';
import { SectionWrites } from '../../src/modules/applications/section-writes';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let cycle: OpenCycle;
let writers: Array<{ who: Account; appId: string }>;

beforeAll(async () => {
  t = await startTestApp();
  cycle = await createOpenCycle(t);
  writers = [];
  for (let i = 0; i < 13; i++) {
    const who = await registerApplicant(t);
    writers.push({ who, appId: (await createApplication(t, who, cycle)).id });
  }
});
afterAll(() => t.close());

const patch = (who: Account, appId: string, section: string, etag: string, body: object) =>
  request(t.http)
    .patch(`/api/applications/${appId}/sections/${section}`)
    .auth(who.token, { type: 'bearer' })
    .set('If-Match', etag)
    .set('Prefer', 'return=minimal')
    .send(body);

const etagOf = async (who: Account, appId: string, section: string) =>
  String(
    (await request(t.http).get(`/api/applications/${appId}/sections/${section}`).auth(who.token, { type: 'bearer' }).expect(200)).headers
      .etag,
  );

/** Runs `work` while another transaction holds `lock` (a row-locking SELECT); resolves with what `work` resolved. */
async function whileLocked<T>(lock: string, params: unknown[], work: (waiting: () => Promise<void>) => Promise<T>): Promise<T> {
  const holder: PoolClient = await t.db.connect();
  try {
    await holder.query('BEGIN');
    await holder.query(lock, params);
    return await work(async () => {
      // until some statement of the API waits for the held lock
      for (let i = 0; i < 200; i++) {
        const { rows } = await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0].n > 0) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('nothing waited for the lock');
    });
  } finally {
    await holder.query('ROLLBACK');
    holder.release();
  }
}

it('writes that arrive together commit together, and each gets its own answer', async () => {
  const [first, ...rest] = writers;
  const [stale, stranger, ...fresh] = rest;
  const staleEtag = await etagOf(stale.who, stale.appId, 'strategy');
  await patch(stale.who, stale.appId, 'strategy', staleEtag, { overallStrategy: '先到的版本' }).expect(204);

  // the first write waits on its section row, so the others queue behind it and go as one batch
  const answers = await whileLocked(
    `SELECT 1 FROM application_sections WHERE application_id = $1 AND section_key = 'strategy' FOR UPDATE`,
    [first.appId],
    async (waiting) => {
      const firstWrite = patch(first.who, first.appId, 'strategy', '"1"', { overallStrategy: '等锁的那一次' }).then((r) => r);
      await waiting();
      const others = [
        ...fresh.map(({ who, appId }, i) => patch(who, appId, 'strategy', '"1"', { overallStrategy: `第 ${i} 家的战略` })),
        // the same entry's other section goes with them; a stale version and a stranger's entry get their own answers
        patch(fresh[0].who, fresh[0].appId, 'training', '"1"', { system: '培训体系' }),
        patch(stale.who, stale.appId, 'strategy', staleEtag, { overallStrategy: '旧版本上的修改' }),
        patch(stranger.who, first.appId, 'training', '"1"', { system: '别人的单位' }),
      ].map((r) => r.then((res) => res));
      // every write that gets past its checks queued before the lock goes (the stale one and the stranger's are refused before)
      const queue = t.app.get(SectionWrites);
      for (let i = 0; i < 1000 && queue.queued < fresh.length + 1; i++) await new Promise((r) => setTimeout(r, 10));
      expect(queue.queued).toBe(fresh.length + 1);
      return { others, firstWrite };
    },
  ).then(async ({ others, firstWrite }) => ({ others: await Promise.all(others), first: await firstWrite }));

  expect(answers.first.status).toBe(204);
  const statuses = answers.others.map((r) => r.status);
  expect(statuses).toEqual([...fresh.map(() => 204), 204, 412, 404]);
  expect(answers.others.at(-2)!.body).toMatchObject({ code: 'stale_version', current: { data: { overallStrategy: '先到的版本' } } });

  // what each one wrote is where it belongs; the queued ones landed in one transaction
  const { rows } = await t.db.query<{
    application_id: string;
    section_key: string;
    data: { overallStrategy?: string; system?: string };
    tx: string;
  }>(
    `SELECT application_id, section_key, data, xmin::text AS tx FROM application_sections
      WHERE application_id = ANY($1) AND section_key IN ('strategy', 'training') AND version > 1`,
    [writers.map((w) => w.appId)],
  );
  const byKey = new Map(rows.map((r) => [`${r.application_id}/${r.section_key}`, r]));
  fresh.forEach(({ appId }, i) => expect(byKey.get(`${appId}/strategy`)!.data).toEqual({ overallStrategy: `第 ${i} 家的战略` }));
  expect(byKey.get(`${fresh[0].appId}/training`)!.data).toEqual({ system: '培训体系' });
  expect(byKey.get(`${first.appId}/strategy`)!.data).toEqual({ overallStrategy: '等锁的那一次' });
  expect(byKey.has(`${first.appId}/training`)).toBe(false);
  const queued = [...fresh.map((w) => `${w.appId}/strategy`), `${fresh[0].appId}/training`];
  expect(new Set(queued.map((k) => byKey.get(k)!.tx)).size).toBe(1);

  // one audit row per landed write, by its own writer
  const audit = await t.db.query<{ actor_id: string; application_id: string }>(
    `SELECT actor_id, application_id FROM audit_log WHERE action = 'section.write' AND application_id = ANY($1)`,
    [writers.map((w) => w.appId)],
  );
  expect(audit.rows).toHaveLength(fresh.length + 1 + 1 + 1); // the fresh ones, training, the first, the stale one's first version
  for (const { who, appId } of fresh)
    expect(audit.rows.filter((r) => r.application_id === appId)).toEqual(
      expect.arrayContaining([{ actor_id: who.userId, application_id: appId }]),
    );
});

it('an entry being sealed holds up its own autosave only; that write lands once the seal lets go', async () => {
  const [held, other] = writers.slice(-2);
  const heldEtag = await etagOf(held.who, held.appId, 'people');
  const otherEtag = await etagOf(other.who, other.appId, 'people');
  const { heldWrite, otherStatus } = await whileLocked(
    'SELECT 1 FROM applications WHERE id = $1 FOR UPDATE',
    [held.appId],
    async (waiting) => {
      const heldWrite = patch(held.who, held.appId, 'people', heldEtag, { attritionStrategies: '锁住时写的' }).then((r) => r);
      await waiting();
      // the held entry's write waits alone; another entry's autosave is not queued behind it
      const otherStatus = (await patch(other.who, other.appId, 'people', otherEtag, { attritionStrategies: '不受影响' })).status;
      return { heldWrite, otherStatus };
    },
  );
  expect(otherStatus).toBe(204);
  expect((await heldWrite).status).toBe(204);
  const { rows } = await t.db.query(`SELECT data FROM application_sections WHERE application_id = $1 AND section_key = 'people'`, [
    held.appId,
  ]);
  expect(rows[0].data).toEqual({ attritionStrategies: '锁住时写的' });
});

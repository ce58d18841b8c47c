/**
 * The application access policy for judges (application-access.policy.ts, checkAccess): a judge
 * reads an entry only when assigned to it in an open or closed round, with the cycle's
 * confidentiality terms accepted and no conflict with its organisation that staff have not
 * dismissed — one query for any number of ids, never write or manage. Also over HTTP.
 */
import { Client } from 'pg';
import request from 'supertest';
import type { Actor } from '../../src/common/auth/actor';
import { ApplicationAccessPolicy } from '../../src/modules/applications/application-access.policy';
import { createOpenCycle, createUser, type Account, type OpenCycle } from '../support/factories';
import { createRound, createRubric, entryIn } from '../support/judging';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let policy: ApplicationAccessPolicy;
let staff: Account;
let rubricId: string;

beforeAll(async () => {
  t = await startTestApp();
  policy = t.app.get(ApplicationAccessPolicy);
  staff = await createUser(t, 'staff');
  rubricId = await createRubric(t, staff);
});
afterAll(() => t.close());

const asActor = (a: Account): Actor => ({ userId: a.userId, sessionId: '', email: a.email, name: 'judge', role: 'judge' });

interface Scene {
  cycle: OpenCycle;
  roundId: string;
  judge: Account;
  entry: Awaited<ReturnType<typeof entryIn>>;
  other: Awaited<ReturnType<typeof entryIn>>;
  assignmentId: string;
}

/** An open round, a judge who accepted the terms and is assigned `entry` (not `other`). */
async function scene(): Promise<Scene> {
  const cycle = await createOpenCycle(t);
  const entry = await entryIn(t, cycle, 'in_review');
  const other = await entryIn(t, cycle, 'in_review');
  const judge = await createUser(t, 'judge');
  // not blind: in a blind round a judge reads the entry only through /api/assignments (judging-blind.test.ts)
  const roundId = await createRound(t, staff, cycle.cycleId, rubricId, { blind: false });
  await t.db.query(`UPDATE rounds SET state = 'open' WHERE id = $1`, [roundId]);
  await t.db.query(
    `INSERT INTO confidentiality_acceptances (cycle_id, judge_id, terms_version, text_sha256) VALUES ($1, $2, '2026-1', 'x')`,
    [cycle.cycleId, judge.userId],
  );
  const a = await t.db.query(`INSERT INTO assignments (round_id, application_id, judge_id) VALUES ($1, $2, $3) RETURNING id`, [
    roundId,
    entry.appId,
    judge.userId,
  ]);
  return { cycle, roundId, judge, entry, other, assignmentId: a.rows[0].id };
}

async function reads(s: Scene): Promise<string[]> {
  return [...(await policy.checkAccess(asActor(s.judge), 'read', new Set([s.entry.appId, s.other.appId])))];
}

it('an assigned judge reads the entry (one query), never writes or manages it, and reads nothing else', async () => {
  const s = await scene();
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    expect(await reads(s)).toEqual([s.entry.appId]);
    expect(spy.mock.calls.length).toBe(1);
  } finally {
    spy.mockRestore();
  }
  for (const p of ['write', 'manage'] as const)
    expect((await policy.checkAccess(asActor(s.judge), p, new Set([s.entry.appId]))).size).toBe(0);
  const stranger = await createUser(t, 'judge');
  expect((await policy.checkAccess(asActor(stranger), 'read', new Set([s.entry.appId]))).size).toBe(0);
  await expect(policy.require(asActor(s.judge), 'write', s.entry.appId)).rejects.toMatchObject({ kind: 'forbidden' });
  await expect(policy.require(asActor(s.judge), 'read', s.other.appId)).rejects.toMatchObject({ kind: 'not_found' });
});

it('a closed round still reads; a draft round does not', async () => {
  const s = await scene();
  await t.db.query(`UPDATE rounds SET state = 'closed' WHERE id = $1`, [s.roundId]);
  expect(await reads(s)).toEqual([s.entry.appId]);
  await t.db.query(`UPDATE rounds SET state = 'draft' WHERE id = $1`, [s.roundId]);
  expect(await reads(s)).toEqual([]);
});

it('without the cycle’s confidentiality terms: nothing', async () => {
  const s = await scene();
  await t.db.query('DELETE FROM confidentiality_acceptances WHERE judge_id = $1', [s.judge.userId]);
  expect(await reads(s)).toEqual([]);
  // terms of another cycle do not count
  await t.db.query(
    `INSERT INTO confidentiality_acceptances (cycle_id, judge_id, terms_version, text_sha256) VALUES ($1, $2, '2026-1', 'x')`,
    [(await createOpenCycle(t)).cycleId, s.judge.userId],
  );
  expect(await reads(s)).toEqual([]);
});

it('a removed assignment reads nothing', async () => {
  const s = await scene();
  await t.db.query(`UPDATE assignments SET state = 'removed', removed_at = now(), removed_reason = 'test' WHERE id = $1`, [s.assignmentId]);
  expect(await reads(s)).toEqual([]);
});

it('a declared conflict (any cycle) or an inferred one of the cycle blocks it; a dismissed inferred one does not', async () => {
  const declared = await scene();
  await t.db.query(`INSERT INTO conflicts (judge_id, organisation_id, source, kind, reason) VALUES ($1, $2, 'declared', 'family', 'x')`, [
    declared.judge.userId,
    declared.entry.orgId,
  ]);
  expect(await reads(declared)).toEqual([]);

  const inferred = await scene();
  const { rows } = await t.db.query(
    `INSERT INTO conflicts (judge_id, organisation_id, cycle_id, source, kind, reason) VALUES ($1, $2, $3, 'inferred', 'group', 'x') RETURNING id`,
    [inferred.judge.userId, inferred.entry.orgId, inferred.cycle.cycleId],
  );
  expect(await reads(inferred)).toEqual([]);
  await t.db.query(`UPDATE conflicts SET dismissed_at = now(), dismissed_by = $2, dismiss_reason = 'no' WHERE id = $1`, [
    rows[0].id,
    staff.userId,
  ]);
  expect(await reads(inferred)).toEqual([inferred.entry.appId]);

  // an inferred conflict of another cycle does not block this one
  const elsewhere = await scene();
  await t.db.query(
    `INSERT INTO conflicts (judge_id, organisation_id, cycle_id, source, kind, reason) VALUES ($1, $2, $3, 'inferred', 'group', 'x')`,
    [elsewhere.judge.userId, elsewhere.entry.orgId, (await createOpenCycle(t)).cycleId],
  );
  expect(await reads(elsewhere)).toEqual([elsewhere.entry.appId]);
});

it('over HTTP: the assigned judge reads the application (200); after declaring a conflict, 404', async () => {
  const s = await scene();
  await request(t.http).get(`/api/applications/${s.entry.appId}`).auth(s.judge.token, { type: 'bearer' }).expect(200);
  await request(t.http).get(`/api/applications/${s.other.appId}`).auth(s.judge.token, { type: 'bearer' }).expect(404);
  await request(t.http)
    .post('/api/judges/me/conflicts')
    .auth(s.judge.token, { type: 'bearer' })
    .send({ organisationId: s.entry.orgId, kind: 'employment' })
    .expect(201);
  await request(t.http).get(`/api/applications/${s.entry.appId}`).auth(s.judge.token, { type: 'bearer' }).expect(404);
});

it('in a blind round the application routes answer the assigned judge 404 (the entry is read redacted through /api/assignments)', async () => {
  const s = await scene();
  await t.db.query(`UPDATE rounds SET blind = true WHERE id = $1`, [s.roundId]);
  expect(await reads(s)).toEqual([]);
  for (const path of [`/api/applications/${s.entry.appId}`, `/api/applications/${s.entry.appId}/sections/basics`])
    await request(t.http).get(path).auth(s.judge.token, { type: 'bearer' }).expect(404);
  await request(t.http).get(`/api/assignments/${s.assignmentId}`).auth(s.judge.token, { type: 'bearer' }).expect(200);
});

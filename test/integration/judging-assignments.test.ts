/**
 * Assignments over HTTP: the solver's preview and its application (diff, audit, submitted reviews
 * kept), shortfalls with their reason, manual pairs refused with the reason, removal, and a
 * conflict after assignment (removed, its review out of the count, the entry refilled).
 */
import request from 'supertest';
import { Sql } from '../../src/infra/database/sql';
import { AssignmentsService } from '../../src/modules/judging/assignments/assignments.service';
import { createUser, type Account } from '../support/factories';
import { assign, declareConflict, openRound, panelJudge } from '../support/review-world';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

let t: TestApp;
let staff: Account;

beforeAll(async () => {
  t = await startTestApp();
  staff = await createUser(t, 'staff');
});
afterAll(() => t.close());

const post = (path: string, body: object = {}) => request(t.http).post(path).auth(staff.token, { type: 'bearer' }).send(body);
const get = (path: string) => request(t.http).get(path).auth(staff.token, { type: 'bearer' });
const live = async (roundId: string) =>
  (await t.db.query(`SELECT application_id, judge_id FROM assignments WHERE round_id = $1 AND state = 'assigned' ORDER BY 1, 2`, [roundId]))
    .rows as Array<{ application_id: string; judge_id: string }>;

it('a dry run previews a balanced, conflict-free assignment with expertise matches and writes nothing', async () => {
  const round = await openRound(t, staff, { entries: 4, industries: ['finance', 'telecom'], reviewsPerApplication: 2 });
  const judges = [
    await panelJudge(t, round, { industries: ['finance'], name: '甲评委' }),
    await panelJudge(t, round, { industries: ['finance'], name: '乙评委' }),
    await panelJudge(t, round, { industries: ['telecom'], name: '丙评委' }),
    await panelJudge(t, round, { industries: ['telecom'], name: '丁评委' }),
  ];
  await declareConflict(t, judges[0].userId, round.entries[0].orgId);

  const res = await post(`/api/rounds/${round.roundId}/assignments/auto`, { dryRun: true }).expect(200);
  expect(res.body.dryRun).toBe(true);
  expect(res.body.assignments).toHaveLength(8);
  expect(res.body.shortfalls).toEqual([]);
  expect(res.body.objective).toMatchObject({ assigned: 8, loadSpread: 0 });
  for (const l of res.body.loads) expect(l).toMatchObject({ count: 2, capacity: 4 });
  expect(res.body.assignments).not.toContainEqual(
    expect.objectContaining({ applicationId: round.entries[0].appId, judgeId: judges[0].userId }),
  );
  // balance first: judge 0 (finance, conflicted with entry 0) takes one telecom entry, so one telecom
  // judge takes entry 0 — 6 of 8 pairs are expert, the most a balanced answer can have
  expect(res.body.objective.expertiseMatches).toBe(6);
  expect(res.body.assignments.filter((a: { expertiseMatch: boolean }) => a.expertiseMatch)).toHaveLength(6);
  const panel = res.body.entries.find((e: { applicationId: string }) => e.applicationId === round.entries[1].appId);
  expect(panel).toMatchObject({ entryCode: round.entries[1].entryCode, industry: 'telecom', missing: 0 });
  expect(panel.judges).toHaveLength(2);
  expect(await live(round.roundId)).toEqual([]);
});

it('says which entries are short and why, in the caller’s language', async () => {
  const round = await openRound(t, staff, { entries: 2, reviewsPerApplication: 3 });
  const judges = [await panelJudge(t, round), await panelJudge(t, round), await panelJudge(t, round, { capacity: 1 })];
  await declareConflict(t, judges[0].userId, round.entries[0].orgId);
  const res = await post(`/api/rounds/${round.roundId}/assignments/auto`, { dryRun: true }).set('Accept-Language', 'en').expect(200);
  // entry 0: judge 0 conflicted; judge 2 has room for one entry only
  const short = res.body.shortfalls;
  expect(short.length).toBeGreaterThanOrEqual(1);
  const first = short.find((s: { applicationId: string }) => s.applicationId === round.entries[0].appId);
  expect(first).toMatchObject({ missing: expect.any(Number), conflicted: 1, reasonCode: expect.any(String) });
  expect(first.reason).toMatch(/only \d+ eligible judges? left: 1 conflicted, \d+ at capacity/);
  expect(res.body.objective.assigned + short.reduce((s: number, x: { missing: number }) => s + x.missing, 0)).toBe(6);
  const zh = await post(`/api/rounds/${round.roundId}/assignments/auto`, { dryRun: true }).expect(200);
  expect(zh.body.shortfalls[0].reason).toMatch(/利益冲突/);
});

it('applies: writes the pairs and an audit row each; a re-solve keeps submitted reviews and moves as little as possible', async () => {
  const round = await openRound(t, staff, { entries: 3, reviewsPerApplication: 2 });
  const judges = [await panelJudge(t, round), await panelJudge(t, round), await panelJudge(t, round)];
  const applied = await post(`/api/rounds/${round.roundId}/assignments/auto`, { dryRun: false }).expect(200);
  expect(applied.body.added).toHaveLength(6);
  expect(applied.body.removed).toEqual([]);
  expect(await live(round.roundId)).toHaveLength(6);
  const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'assignment.add' AND details->>'roundId' = $1`, [
    round.roundId,
  ]);
  expect(audit.rows[0].n).toBe(6);
  const summary = await t.db.query(`SELECT details FROM audit_log WHERE action = 'assignments.auto' AND entity_id = $1`, [round.roundId]);
  expect(summary.rows[0].details).toMatchObject({ added: 6, removed: 0 });

  expect(applied.body.diff.added.map((a: { assignmentId: string }) => a.assignmentId).sort()).toEqual(
    applied.body.added.map((a: { id: string }) => a.id).sort(),
  );
  expect(applied.body.diff).toMatchObject({ removed: [], kept: [] });

  // the same input again: nothing moves
  const again = await post(`/api/rounds/${round.roundId}/assignments/auto`, { dryRun: false }).expect(200);
  expect(again.body).toMatchObject({ added: [], removed: [] });
  expect(again.body.diff).toMatchObject({ added: [], removed: [] });
  expect(again.body.diff.kept).toHaveLength(6);

  // one review submitted; a fourth judge joins: balance moves some pairs to them, never the submitted one
  const [first] = (
    await t.db.query(`SELECT id, application_id, judge_id FROM assignments WHERE round_id = $1 AND state = 'assigned' LIMIT 1`, [
      round.roundId,
    ])
  ).rows;
  await t.db.query(`INSERT INTO reviews (assignment_id, state, submitted_at, total) VALUES ($1, 'submitted', now(), 50)`, [first.id]);
  judges.push(await panelJudge(t, round));
  // the preview of the re-solve says what applying it would change, and changes nothing
  const preview = await post(`/api/rounds/${round.roundId}/assignments/auto`, { dryRun: true }).expect(200);
  expect(preview.body).toMatchObject({ added: [], removed: [] });
  expect(preview.body.diff.added.length).toBeGreaterThan(0);
  expect(preview.body.diff.added.every((a: { assignmentId: string | null; judgeId: string }) => a.assignmentId === null)).toBe(true);
  expect(preview.body.diff.removed.length).toBe(preview.body.diff.added.length);
  expect(preview.body.diff.kept.length + preview.body.diff.removed.length).toBe(6);
  expect(preview.body.diff.kept.map((k: { assignmentId: string }) => k.assignmentId)).toContain(first.id);
  expect(await live(round.roundId)).toHaveLength(6);
  const moved = await post(`/api/rounds/${round.roundId}/assignments/auto`, { dryRun: false }).expect(200);
  expect(moved.body.diff.removed.map((r: { assignmentId: string }) => r.assignmentId).sort()).toEqual(
    preview.body.diff.removed.map((r: { assignmentId: string }) => r.assignmentId).sort(),
  );
  expect(moved.body.removed.length).toBe(moved.body.added.length);
  expect(moved.body.removed.length).toBeGreaterThan(0);
  expect(moved.body.removed.length).toBeLessThanOrEqual(2);
  expect(moved.body.removed.map((r: { id: string }) => r.id)).not.toContain(first.id);
  expect(moved.body.added.every((a: { judgeId: string }) => a.judgeId === judges[3].userId)).toBe(true);
  const counts = new Map<string, number>();
  for (const p of await live(round.roundId)) counts.set(p.judge_id, (counts.get(p.judge_id) ?? 0) + 1);
  expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  const removedRow = await t.db.query(`SELECT state, removed_at, removed_reason FROM assignments WHERE id = $1`, [
    moved.body.removed[0].id,
  ]);
  expect(removedRow.rows[0]).toMatchObject({ state: 'removed', removed_reason: 'reassigned' });
});

it('manual pairs: 201, then 409 duplicate / conflicted / at capacity with the reason; 400 outside the round or panel', async () => {
  const round = await openRound(t, staff, { entries: 3, reviewsPerApplication: 2 });
  const a = await panelJudge(t, round, { capacity: 1, name: '手动评委' });
  const b = await panelJudge(t, round);
  const outsider = await createUser(t, 'judge');
  await declareConflict(t, b.userId, round.entries[1].orgId);
  const path = `/api/rounds/${round.roundId}/assignments`;

  const made = await post(path, { applicationId: round.entries[0].appId, judgeId: a.userId }).expect(201);
  expect(made.body).toMatchObject({ entryCode: round.entries[0].entryCode, judgeName: '手动评委', reviewState: 'none' });
  const dup = await post(path, { applicationId: round.entries[0].appId, judgeId: a.userId }).expect(409);
  expect(dup.body.details[0]).toMatchObject({ path: 'judgeId', code: 'already_assigned' });
  const conflicted = await post(path, { applicationId: round.entries[1].appId, judgeId: b.userId }).expect(409);
  expect(conflicted.body.details[0]).toMatchObject({ path: 'judgeId', code: 'judge_conflicted' });
  const full = await post(path, { applicationId: round.entries[2].appId, judgeId: a.userId }).expect(409);
  expect(full.body.details[0]).toMatchObject({ code: 'judge_at_capacity', params: { count: 1, capacity: 1 } });
  expect(full.body.details[0].message).toContain('1');
  const notPanel = await post(path, { applicationId: round.entries[2].appId, judgeId: outsider.userId }).expect(400);
  expect(notPanel.body.details[0].path).toBe('judgeId');
  const other = await openRound(t, staff, { entries: 1 });
  const notEntry = await post(path, { applicationId: other.entries[0].appId, judgeId: b.userId }).expect(400);
  expect(notEntry.body.details[0].path).toBe('applicationId');
  await post(path, { applicationId: round.entries[2].appId }).expect(400);

  const list = await get(path).expect(200);
  expect(list.body).toHaveLength(1);
  expect(list.body[0]).toMatchObject({
    id: made.body.id,
    judgeName: '手动评委',
    entryCode: round.entries[0].entryCode,
    judgeProgress: { assigned: 1, draft: 0, submitted: 0 },
    entryProgress: { assigned: 1, draft: 0, submitted: 0 },
  });

  await request(t.http).delete(`/api/assignments/${made.body.id}`).auth(staff.token, { type: 'bearer' }).expect(204);
  await request(t.http).delete(`/api/assignments/${made.body.id}`).auth(staff.token, { type: 'bearer' }).expect(409);
  expect((await get(path).expect(200)).body).toEqual([]);
  const audit = await t.db.query(`SELECT details FROM audit_log WHERE action = 'assignment.remove' AND entity_id = $1`, [made.body.id]);
  expect(audit.rows[0].details).toMatchObject({ reason: 'removed_by_staff' });
});

it('the matrix: entries with their company, the panel with load and capacity, live and conflicted pairs', async () => {
  const round = await openRound(t, staff, { entries: 3, industries: ['finance'], reviewsPerApplication: 1 });
  const a = await panelJudge(t, round, { name: '矩阵甲', industries: ['finance'], capacity: 2 });
  const b = await panelJudge(t, round, { name: '矩阵乙' });
  await t.db.query(
    `INSERT INTO application_sections (application_id, section_key, data) VALUES ($1, 'basics', '{"enterprise": {"name": "矩阵测试公司"}}')
     ON CONFLICT (application_id, section_key) DO UPDATE SET data = EXCLUDED.data`,
    [round.entries[1].appId],
  );
  await declareConflict(t, b.userId, round.entries[0].orgId);
  const x = await assign(t, round.roundId, round.entries[0].appId, a.userId);
  await t.db.query(`INSERT INTO reviews (assignment_id) VALUES ($1)`, [x]);

  const res = await get(`/api/rounds/${round.roundId}/assignments/matrix`).expect(200);
  expect(res.body).toMatchObject({ roundId: round.roundId, state: 'open', blind: true, reviewsPerApplication: 1 });
  expect(res.body.entries.map((e: { entryCode: string }) => e.entryCode)).toEqual(round.entries.map((e) => e.entryCode).sort());
  const orgName = (await t.db.query('SELECT name FROM organisations WHERE id = $1', [round.entries[0].orgId])).rows[0].name;
  expect(res.body.entries.find((e: { applicationId: string }) => e.applicationId === round.entries[0].appId)).toMatchObject({
    company: orgName,
    organisationId: round.entries[0].orgId,
    assigned: 1,
  });
  expect(res.body.entries.find((e: { applicationId: string }) => e.applicationId === round.entries[1].appId)).toMatchObject({
    company: '矩阵测试公司',
    assigned: 0,
  });
  expect(res.body.judges).toEqual(
    expect.arrayContaining([
      { judgeId: a.userId, name: '矩阵甲', capacity: 2, count: 1, industries: ['finance'] },
      { judgeId: b.userId, name: '矩阵乙', capacity: 3, count: 0, industries: [] },
    ]),
  );
  expect(res.body.assignments).toEqual([{ id: x, applicationId: round.entries[0].appId, judgeId: a.userId, reviewState: 'draft' }]);
  expect(res.body.conflicts).toEqual([{ applicationId: round.entries[0].appId, judgeId: b.userId }]);
  await get('/api/rounds/00000000-0000-4000-8000-000000000000/assignments/matrix').expect(404);
});

it('a round that is not open: 409 with its state; an unknown round 404', async () => {
  const round = await openRound(t, staff, { entries: 1, reviewsPerApplication: 1 });
  await panelJudge(t, round);
  await post(`/api/rounds/${round.roundId}/close`).expect(200);
  const res = await post(`/api/rounds/${round.roundId}/assignments/auto`, { dryRun: true }).expect(409);
  expect(res.body.details[0]).toMatchObject({ path: 'state', params: { state: 'closed' } });
  await post('/api/rounds/00000000-0000-4000-8000-000000000000/assignments/auto', { dryRun: true }).expect(404);
  await post(`/api/rounds/${round.roundId}/assignments/auto`, {}).expect(400);
});

describe('a conflict after assignment', () => {
  it('removes the assignment, keeps its review in the trail but out of the count, and refills the entry', async () => {
    const round = await openRound(t, staff, { entries: 2, reviewsPerApplication: 2 });
    const [a, b, c] = [await panelJudge(t, round), await panelJudge(t, round), await panelJudge(t, round)];
    const target = round.entries[0];
    const x = await assign(t, round.roundId, target.appId, a.userId);
    await assign(t, round.roundId, target.appId, b.userId);
    await assign(t, round.roundId, round.entries[1].appId, a.userId);
    await assign(t, round.roundId, round.entries[1].appId, b.userId);
    await t.db.query(
      `INSERT INTO reviews (assignment_id, ratings, state, submitted_at, total) VALUES ($1, '{"strategy": 9}', 'submitted', now(), 9)`,
      [x],
    );

    await declareConflict(t, a.userId, target.orgId);
    const out = await t.app.get(AssignmentsService).onConflict(a.userId, target.orgId);
    expect(out.removed).toEqual([{ id: x, applicationId: target.appId, judgeId: a.userId }]);
    expect(out.added).toEqual([expect.objectContaining({ applicationId: target.appId, judgeId: c.userId })]);
    expect(out.shortfalls).toEqual([]);

    const row = await t.db.query('SELECT state, removed_at, removed_reason FROM assignments WHERE id = $1', [x]);
    expect(row.rows[0]).toMatchObject({ state: 'removed', removed_reason: 'conflict' });
    expect(row.rows[0].removed_at).toBeInstanceOf(Date);
    const trail = await t.db.query(`SELECT details FROM audit_log WHERE action = 'assignment.remove' AND entity_id = $1`, [x]);
    expect(trail.rows[0].details).toMatchObject({ reason: 'conflict', review: { state: 'submitted', ratings: { strategy: 9 } } });
    // the review row is kept; the round's progress no longer counts it
    expect((await t.db.query('SELECT count(*)::int AS n FROM reviews WHERE assignment_id = $1', [x])).rows[0].n).toBe(1);
    const progress = await get(`/api/rounds/${round.roundId}/progress`).expect(200);
    expect(progress.body.totals).toMatchObject({ assigned: 4, submitted: 0, needed: 4 });
    expect(progress.body.entries.find((e: { applicationId: string }) => e.applicationId === target.appId)).toMatchObject({
      assigned: 2,
      missing: 0,
    });
    // the other entry of the judge is untouched
    expect((await live(round.roundId)).filter((p) => p.application_id === round.entries[1].appId)).toHaveLength(2);
    // again: nothing left to do
    expect(await t.app.get(AssignmentsService).onConflict(a.userId, target.orgId)).toEqual({ removed: [], added: [], shortfalls: [] });
  });

  it('reports the shortfall when no judge is left to refill (run inside the caller’s transaction)', async () => {
    const round = await openRound(t, staff, { entries: 1, reviewsPerApplication: 2 });
    const [a, b] = [await panelJudge(t, round), await panelJudge(t, round)];
    await assign(t, round.roundId, round.entries[0].appId, a.userId);
    await assign(t, round.roundId, round.entries[0].appId, b.userId);
    // inside the transaction that records the conflict (as the conflicts code may call it)
    const out = await t.app.get(Sql).transaction(async (tx) => {
      await tx.run(`INSERT INTO conflicts (judge_id, organisation_id, source, kind, reason) VALUES ($1, $2, 'declared', 'other', '其他')`, [
        b.userId,
        round.entries[0].orgId,
      ]);
      return t.app.get(AssignmentsService).onConflict(b.userId, round.entries[0].orgId, null, tx);
    });
    expect(out.added).toEqual([]);
    expect(out.removed).toHaveLength(1);
    expect(out.shortfalls).toEqual([{ applicationId: round.entries[0].appId, missing: 1, reason: expect.stringMatching(/利益冲突/) }]);
    expect((await live(round.roundId)).map((p) => p.judge_id)).toEqual([a.userId]);
  });
});

it('progress per judge and entry, and reminders queued to the judges with unsubmitted reviews only', async () => {
  const round = await openRound(t, staff, { entries: 2, reviewsPerApplication: 1 });
  const done = await panelJudge(t, round, { name: '已完成评委' });
  const late = await panelJudge(t, round, { name: '未完成评委' });
  const x = await assign(t, round.roundId, round.entries[0].appId, done.userId);
  const y = await assign(t, round.roundId, round.entries[1].appId, late.userId);
  await t.db.query(`INSERT INTO reviews (assignment_id, state, submitted_at, total) VALUES ($1, 'submitted', now(), 70)`, [x]);
  await t.db.query(`INSERT INTO reviews (assignment_id) VALUES ($1)`, [y]);

  const progress = await get(`/api/rounds/${round.roundId}/progress`).expect(200);
  expect(progress.body.totals).toEqual({ assigned: 2, draft: 1, submitted: 1, needed: 2 });
  expect(progress.body.judges).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ judgeId: done.userId, name: '已完成评委', assigned: 1, submitted: 1, draft: 0 }),
      expect.objectContaining({ judgeId: late.userId, assigned: 1, submitted: 0, draft: 1 }),
    ]),
  );
  const list = await get(`/api/rounds/${round.roundId}/assignments`).expect(200);
  expect(list.body.find((a: { id: string }) => a.id === x)).toMatchObject({ reviewState: 'submitted', total: 70 });

  const res = await post(`/api/rounds/${round.roundId}/reminders`).expect(202);
  expect(res.body).toEqual({ queued: 1, judgeIds: [late.userId] });
  const outbox = await t.db.query(`SELECT kind, recipient_user_ids, payload FROM notification_outbox WHERE kind = 'review_reminder'`);
  expect(outbox.rows).toEqual([
    { kind: 'review_reminder', recipient_user_ids: [late.userId], payload: expect.objectContaining({ pending: 1, round: 'R1 初评' }) },
  ]);
  const audit = await t.db.query(`SELECT details FROM audit_log WHERE action = 'round.reminders' AND entity_id = $1`, [round.roundId]);
  expect(audit.rows[0].details).toEqual({ judges: [late.userId] });
  await post(`/api/rounds/${round.roundId}/close`).expect(200);
  await post(`/api/rounds/${round.roundId}/reminders`).expect(409);
});

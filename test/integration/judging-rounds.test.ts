/**
 * Review rounds over HTTP: creation (ordinals, validation), opening (entrants fixed, accepted →
 * in_review with an audit row each), closing, 409 from the wrong state with the state, and the
 * previous-round entrants rule before advancement exists.
 */
import request from 'supertest';
import { createOpenCycle, createUser, type Account, type OpenCycle } from '../support/factories';
import { createRound, createRubric, entryIn, roundBody } from '../support/judging';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let staff: Account;
let rubricId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await createUser(t, 'staff');
  rubricId = await createRubric(t, staff);
});
afterAll(() => t.close());

const post = (path: string, body: object = {}) => request(t.http).post(path).auth(staff.token, { type: 'bearer' }).send(body);
const get = (path: string) => request(t.http).get(path).auth(staff.token, { type: 'bearer' });

it('creates draft rounds numbered in order, in the cycle’s zone', async () => {
  const cycle = await createOpenCycle(t);
  const r1 = await post(`/api/cycles/${cycle.cycleId}/rounds`, roundBody(rubricId)).expect(201);
  expect(r1.body).toMatchObject({ state: 'draft', ordinal: 1, entries: 0, panel: [], opensAt: '2027-01-10T09:00:00+08:00' });
  const r2 = await post(`/api/cycles/${cycle.cycleId}/rounds`, roundBody(rubricId, { name: 'R2 决赛', entrants: 'previous_round' })).expect(
    201,
  );
  expect(r2.body).toMatchObject({ state: 'draft', ordinal: 2, advancement: { type: 'top', n: 10 } });
  const list = await get(`/api/cycles/${cycle.cycleId}/rounds`).expect(200);
  expect(list.body.map((r: { name: string }) => r.name)).toEqual(['R1 初评', 'R2 决赛']);
});

it('400 names the field: order of times, advancement shape, unknown rubric, aggregation', async () => {
  const cycle = await createOpenCycle(t);
  const path = `/api/cycles/${cycle.cycleId}/rounds`;
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ closesAt: '2027-01-01T00:00:00+08:00' }, 'closesAt'],
    [{ advancement: { type: 'top' } }, 'advancement.n'],
    [{ advancement: { type: 'threshold', score: 80, n: 3 } }, 'advancement.n'],
    [{ rubricId: '00000000-0000-4000-8000-000000000000' }, 'rubricId'],
    [{ aggregation: 'median' }, 'aggregation'],
    [{ reviewsPerApplication: 0 }, 'reviewsPerApplication'],
  ];
  for (const [over, field] of cases) {
    const res = await post(path, roundBody(rubricId, over)).expect(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(field);
  }
  await post('/api/cycles/00000000-0000-4000-8000-000000000000/rounds', roundBody(rubricId)).expect(404);
});

it('opening fixes the accepted entries, moves them to in_review with an audit row each; then close; wrong states 409', async () => {
  const cycle: OpenCycle = await createOpenCycle(t);
  const a = await entryIn(t, cycle, 'accepted');
  const b = await entryIn(t, cycle, 'accepted');
  const submitted = await entryIn(t, cycle, 'submitted');
  const roundId = await createRound(t, staff, cycle.cycleId, rubricId);
  await post(`/api/rounds/${roundId}/close`).expect(409);

  const opened = await post(`/api/rounds/${roundId}/open`).expect(200);
  expect(opened.body).toMatchObject({ state: 'open', entries: 2, version: 2 });
  const { rows } = await t.db.query('SELECT id, state FROM applications WHERE id = ANY($1) ORDER BY id', [
    [a.appId, b.appId, submitted.appId],
  ]);
  expect(Object.fromEntries(rows.map((r) => [r.id, r.state]))).toEqual({
    [a.appId]: 'in_review',
    [b.appId]: 'in_review',
    [submitted.appId]: 'submitted',
  });
  const audit = await t.db.query(
    `SELECT application_id, from_state, to_state, snapshot_sha256, details FROM audit_log WHERE action = 'application.enter_review' AND application_id = ANY($1)`,
    [[a.appId, b.appId]],
  );
  expect(audit.rows).toHaveLength(2);
  expect(audit.rows[0]).toMatchObject({ from_state: 'accepted', to_state: 'in_review', details: { roundId } });
  expect(audit.rows[0].snapshot_sha256).toMatch(/^[0-9a-f]{64}$/);

  const again = await post(`/api/rounds/${roundId}/open`).expect(409);
  expect(again.body).toMatchObject({ code: 'round_wrong_state', state: 'open' });
  expect(again.body.details).toEqual([expect.objectContaining({ path: 'state', params: { state: 'open' } })]);
  await post(`/api/rounds/${roundId}/close`).expect(200);
  const closed = await get(`/api/rounds/${roundId}`).expect(200);
  expect(closed.body).toMatchObject({ state: 'closed', entries: 2 });
  await post(`/api/rounds/${roundId}/close`).expect(409);
  await post(`/api/rounds/${roundId}/open`).expect(409);
  const roundAudit = await t.db.query(
    `SELECT action, from_state, to_state FROM audit_log WHERE entity = 'round' AND entity_id = $1 ORDER BY id`,
    [roundId],
  );
  expect(roundAudit.rows.map((r) => `${r.action} ${r.from_state ?? ''}→${r.to_state}`)).toEqual([
    'round.create →draft',
    'round.open draft→open',
    'round.close open→closed',
  ]);
});

it('a round of the previous round’s advancers cannot open before advancement is confirmed (409, clear message)', async () => {
  const cycle = await createOpenCycle(t);
  await entryIn(t, cycle, 'accepted');
  const first = await createRound(t, staff, cycle.cycleId, rubricId, { entrants: 'previous_round' });
  const none = await post(`/api/rounds/${first}/open`).set('Accept-Language', 'en').expect(409);
  expect(none.body).toMatchObject({ code: 'no_previous_round', message: expect.stringContaining('first round') });
  const r1 = await createRound(t, staff, cycle.cycleId, rubricId);
  await post(`/api/rounds/${r1}/open`).expect(200);
  const r3 = await createRound(t, staff, cycle.cycleId, rubricId, { entrants: 'previous_round' });
  const res = await post(`/api/rounds/${r3}/open`).set('Accept-Language', 'en').expect(409);
  expect(res.body).toMatchObject({ code: 'no_confirmed_advancers', message: expect.stringContaining('confirm') });
  expect((await get(`/api/rounds/${r3}`).expect(200)).body.state).toBe('draft');
});

it('a round with no accepted entry does not open', async () => {
  const cycle = await createOpenCycle(t);
  const roundId = await createRound(t, staff, cycle.cycleId, rubricId);
  const res = await post(`/api/rounds/${roundId}/open`).expect(409);
  expect(res.body.code).toBe('no_entrants');
});

it('unknown rounds are 404', async () => {
  await get('/api/rounds/00000000-0000-4000-8000-000000000000').expect(404);
  await post('/api/rounds/00000000-0000-4000-8000-000000000000/open').expect(404);
});

describe('changing a draft round (PATCH /api/rounds/:id)', () => {
  const patch = (path: string, body: object) => request(t.http).patch(path).auth(staff.token, { type: 'bearer' }).send(body);

  it('the members given replace the stored ones, checked like a new round; audited', async () => {
    const cycle = await createOpenCycle(t);
    const roundId = await createRound(t, staff, cycle.cycleId, rubricId);
    const other = await createRubric(t, staff, 'cc-cmm-oc');
    const res = await patch(`/api/rounds/${roundId}`, {
      name: 'R1 初评（改）',
      rubricId: other,
      blind: false,
      advancement: { type: 'threshold', score: 80 },
      closesAt: '2027-02-28T18:00:00+08:00',
    }).expect(200);
    expect(res.body).toMatchObject({
      name: 'R1 初评（改）',
      rubricId: other,
      blind: false,
      advancement: { type: 'threshold', score: 80 },
      opensAt: '2027-01-10T09:00:00+08:00',
      closesAt: '2027-02-28T18:00:00+08:00',
      reviewsPerApplication: 3,
      state: 'draft',
      version: 2,
    });
    const audit = await t.db.query(`SELECT details FROM audit_log WHERE action = 'round.update' AND entity_id = $1`, [roundId]);
    expect(audit.rows[0].details.changed).toEqual(expect.arrayContaining(['name', 'rubricId', 'blind', 'advancement', 'closesAt']));
  });

  it('a PATCH that changes nothing (empty, or the stored values) makes no new version and no audit row', async () => {
    const cycle = await createOpenCycle(t);
    const roundId = await createRound(t, staff, cycle.cycleId, rubricId);
    const stored = (await get(`/api/rounds/${roundId}`).expect(200)).body;
    for (const body of [{}, { name: stored.name, blind: stored.blind, advancement: stored.advancement, opensAt: stored.opensAt }]) {
      const res = await patch(`/api/rounds/${roundId}`, body).expect(200);
      expect(res.body).toEqual(stored);
    }
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'round.update' AND entity_id = $1`, [roundId]);
    expect(audit.rowCount).toBe(0);
  });

  it('400 names the field (order against the stored time, advancement shape, unknown rubric); unknown round 404', async () => {
    const cycle = await createOpenCycle(t);
    const roundId = await createRound(t, staff, cycle.cycleId, rubricId);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ closesAt: '2027-01-01T00:00:00+08:00' }, 'closesAt'],
      [{ advancement: { type: 'top' } }, 'advancement.n'],
      [{ rubricId: '00000000-0000-4000-8000-000000000000' }, 'rubricId'],
      [{ entrants: 'everyone' }, 'entrants'],
      [{ name: '  ' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await patch(`/api/rounds/${roundId}`, body).expect(400);
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(field);
    }
    expect((await get(`/api/rounds/${roundId}`).expect(200)).body.version).toBe(1);
    await patch('/api/rounds/00000000-0000-4000-8000-000000000000', { name: 'x' }).expect(404);
  });

  it('an open or closed round is 409 with its state', async () => {
    const cycle = await createOpenCycle(t);
    await entryIn(t, cycle, 'accepted');
    const roundId = await createRound(t, staff, cycle.cycleId, rubricId);
    await post(`/api/rounds/${roundId}/open`).expect(200);
    const res = await patch(`/api/rounds/${roundId}`, { name: '迟了' }).expect(409);
    expect(res.body).toMatchObject({ state: 'open', details: [expect.objectContaining({ code: 'round_wrong_state' })] });
  });
});

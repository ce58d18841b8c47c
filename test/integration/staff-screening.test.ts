/**
 * Bulk screening (issue 13): per-entry results, each entry moved entirely or not at all; entries
 * of another cycle, in a wrong state or unknown answered per entry; a return needs a reason, which
 * the applicant sees and is mailed; two staff deciding on the same entry at once — the second gets
 * 409 with the state the first left, nothing overwritten.
 */
import request from 'supertest';
import { createOpenCycle, createUser, type Account, type OpenCycle } from '../support/factories';
import { partialDraft, submittedEntry } from '../support/staff-entries';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let staff: Account;
let staff2: Account;
let cycle: OpenCycle;

const bulk = (who: Account, body: object) => request(t.http).post('/api/applications/bulk').auth(who.token, { type: 'bearer' }).send(body);

beforeAll(async () => {
  t = await startTestApp();
  staff = await createUser(t, 'staff');
  staff2 = await createUser(t, 'staff');
  cycle = await createOpenCycle(t);
}, 60_000);
afterAll(() => t.close());

it('accepts what it may and answers every other entry on its own', async () => {
  const [a, b] = [await submittedEntry(t, cycle), await submittedEntry(t, cycle)];
  const draft = await partialDraft(t, cycle);
  const elsewhere = await submittedEntry(t, await createOpenCycle(t));
  const unknown = '00000000-0000-4000-8000-000000000000';
  const res = await bulk(staff, {
    action: 'accept',
    cycleId: cycle.cycleId,
    ids: [a.appId, draft.appId, elsewhere.appId, b.appId, unknown],
  })
    .set('Accept-Language', 'en')
    .expect(200);
  expect(res.body).toMatchObject({ action: 'accept', succeeded: 2, failed: 3 });
  expect(res.body.results).toEqual([
    { id: a.appId, ok: true, state: 'accepted' },
    {
      id: draft.appId,
      ok: false,
      state: 'draft',
      error: { statusCode: 409, code: 'wrong_state', message: expect.stringContaining('draft') },
    },
    { id: elsewhere.appId, ok: false, state: 'submitted', error: { statusCode: 409, code: 'other_cycle', message: expect.any(String) } },
    { id: b.appId, ok: true, state: 'accepted' },
    { id: unknown, ok: false, state: null, error: { statusCode: 404, code: 'not_found', message: 'not found' } },
  ]);
  const { rows } = await t.db.query('SELECT id, state FROM applications WHERE id = ANY($1)', [
    [a.appId, b.appId, draft.appId, elsewhere.appId],
  ]);
  expect(Object.fromEntries(rows.map((r) => [r.id, r.state]))).toEqual({
    [a.appId]: 'accepted',
    [b.appId]: 'accepted',
    [draft.appId]: 'draft',
    [elsewhere.appId]: 'submitted',
  });
  // each accepted entry has its own audit row, the refused ones none
  const audit = await t.db.query(`SELECT application_id FROM audit_log WHERE action = 'application.accept' AND application_id = ANY($1)`, [
    [a.appId, b.appId, draft.appId, elsewhere.appId],
  ]);
  expect(audit.rows.map((r) => r.application_id).sort()).toEqual([a.appId, b.appId].sort());
});

it('returns with a reason the applicant sees and is mailed; no reason is 400 naming reason', async () => {
  const e = await submittedEntry(t, cycle);
  const missing = await bulk(staff, { action: 'return', cycleId: cycle.cycleId, ids: [e.appId] }).expect(400);
  expect(missing.body.details.map((d: { path: string }) => d.path)).toEqual(['reason']);
  const blank = await bulk(staff, { action: 'return', cycleId: cycle.cycleId, ids: [e.appId], reason: '   ' }).expect(400);
  expect(blank.body.details.map((d: { path: string }) => d.path)).toEqual(['reason']);
  const res = await bulk(staff, { action: 'return', cycleId: cycle.cycleId, ids: [e.appId], reason: '请补充盖章回执的清晰扫描件' }).expect(
    200,
  );
  expect(res.body.results).toEqual([{ id: e.appId, ok: true, state: 'draft' }]);
  const mine = await request(t.http).get(`/api/applications/${e.appId}`).auth(e.owner.token, { type: 'bearer' }).expect(200);
  expect(mine.body).toMatchObject({ state: 'draft', returnReason: '请补充盖章回执的清晰扫描件' });
  const outbox = await t.db.query(`SELECT payload FROM notification_outbox WHERE application_id = $1 AND kind = 'returned'`, [e.appId]);
  expect(outbox.rows).toHaveLength(1);
  expect(outbox.rows[0].payload.reason).toBe('请补充盖章回执的清晰扫描件');
});

it('refuses bad input with 400 naming the field', async () => {
  for (const [body, path] of [
    [{ action: 'approve', cycleId: cycle.cycleId, ids: [] }, 'action'],
    [{ action: 'accept', ids: ['00000000-0000-4000-8000-000000000000'] }, 'cycleId'],
    [{ action: 'accept', cycleId: cycle.cycleId, ids: [] }, 'ids'],
    [{ action: 'accept', cycleId: cycle.cycleId, ids: ['x'] }, 'ids'],
    [{ action: 'accept', cycleId: cycle.cycleId, ids: ['00000000-0000-4000-8000-000000000000'], extra: 1 }, 'extra'],
    [{ action: 'accept', cycleId: '00000000-0000-4000-8000-000000000000', ids: ['00000000-0000-4000-8000-000000000000'] }, 'cycleId'],
  ] as const) {
    const res = await bulk(staff, body).expect(400);
    expect(res.body.details.map((d: { path: string }) => d.path.split('.')[0])).toContain(path);
  }
});

it('two staff deciding on the same entries at once: each entry decided once, the other gets 409 with the state', async () => {
  const entries = [await submittedEntry(t, cycle), await submittedEntry(t, cycle), await submittedEntry(t, cycle)];
  const ids = entries.map((e) => e.appId);
  const [acc, rej] = await Promise.all([
    bulk(staff, { action: 'accept', cycleId: cycle.cycleId, ids }),
    bulk(staff2, { action: 'reject', cycleId: cycle.cycleId, ids: [...ids].reverse() }),
  ]);
  expect([acc.status, rej.status]).toEqual([200, 200]);
  const { rows } = await t.db.query('SELECT id, state FROM applications WHERE id = ANY($1)', [ids]);
  const final = Object.fromEntries(rows.map((r) => [r.id, r.state]));
  for (const id of ids) {
    const a = acc.body.results.find((r: { id: string }) => r.id === id);
    const r = rej.body.results.find((x: { id: string }) => x.id === id);
    expect([a.ok, r.ok].filter(Boolean)).toHaveLength(1); // exactly one decided it
    const loser = a.ok ? r : a;
    expect(loser.error).toMatchObject({ statusCode: 409, code: 'wrong_state' });
    expect(loser.state).toBe(final[id]); // the state the winner left, not overwritten
    expect(final[id]).toBe(a.ok ? 'accepted' : 'rejected');
  }
  const audit = await t.db.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE application_id = ANY($1) AND action IN ('application.accept', 'application.reject')`,
    [ids],
  );
  expect(audit.rows[0].n).toBe(3);
});

it('is staff only', async () => {
  const e = await submittedEntry(t, cycle);
  await bulk(e.owner, { action: 'accept', cycleId: cycle.cycleId, ids: [e.appId] }).expect(403);
  await request(t.http)
    .post('/api/applications/bulk')
    .send({ action: 'accept', cycleId: cycle.cycleId, ids: [e.appId] })
    .expect(401);
});

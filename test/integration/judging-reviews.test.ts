/**
 * Reviews over HTTP: ETag and If-Match (two tabs of one judge: the stale one gets 412 with the
 * current review and nothing is lost), 428 without If-Match, ratings validated against the rubric
 * (400 naming ratings.<key>), submit (422 listing unrated criteria and missing comments at the
 * extremes; 200 with the total), closed rounds (409), every change audited, and who gets 404.
 */
import request from 'supertest';
import { createUser, type Account } from '../support/factories';
import { TOP_TEN } from '../support/judging';
import { assign, declareConflict, openRound, panelJudge, type OpenRound } from '../support/review-world';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

let t: TestApp;
let staff: Account;

beforeAll(async () => {
  t = await startTestApp();
  staff = await createUser(t, 'staff');
});
afterAll(() => t.close());

async function assigned(opts: { accept?: boolean } = {}): Promise<{ round: OpenRound; judge: Account; id: string }> {
  const round = await openRound(t, staff, { entries: 1, reviewsPerApplication: 1 });
  const judge = await panelJudge(t, round, { accept: opts.accept });
  const id = await assign(t, round.roundId, round.entries[0].appId, judge.userId);
  return { round, judge, id };
}

const as = (who: Account) => ({
  get: (path: string) => request(t.http).get(path).auth(who.token, { type: 'bearer' }),
  patch: (path: string, body: unknown, etag?: string) => {
    const req = request(t.http).patch(path).auth(who.token, { type: 'bearer' }).set('Content-Type', 'application/merge-patch+json');
    return (etag === undefined ? req : req.set('If-Match', etag)).send(JSON.stringify(body));
  },
  post: (path: string) => request(t.http).post(path).auth(who.token, { type: 'bearer' }).send({}),
});

it('two tabs of one judge: the stale one gets 412 with the current review, and nothing is lost', async () => {
  const { judge, id } = await assigned();
  const me = as(judge);
  const path = `/api/assignments/${id}/review`;
  const first = await me.get(path).expect(200);
  expect(first.headers.etag).toBe('"0"');
  expect(first.body).toMatchObject({ ratings: {}, comments: {}, overallComment: null, state: 'draft', version: 0, total: 0 });

  await me.patch(path, { ratings: { strategy: 8 } }).expect(428);
  const saved = await me.patch(path, { ratings: { strategy: 8 } }, '"0"').expect(200);
  expect(saved.headers.etag).toBe('"1"');
  // both tabs hold "1"
  const tabA = await me.patch(path, { ratings: { training: 7.5 }, comments: { training: '培训体系完整' } }, '"1"').expect(200);
  expect(tabA.headers.etag).toBe('"2"');
  const tabB = await me.patch(path, { ratings: { people: 6 } }, '"1"').expect(412);
  expect(tabB.body.current).toMatchObject({ version: 2, ratings: { strategy: 8, training: 7.5 }, comments: { training: '培训体系完整' } });
  expect(tabB.body.current.ratings.people).toBeUndefined();
  // tab B merges onto what it was shown and saves again
  const retried = await me.patch(path, { ratings: { people: 6 } }, tabB.body.current.etag).expect(200);
  expect(retried.body.ratings).toEqual({ strategy: 8, training: 7.5, people: 6 });
  expect(retried.body.comments).toEqual({ training: '培训体系完整' });
  // null removes (JSON merge patch)
  const removed = await me.patch(path, { ratings: { people: null }, overallComment: '整体规范' }, '"3"').expect(200);
  expect(removed.body).toMatchObject({ ratings: { strategy: 8, training: 7.5 }, overallComment: '整体规范', version: 4 });
  // total so far: Σ weight × score ÷ 10 (strategy 10, training 10)
  expect(removed.body.total).toBe(15.5);

  const audit = await t.db.query(
    `SELECT details FROM audit_log WHERE action = 'review.update' AND details->>'assignmentId' = $1 ORDER BY id`,
    [id],
  );
  expect(audit.rows).toHaveLength(4);
  expect(audit.rows[0].details.ratings).toEqual({ strategy: { from: null, to: 8 } });
  expect(audit.rows[3].details.ratings).toEqual({ people: { from: 6, to: null } });
});

it('400 names ratings.<key>: off the step, out of range, wrong type, unknown key; nothing saved', async () => {
  const { judge, id } = await assigned();
  const path = `/api/assignments/${id}/review`;
  const res = await as(judge)
    .patch(path, { ratings: { strategy: 7.3, training: 11, people: 'good', nope: 5 }, extra: 1 }, '"0"')
    .expect(400);
  const details = Object.fromEntries(res.body.details.map((d: { path: string; code: string }) => [d.path, d.code]));
  expect(details).toEqual({
    'ratings.strategy': 'rating_scale',
    'ratings.training': 'rating_scale',
    'ratings.people': 'rating_type',
    'ratings.nope': 'rating_unknown',
    extra: 'unknown_field',
  });
  expect(res.body.details.find((d: { path: string }) => d.path === 'ratings.strategy').message).toMatch(/0.*10.*0\.5/);
  await as(judge).patch(path, { state: 'submitted' }, '"0"').expect(400);
  await as(judge).patch(path, [1], '"0"').expect(400);
  expect((await as(judge).get(path).expect(200)).body.version).toBe(0);
});

it('submit: 422 lists unrated criteria and missing comments at the extremes; then 200 with the total; audited', async () => {
  const { round, judge, id } = await assigned();
  // staff asked for a comment beside an extreme rating of the strategy criterion
  await t.db.query(`UPDATE rubrics SET tree = jsonb_set(tree, '{groups,0,criteria,0,commentRequiredAtExtremes}', 'true') WHERE id = $1`, [
    round.rubricId,
  ]);
  const me = as(judge);
  const path = `/api/assignments/${id}/review`;
  const none = await me.post(`${path}/submit`).expect(422);
  expect(none.body.details.map((d: { path: string }) => d.path)).toEqual(TOP_TEN.map((k) => `ratings.${k}`));

  const ratings = Object.fromEntries(TOP_TEN.map((k) => [k, 8]));
  await me.patch(path, { ratings: { ...ratings, strategy: 10, highlights: null } }, '"0"').expect(200);
  const partly = await me.post(`${path}/submit`).expect(422);
  expect(partly.body.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
    ['ratings.highlights', 'unrated'],
    ['comments.strategy', 'comment_required'],
  ]);
  await me.patch(path, { ratings: { highlights: 8 }, comments: { strategy: '战略清晰，有量化目标' } }, '"1"').expect(200);
  const done = await me.post(`${path}/submit`).expect(200);
  // Σ weight × score ÷ 10: strategy 10 × 10 + the other 90 weight × 8
  expect(done.body).toMatchObject({ state: 'submitted', total: 82 });
  expect(done.body.submittedAt).toEqual(expect.any(String));
  const stored = await t.db.query('SELECT state, total FROM reviews WHERE assignment_id = $1', [id]);
  expect(stored.rows[0]).toMatchObject({ state: 'submitted', total: '82' });
  const audit = await t.db.query(
    `SELECT to_state, details FROM audit_log WHERE action = 'review.submit' AND details->>'assignmentId' = $1`,
    [id],
  );
  expect(audit.rows[0]).toMatchObject({ to_state: 'submitted', details: { total: 82 } });

  // still editable while the round is open, but never back to incomplete
  await me.patch(path, { ratings: { kpis: null } }, '"3"').expect(422);
  const edited = await me.patch(path, { ratings: { kpis: 9 } }, '"3"').expect(200);
  expect(edited.body).toMatchObject({ state: 'submitted', total: 83.5 });

  // the round closes: read-only, 409 with the state
  await request(t.http).post(`/api/rounds/${round.roundId}/close`).auth(staff.token, { type: 'bearer' }).send({}).expect(200);
  const closed = await me.patch(path, { ratings: { kpis: 8 } }, '"4"').expect(409);
  expect(closed.body.details[0]).toMatchObject({ path: 'state', params: { state: 'closed' } });
  await me.post(`${path}/submit`).expect(409);
  expect((await me.get(path).expect(200)).body.ratings.kpis).toBe(9);
});

it('404 for another judge, before confidentiality acceptance, once conflicted or removed; 403 for staff and applicants', async () => {
  const { round, judge, id } = await assigned();
  const path = `/api/assignments/${id}/review`;
  const other = await panelJudge(t, round);
  await as(other).get(path).expect(404);
  await as(other)
    .patch(path, { ratings: { strategy: 1 } }, '"0"')
    .expect(404);
  await as(other).post(`${path}/submit`).expect(404);

  const early = await assigned({ accept: false });
  await as(early.judge).get(`/api/assignments/${early.id}/review`).expect(404);
  await as(early.judge)
    .patch(`/api/assignments/${early.id}/review`, { ratings: { strategy: 1 } }, '"0"')
    .expect(404);

  await as(staff).get(path).expect(403);
  const applicant = (await t.db.query(`SELECT user_id FROM memberships WHERE organisation_id = $1`, [round.entries[0].orgId])).rows[0];
  expect(applicant).toBeDefined();

  await as(judge).get(path).expect(200);
  await declareConflict(t, judge.userId, round.entries[0].orgId);
  await as(judge).get(path).expect(404);
  await as(judge)
    .patch(path, { ratings: { strategy: 1 } }, '"0"')
    .expect(404);
  await as(judge).post(`${path}/submit`).expect(404);
  await as(judge).get('/api/assignments/00000000-0000-4000-8000-000000000000/review').expect(404);
  await as(judge).get('/api/assignments/not-a-uuid/review').expect(404);
});

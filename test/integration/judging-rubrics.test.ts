/**
 * Rubrics over HTTP: presets, creation from a preset or an imported tree, the warnings, 400s naming
 * the tree's paths, export → import round trip, and who may read one.
 */
import request from 'supertest';
import { createUser, registerApplicant, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let staff: Account;
let judge: Account;

beforeAll(async () => {
  t = await startTestApp();
  staff = await createUser(t, 'staff');
  judge = await createUser(t, 'judge');
});
afterAll(() => t.close());

const as = (a: Account) => ({
  get: (path: string) => request(t.http).get(path).auth(a.token, { type: 'bearer' }),
  post: (path: string, body: object) => request(t.http).post(path).auth(a.token, { type: 'bearer' }).send(body),
});

it('lists the three presets', async () => {
  const res = await as(staff).get('/api/rubrics/presets').expect(200);
  expect(res.body.map((p: { key: string }) => p.key)).toEqual(['top-ten-default', 'cc-cmm-oc', 'cccs-self-assessment']);
});

it('creates each preset; CC-CMM answers the unreachable-L5 warning; top-ten none', async () => {
  const top = await as(staff).post('/api/rubrics', { name: '初评', preset: 'top-ten-default' }).expect(201);
  expect(top.body.warnings).toEqual([]);
  const cc = await as(staff).post('/api/rubrics', { name: 'CC-CMM', preset: 'cc-cmm-oc' }).expect(201);
  expect(cc.body.warnings).toEqual([
    expect.objectContaining({ code: 'unreachable_level', message: expect.stringMatching(/L5.*3380.*3360/s) }),
  ]);
  const cccs = await as(staff).post('/api/rubrics', { name: 'CCCS', preset: 'cccs-self-assessment' }).expect(201);
  const tree = (await as(staff).get(`/api/rubrics/${cccs.body.id}`).expect(200)).body.tree;
  expect(tree.groups.map((g: { criteria: unknown[] }) => g.criteria.length)).toEqual([12, 15, 7, 12, 12]);
  const ccTree = (await as(staff).get(`/api/rubrics/${cc.body.id}`).expect(200)).body.tree;
  const labels = JSON.stringify(ccTree);
  expect(labels).toContain('"zh":"条目 17"');
  expect(labels).toContain('"en":"Item 17"');
  expect(ccTree.maturity.levels.map((l: { minTotal: number }) => l.minTotal)).toEqual([2250, 2500, 2750, 3200, 3380]);
});

it('exports importable JSON: the GET body posts back as a new rubric with the same tree', async () => {
  const { body: created } = await as(staff).post('/api/rubrics', { name: '导出', preset: 'top-ten-default' }).expect(201);
  const exported = (await as(staff).get(`/api/rubrics/${created.id}`).expect(200)).body;
  exported.tree.groups[0].criteria[0].weight = 20; // edited offline: weights now 110
  const imported = await as(staff).post('/api/rubrics', exported).expect(201);
  expect(imported.body.id).not.toBe(created.id);
  expect(imported.body.warnings).toEqual([expect.objectContaining({ code: 'weights_sum' })]);
  const again = (await as(staff).get(`/api/rubrics/${imported.body.id}`).expect(200)).body;
  expect(again.tree).toEqual(exported.tree);
});

it('400 names the path of each structural error, and the source rule', async () => {
  const { body: created } = await as(staff).post('/api/rubrics', { name: '坏', preset: 'top-ten-default' }).expect(201);
  const { tree } = (await as(staff).get(`/api/rubrics/${created.id}`).expect(200)).body;
  delete tree.groups[0].criteria[2].max;
  tree.groups[0].criteria[4].type = 'stars';
  const res = await as(staff).post('/api/rubrics', { name: '坏', tree }).set('Accept-Language', 'en').expect(400);
  expect(res.body.details).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ path: 'tree.groups.0.criteria.2.max', code: 'required' }),
      expect.objectContaining({ path: 'tree.groups.0.criteria.4.type', code: 'not_in_options' }),
    ]),
  );
  const both = await as(staff).post('/api/rubrics', { name: 'x', preset: 'cc-cmm-oc', tree }).expect(400);
  expect(both.body.details).toEqual([expect.objectContaining({ path: 'tree', code: 'rubric_source' })]);
  await as(staff).post('/api/rubrics', { name: 'x' }).expect(400);
  await as(staff).post('/api/rubrics', { name: 'x', preset: 'nope' }).expect(400);
});

it('a judge reads a rubric only when on the panel of a round using it; applicants never', async () => {
  const { body: created } = await as(staff).post('/api/rubrics', { name: '评审可见', preset: 'top-ten-default' }).expect(201);
  await as(judge).get(`/api/rubrics/${created.id}`).expect(404);
  const { rows } = await t.db.query(
    `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ('c', 'Asia/Shanghai', now(), now() + interval '1 day') RETURNING id`,
  );
  const round = await t.db.query(
    `INSERT INTO rounds (cycle_id, name, ordinal, rubric_id, reviews_per_application, opens_at, closes_at, blind, aggregation, advancement, entrants, created_by)
     VALUES ($1, 'R1', 1, $2, 3, now(), now() + interval '1 day', false, 'mean', '{"type":"top","n":10}', 'accepted', $3) RETURNING id`,
    [rows[0].id, created.id, staff.userId],
  );
  await t.db.query('INSERT INTO round_judges (round_id, judge_id) VALUES ($1, $2)', [round.rows[0].id, judge.userId]);
  await as(judge).get(`/api/rubrics/${created.id}`).expect(200);
  const applicant = await registerApplicant(t);
  await as(applicant).get(`/api/rubrics/${created.id}`).expect(403);
  await as(judge).get('/api/rubrics/presets').expect(403);
});

describe('editing (PUT /api/rubrics/:id)', () => {
  const put = (id: string, body: object) => request(t.http).put(`/api/rubrics/${id}`).auth(staff.token, { type: 'bearer' }).send(body);

  it('replaces the name and tree, answers the warnings, audits the change; the list names the rounds using it', async () => {
    const { body: created } = await as(staff).post('/api/rubrics', { name: '可改', preset: 'top-ten-default' }).expect(201);
    const { tree } = (await as(staff).get(`/api/rubrics/${created.id}`).expect(200)).body;
    tree.groups[0].criteria[0].weight += 5;
    tree.groups[0].criteria[0].commentRequiredAtExtremes = true;
    const res = await put(created.id, { id: created.id, name: '已改', tree }).expect(200);
    expect(res.body).toEqual({ id: created.id, warnings: [expect.objectContaining({ code: 'weights_sum' })] });
    const again = (await as(staff).get(`/api/rubrics/${created.id}`).expect(200)).body;
    expect(again).toEqual({ id: created.id, name: '已改', tree });
    const audit = await t.db.query(`SELECT details FROM audit_log WHERE action = 'rubric.update' AND entity_id = $1`, [created.id]);
    expect(audit.rows).toEqual([{ details: expect.objectContaining({ name: '已改', previousName: '可改', warnings: ['weights_sum'] }) }]);
    const listed = (await as(staff).get('/api/rubrics').expect(200)).body.find((r: { id: string }) => r.id === created.id);
    expect(listed).toMatchObject({ name: '已改', rounds: [], warnings: [expect.objectContaining({ code: 'weights_sum' })] });
  });

  it('400 names the tree path (and nothing is saved); unknown rubric 404', async () => {
    const { body: created } = await as(staff).post('/api/rubrics', { name: '校验', preset: 'top-ten-default' }).expect(201);
    const { tree } = (await as(staff).get(`/api/rubrics/${created.id}`).expect(200)).body;
    const bad = structuredClone(tree);
    bad.groups[0].criteria[1].max = bad.groups[0].criteria[1].min;
    const res = await put(created.id, { name: '校验', tree: bad }).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'tree.groups.0.criteria.1.max', code: 'rubric_scale_order' })]);
    await put(created.id, { name: '校验' }).expect(400);
    expect((await as(staff).get(`/api/rubrics/${created.id}`).expect(200)).body.tree).toEqual(tree);
    await put('00000000-0000-4000-8000-000000000000', { name: 'x', tree }).expect(404);
  });

  it('a draft round’s rubric may change; once a round using it opens, 409 rubric_in_use naming the round', async () => {
    const { body: created } = await as(staff).post('/api/rubrics', { name: '使用中', preset: 'top-ten-default' }).expect(201);
    const { tree } = (await as(staff).get(`/api/rubrics/${created.id}`).expect(200)).body;
    const { rows } = await t.db.query(
      `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ('c', 'Asia/Shanghai', now(), now() + interval '1 day') RETURNING id`,
    );
    const round = await t.db.query(
      `INSERT INTO rounds (cycle_id, name, ordinal, rubric_id, reviews_per_application, opens_at, closes_at, blind, aggregation, advancement, entrants, created_by)
       VALUES ($1, 'R1 初评', 1, $2, 3, now(), now() + interval '1 day', false, 'mean', '{"type":"top","n":10}', 'accepted', $3) RETURNING id`,
      [rows[0].id, created.id, staff.userId],
    );
    await put(created.id, { name: '使用中', tree }).expect(200);
    await t.db.query(`UPDATE rounds SET state = 'open' WHERE id = $1`, [round.rows[0].id]);
    const res = await put(created.id, { name: '使用中', tree }).set('Accept-Language', 'en').expect(409);
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'tree', code: 'rubric_in_use' })]);
    expect(res.body.message).toContain('R1 初评');
    const listed = (await as(staff).get('/api/rubrics').expect(200)).body.find((r: { id: string }) => r.id === created.id);
    expect(listed.rounds).toEqual([{ id: round.rows[0].id, cycleId: rows[0].id, name: 'R1 初评', state: 'open' }]);
  });
});

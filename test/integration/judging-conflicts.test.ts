/**
 * Conflicts of interest over HTTP: the entrants list (only after confidentiality, shuffled, no
 * entry codes), declared conflicts (which remove live assignments), inferred conflicts (e-mail
 * domain against website and contact e-mail, free mail never, employer USCC, group), the staff
 * list per round and dismissal (inferred only, audited).
 */
import request from 'supertest';
import { createOpenCycle, createUser, type Account, type OpenCycle } from '../support/factories';
import { createRound, createRubric, entryIn } from '../support/judging';
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

const as = (a: Account) => ({
  get: (path: string) => request(t.http).get(path).auth(a.token, { type: 'bearer' }),
  post: (path: string, body: object = {}) => request(t.http).post(path).auth(a.token, { type: 'bearer' }).send(body),
  patch: (path: string, body: object) => request(t.http).patch(path).auth(a.token, { type: 'bearer' }).send(body),
});

/** A judge account with the given e-mail (made in the database like the other staff-made accounts). */
async function judgeWith(email: string): Promise<Account> {
  const j = await createUser(t, 'judge');
  await t.db.query('UPDATE users SET email = $2 WHERE id = $1', [j.userId, email]);
  return { ...j, email };
}

/** The judges on the panel of a new draft round of the cycle: only such a judge sees the cycle's terms and entrants. */
async function onPanel(cycle: OpenCycle, ...judges: Account[]): Promise<string> {
  const roundId = await createRound(t, staff, cycle.cycleId, rubricId);
  for (const j of judges) await t.db.query('INSERT INTO round_judges (round_id, judge_id) VALUES ($1, $2)', [roundId, j.userId]);
  return roundId;
}

describe('entrants', () => {
  it('404 before the confidentiality terms; then the cycle’s entrant organisations, without entry codes', async () => {
    const cycle = await createOpenCycle(t);
    const entries = [await entryIn(t, cycle, 'accepted'), await entryIn(t, cycle, 'submitted'), await entryIn(t, cycle, 'in_review')];
    const draft = await entryIn(t, cycle, 'draft');
    const withdrawn = await entryIn(t, cycle, 'withdrawn');
    const judge = await createUser(t, 'judge');
    // on no panel of the cycle: neither its terms nor its entrants exist for this judge
    await as(judge).get(`/api/cycles/${cycle.cycleId}/confidentiality`).expect(404);
    await as(judge).post(`/api/cycles/${cycle.cycleId}/confidentiality`).expect(404);
    await onPanel(cycle, judge);
    await as(judge).get(`/api/cycles/${cycle.cycleId}/entrants`).expect(404);
    await as(judge).post(`/api/cycles/${cycle.cycleId}/confidentiality`).expect(201);
    const res = await as(judge).get(`/api/cycles/${cycle.cycleId}/entrants`).expect(200);
    expect(res.body.map((o: { organisationId: string }) => o.organisationId).sort()).toEqual(entries.map((e) => e.orgId).sort());
    expect(res.body.every((o: object) => Object.keys(o).sort().join() === 'name,organisationId')).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain(draft.orgId);
    expect(JSON.stringify(res.body)).not.toContain(withdrawn.orgId);
    // random order: over a few reads, more than one order of 3 organisations shows up
    const orders = new Set<string>();
    for (let i = 0; i < 12; i++)
      orders.add((await as(judge).get(`/api/cycles/${cycle.cycleId}/entrants`)).body.map((o: { name: string }) => o.name).join());
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('declared conflicts', () => {
  it('a judge declares a conflict with an entrant (after confidentiality); it removes live assignments, audited', async () => {
    const cycle = await createOpenCycle(t);
    const entry = await entryIn(t, cycle, 'in_review');
    const judge = await createUser(t, 'judge');
    await as(judge).post('/api/judges/me/conflicts', { organisationId: entry.orgId, kind: 'consulting' }).expect(404);
    const roundId = await onPanel(cycle, judge);
    await as(judge).post(`/api/cycles/${cycle.cycleId}/confidentiality`).expect(201);
    await t.db.query(`INSERT INTO round_entries (round_id, application_id) VALUES ($1, $2)`, [roundId, entry.appId]);
    const assigned = await t.db.query(
      `INSERT INTO assignments (round_id, application_id, judge_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [roundId, entry.appId, judge.userId, staff.userId],
    );
    const res = await as(judge)
      .post('/api/judges/me/conflicts', { organisationId: entry.orgId, kind: 'consulting', note: '2025 年曾提供咨询' })
      .expect(201);
    expect(res.body).toMatchObject({ organisationId: entry.orgId, kind: 'consulting', source: 'declared', removedAssignments: 1 });
    const { rows } = await t.db.query('SELECT state, removed_reason FROM assignments WHERE id = $1', [assigned.rows[0].id]);
    expect(rows[0]).toEqual({ state: 'removed', removed_reason: 'conflict' });
    const audit = await t.db.query(
      `SELECT action FROM audit_log WHERE actor_id = $1 AND action LIKE ANY('{conflict.%,assignment.%}') ORDER BY id`,
      [judge.userId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['conflict.declare', 'assignment.remove']);
    const bad = await as(judge).post('/api/judges/me/conflicts', { organisationId: entry.orgId, kind: 'rival' }).expect(400);
    expect(bad.body.details[0].path).toBe('kind');
  });

  it('the judge’s own declarations, with the organisation’s name, kind, note and time; never inferred ones or another judge’s', async () => {
    const cycle = await createOpenCycle(t);
    const [a, b] = [await entryIn(t, cycle, 'accepted'), await entryIn(t, cycle, 'accepted')];
    const judge = await createUser(t, 'judge');
    const other = await createUser(t, 'judge');
    expect((await as(judge).get('/api/judges/me/conflicts').expect(200)).body).toEqual([]);
    await onPanel(cycle, judge, other);
    for (const j of [judge, other]) await as(j).post(`/api/cycles/${cycle.cycleId}/confidentiality`).expect(201);
    const before = Date.now();
    await as(judge).post('/api/judges/me/conflicts', { organisationId: a.orgId, kind: 'family', note: '配偶任职' }).expect(201);
    await as(other).post('/api/judges/me/conflicts', { organisationId: b.orgId, kind: 'other' }).expect(201);
    await t.db.query(
      `INSERT INTO conflicts (judge_id, organisation_id, cycle_id, source, kind, reason) VALUES ($1, $2, $3, 'inferred', 'group', 'x')`,
      [judge.userId, b.orgId, cycle.cycleId],
    );
    const { rows } = await t.db.query('SELECT name FROM organisations WHERE id = $1', [a.orgId]);
    const res = await as(judge).get('/api/judges/me/conflicts').expect(200);
    expect(res.body).toEqual([
      {
        id: expect.any(String),
        organisationId: a.orgId,
        organisationName: rows[0].name,
        kind: 'family',
        note: '配偶任职',
        declaredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(Date.parse(res.body[0].declaredAt)).toBeGreaterThanOrEqual(before - 5000);
  });
});

describe('inferred conflicts and the staff list', () => {
  let cycle: OpenCycle;
  let roundId: string;
  let byWebsite: Awaited<ReturnType<typeof entryIn>>;
  let byContact: Awaited<ReturnType<typeof entryIn>>;
  let freeMail: Awaited<ReturnType<typeof entryIn>>;
  let byUscc: Awaited<ReturnType<typeof entryIn>>;
  let byGroup: Awaited<ReturnType<typeof entryIn>>;
  let corporate: Account;
  let gmail: Account;
  let declaring: Account;

  beforeAll(async () => {
    cycle = await createOpenCycle(t);
    byWebsite = await entryIn(t, cycle, 'accepted', { enterprise: { website: 'https://www.alpha-bank.example.cn/' } });
    byContact = await entryIn(t, cycle, 'accepted', { contact: { email: 'hr@beta.example.com' } });
    freeMail = await entryIn(t, cycle, 'accepted', { enterprise: { website: 'https://gmail.com' }, contact: { email: 'boss@gmail.com' } });
    byUscc = await entryIn(t, cycle, 'accepted');
    await t.db.query(`UPDATE organisations SET uscc = '91350100M000100Y43' WHERE id = $1`, [byUscc.orgId]);
    byGroup = await entryIn(t, cycle, 'accepted');
    await t.db.query(`UPDATE organisations SET parent_group = '示例控股集团' WHERE id = $1`, [byGroup.orgId]);
    corporate = await judgeWith(`li-${Date.now()}@alpha-bank.example.cn`);
    gmail = await judgeWith(`wang-${Date.now()}@gmail.com`);
    declaring = await judgeWith(`zhao-${Date.now()}@beta.example.com`);
    roundId = await createRound(t, staff, cycle.cycleId, rubricId);
    await as(staff)
      .post(`/api/rounds/${roundId}/judges`, { judgeIds: [corporate.userId, gmail.userId, declaring.userId] })
      .expect(200);
  });

  it('infers by e-mail domain (website, contact e-mail), never by free mail; by USCC and group after a profile change', async () => {
    let list = (await as(staff).get(`/api/rounds/${roundId}/conflicts`).expect(200)).body as Array<Record<string, unknown>>;
    const pairs = () => list.map((c) => `${c.judgeId} ${c.organisationId} ${c.source} ${c.kind}`).sort();
    expect(pairs()).toEqual(
      [
        `${corporate.userId} ${byWebsite.orgId} inferred email_domain`,
        `${declaring.userId} ${byContact.orgId} inferred email_domain`,
      ].sort(),
    );
    expect(list.some((c) => c.organisationId === freeMail.orgId)).toBe(false);
    expect(list[0]).toMatchObject({ dismissed: false, reason: expect.stringContaining('/'), id: expect.any(String) });

    await as(gmail).patch('/api/judges/me', { employerUscc: '91350100M000100Y43', group: '示例控股集团' }).expect(200);
    list = (await as(staff).get(`/api/rounds/${roundId}/conflicts`).expect(200)).body;
    expect(pairs()).toEqual(
      [
        `${corporate.userId} ${byWebsite.orgId} inferred email_domain`,
        `${declaring.userId} ${byContact.orgId} inferred email_domain`,
        `${gmail.userId} ${byUscc.orgId} inferred employer_uscc`,
        `${gmail.userId} ${byGroup.orgId} inferred group`,
      ].sort(),
    );
    // the reason goes away with the profile: the inferred conflict lapses (audited)
    await as(gmail).patch('/api/judges/me', { group: null }).expect(200);
    list = (await as(staff).get(`/api/rounds/${roundId}/conflicts`).expect(200)).body;
    expect(list.filter((c) => c.judgeId === gmail.userId).map((c) => c.kind)).toEqual(['employer_uscc']);
    const lapsed = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'conflict.infer_lapse' AND details->>'judgeId' = $1`,
      [gmail.userId],
    );
    expect(lapsed.rows[0].n).toBe(1);
  });

  it('staff dismiss an inferred conflict with a reason (audited; it stays dismissed on refresh); declared ones are 409', async () => {
    const list = (await as(staff).get(`/api/rounds/${roundId}/conflicts`).expect(200)).body as Array<Record<string, string>>;
    const inferred = list.find((c) => c.judgeId === corporate.userId)!;
    await as(staff).post(`/api/conflicts/${inferred.id}/dismiss`, {}).expect(400);
    const res = await as(staff).post(`/api/conflicts/${inferred.id}/dismiss`, { reason: '评审已于 2024 年离职' }).expect(200);
    expect(res.body).toEqual({ id: inferred.id, dismissed: true, dismissReason: '评审已于 2024 年离职' });
    const again = (await as(staff).get(`/api/rounds/${roundId}/conflicts`).expect(200)).body as Array<Record<string, unknown>>;
    expect(again.find((c) => c.id === inferred.id)).toMatchObject({ dismissed: true, dismissReason: '评审已于 2024 年离职' });
    await as(staff).post(`/api/conflicts/${inferred.id}/dismiss`, { reason: '再次' }).expect(409);
    const audit = await t.db.query(`SELECT details FROM audit_log WHERE action = 'conflict.dismiss' AND entity_id = $1`, [inferred.id]);
    expect(audit.rows).toEqual([{ details: expect.objectContaining({ reason: '评审已于 2024 年离职' }) }]);

    await as(declaring).post(`/api/cycles/${cycle.cycleId}/confidentiality`).expect(201);
    const declared = await as(declaring).post('/api/judges/me/conflicts', { organisationId: byGroup.orgId, kind: 'family' }).expect(201);
    const refused = await as(staff)
      .post(`/api/conflicts/${declared.body.id}/dismiss`, { reason: '不成立' })
      .set('Accept-Language', 'en')
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'conflict_declared', message: expect.stringContaining('declared') });
    const listed = (await as(staff).get(`/api/rounds/${roundId}/conflicts`).expect(200)).body as Array<Record<string, unknown>>;
    expect(listed.find((c) => c.id === declared.body.id)).toMatchObject({ source: 'declared', kind: 'family', dismissed: false });
    await as(staff).post('/api/conflicts/00000000-0000-4000-8000-000000000000/dismiss', { reason: 'x' }).expect(404);
  });
});

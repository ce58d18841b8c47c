/** Award cycles (staff) and starting applications (applicants). */
import request from 'supertest';
import { createApplication, createOpenCycle, createUser, registerApplicant, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let staff: Account;
beforeAll(async () => {
  t = await startTestApp();
  staff = await createUser(t, 'staff');
});
afterAll(() => t.close());

const CYCLE = {
  name: '2027 中国十佳呼叫中心评选',
  timeZone: 'Asia/Shanghai',
  opensAt: new Date(Date.now() - 86400_000).toISOString(),
  submissionDeadline: '2099-12-31T23:59:59+08:00',
  categories: [{ code: 'omnichannel_excellence', nameZh: '卓越全渠道客服', nameEn: 'Omnichannel excellence' }],
};

describe('cycles', () => {
  it('staff create a cycle; deadlines come back in the cycle’s time zone', async () => {
    const res = await request(t.http).post('/api/cycles').auth(staff.token, { type: 'bearer' }).send(CYCLE).expect(201);
    expect(res.body).toMatchObject({
      name: CYCLE.name,
      timeZone: 'Asia/Shanghai',
      submissionDeadline: '2099-12-31T23:59:59+08:00',
      open: true,
    });
    expect(res.body.categories).toEqual([expect.objectContaining({ code: 'omnichannel_excellence', nameZh: '卓越全渠道客服' })]);
  });

  it('rejects a deadline before the opening, a zone-less time and an unknown time zone, naming each', async () => {
    const a = await request(t.http)
      .post('/api/cycles')
      .auth(staff.token, { type: 'bearer' })
      .send({ ...CYCLE, submissionDeadline: '2000-01-01T00:00:00+08:00' })
      .expect(400);
    expect(a.body.details).toEqual([expect.objectContaining({ path: 'submissionDeadline', code: 'deadline_order' })]);
    const b = await request(t.http)
      .post('/api/cycles')
      .auth(staff.token, { type: 'bearer' })
      .send({ ...CYCLE, opensAt: '2026-01-01T00:00:00', timeZone: 'Mars/Olympus' })
      .expect(400);
    expect(b.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['opensAt', 'timeZone']);
  });

  it('applicants see only open cycles; they cannot create cycles', async () => {
    const a = await registerApplicant(t);
    await createOpenCycle(t);
    await t.db.query(
      `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ('已结束', 'Asia/Shanghai', now() - interval '60 days', now() - interval '1 day')`,
    );
    const list = await request(t.http).get('/api/cycles').auth(a.token, { type: 'bearer' }).expect(200);
    expect(list.body.every((c: { open: boolean }) => c.open)).toBe(true);
    const all = await request(t.http).get('/api/cycles').auth(staff.token, { type: 'bearer' }).expect(200);
    expect(all.body.some((c: { name: string }) => c.name === '已结束')).toBe(true);
    await request(t.http).post('/api/cycles').auth(a.token, { type: 'bearer' }).send(CYCLE).expect(403);
  });
});

describe('applications', () => {
  it('starts a draft with an entry code and every section at version 1', async () => {
    const a = await registerApplicant(t);
    const cycle = await createOpenCycle(t);
    const res = await request(t.http)
      .post('/api/applications')
      .auth(a.token, { type: 'bearer' })
      .send({ cycleId: cycle.cycleId, categoryId: cycle.categoryId, nomination: { type: 'self' } })
      .expect(201);
    expect(res.body).toMatchObject({
      state: 'draft',
      version: 1,
      nomination: { type: 'self' },
      organisation: { id: a.organisationId },
      complete: false,
    });
    expect(res.body.entryCode).toMatch(/^TT-[2-9A-HJKMNP-Z]{6}$/);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body.sections).toHaveLength(13);
  });

  it('one live application per organisation × cycle × category (409)', async () => {
    const a = await registerApplicant(t);
    const cycle = await createOpenCycle(t);
    const first = await createApplication(t, a, cycle);
    const dup = await request(t.http)
      .post('/api/applications')
      .auth(a.token, { type: 'bearer' })
      .send({ cycleId: cycle.cycleId, categoryId: cycle.categoryId, nomination: { type: 'self' } })
      .expect(409);
    expect(dup.body).toMatchObject({ code: 'duplicate_application', existingApplicationId: first.id });
  });

  it('checks the nomination, the category and that the cycle is open', async () => {
    const a = await registerApplicant(t);
    const cycle = await createOpenCycle(t);
    const other = await createOpenCycle(t);
    const base = { cycleId: cycle.cycleId, categoryId: cycle.categoryId };
    const rec = await request(t.http)
      .post('/api/applications')
      .auth(a.token, { type: 'bearer' })
      .send({ ...base, nomination: { type: 'recommended' } })
      .expect(400);
    expect(rec.body.details[0].path).toBe('nomination.recommenderName');
    const bad = await request(t.http)
      .post('/api/applications')
      .auth(a.token, { type: 'bearer' })
      .send({ ...base, nomination: { type: 'friend' } })
      .expect(400);
    expect(bad.body.details[0].path).toBe('nomination.type');
    const cat = await request(t.http)
      .post('/api/applications')
      .auth(a.token, { type: 'bearer' })
      .send({ ...base, categoryId: other.categoryId, nomination: { type: 'self' } })
      .expect(400);
    expect(cat.body.details[0]).toMatchObject({ path: 'categoryId', code: 'category_not_in_cycle' });
    await t.db.query(
      `UPDATE cycles SET submission_deadline = now() - interval '1 second', opens_at = now() - interval '2 days' WHERE id = $1`,
      [cycle.cycleId],
    );
    const closed = await request(t.http)
      .post('/api/applications')
      .auth(a.token, { type: 'bearer' })
      .send({ ...base, nomination: { type: 'self' } })
      .expect(409);
    expect(closed.body.details[0]).toMatchObject({ path: 'cycleId', code: 'cycle_not_open' });
    expect(closed.body.details[0].params.submissionDeadline).toMatch(/\+08:00$/);
  });

  it('only draft applications can be edited (409 with the current state)', async () => {
    const a = await registerApplicant(t);
    const app = await createApplication(t, a, await createOpenCycle(t));
    await t.db.query(`UPDATE applications SET state = 'sealed' WHERE id = $1`, [app.id]);
    const res = await request(t.http)
      .patch(`/api/applications/${app.id}/sections/basics`)
      .auth(a.token, { type: 'bearer' })
      .set('If-Match', '"1"')
      .send({ enterprise: { name: 'x' } })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'wrong_state', state: 'sealed', details: [{ path: 'state', code: 'wrong_state' }] });
  });

  it('lists my organisation’s applications with completeness; staff list all and filter', async () => {
    const a = await registerApplicant(t);
    const b = await registerApplicant(t);
    const cycle = await createOpenCycle(t);
    const appA = await createApplication(t, a, cycle);
    await createApplication(t, b, cycle);
    const mine = await request(t.http).get('/api/applications').auth(a.token, { type: 'bearer' }).expect(200);
    expect(mine.body.map((x: { id: string }) => x.id)).toEqual([appA.id]);
    expect(mine.body[0].complete).toBe(false);
    const all = await request(t.http).get(`/api/applications?cycleId=${cycle.cycleId}`).auth(staff.token, { type: 'bearer' }).expect(200);
    expect(all.body).toHaveLength(2);
  });
});

/**
 * The staff console's administration (issue 13): users (search, role, disable/enable, force
 * sign-out; no admin demotes or disables themself or the last admin), organisations (search,
 * detail with entries, member unit with a reason) and cycles (edit with guard rails). Audited.
 */
import request from 'supertest';
import { createOpenCycle, createUser, PASSWORD, registerApplicant, type Account } from '../support/factories';
import { submittedEntry } from '../support/staff-entries';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: Account;
let staff: Account;

const as = (who: Account, r: request.Test) => r.auth(who.token, { type: 'bearer' });
const audited = async (action: string, entityId: string) =>
  (await t.db.query('SELECT from_state, to_state, details FROM audit_log WHERE action = $1 AND entity_id = $2', [action, entityId])).rows;

beforeAll(async () => {
  t = await startTestApp();
  admin = await createUser(t, 'admin');
  staff = await createUser(t, 'staff');
}, 60_000);
afterAll(() => t.close());

describe('users', () => {
  it('lists, searches by e-mail or name and role, pages', async () => {
    const judge = await createUser(t, 'judge');
    const all = await as(staff, request(t.http).get('/api/users?pageSize=2')).expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(all.body.items).toHaveLength(2);
    const judges = await as(staff, request(t.http).get('/api/users?role=judge')).expect(200);
    expect(judges.body.items.map((u: { id: string }) => u.id)).toEqual([judge.userId]);
    expect(judges.body.items[0]).toMatchObject({ activeSessions: 1, disabled: false, lastSignInAt: expect.any(String) });
    const found = await as(staff, request(t.http).get(`/api/users?q=${encodeURIComponent(judge.email.slice(0, 12).toUpperCase())}`)).expect(
      200,
    );
    expect(found.body.items.map((u: { id: string }) => u.id)).toEqual([judge.userId]);
    const bad = await as(staff, request(t.http).get('/api/users?role=boss')).expect(400);
    expect(bad.body.details[0].path).toBe('role');
  });

  it('refuses an admin’s own demotion or disabling (409), allows another admin’s', async () => {
    const self = await as(admin, request(t.http).patch(`/api/users/${admin.userId}/role`))
      .send({ role: 'staff' })
      .set('Accept-Language', 'en')
      .expect(409);
    expect(self.body).toMatchObject({ code: 'demote_self', message: expect.stringContaining('own admin role') });
    const selfDisable = await as(admin, request(t.http).post(`/api/users/${admin.userId}/disable`))
      .send({})
      .expect(409);
    expect(selfDisable.body.code).toBe('disable_self');
    const other = await createUser(t, 'admin');
    await as(admin, request(t.http).patch(`/api/users/${other.userId}/role`))
      .send({ role: 'staff' })
      .expect(200);
    expect(await audited('user.role', other.userId)).toEqual([expect.objectContaining({ from_state: 'admin', to_state: 'staff' })]);
  });

  it('two admins demoting each other at once: one wins, the other gets 409 last_admin', async () => {
    // only these two are enabled admins
    await t.db.query(`UPDATE users SET disabled = true WHERE role = 'admin' AND id <> $1`, [admin.userId]);
    const other = await createUser(t, 'admin');
    const [a, b] = await Promise.all([
      as(admin, request(t.http).patch(`/api/users/${other.userId}/role`)).send({ role: 'staff' }),
      as(other, request(t.http).patch(`/api/users/${admin.userId}/role`)).send({ role: 'staff' }),
    ]);
    // the loser is refused either by the guard (409 last_admin) or, when the winner's demotion ended its
    // sessions before its own request was authenticated, as signed out (401): never both demoted, and
    // never as a non-admin (403) — the demotion and the end of its sessions commit together
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(won.status).toBe(200);
    expect([401, 409]).toContain(lost.status);
    if (lost.status === 409) expect(lost.body.code).toBe('last_admin');
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled`);
    expect(rows[0].n).toBe(1);
    // put the test's admin back
    await t.db.query(`UPDATE users SET role = 'admin', disabled = false WHERE id = $1`, [admin.userId]);
    admin = {
      ...admin,
      token: (await request(t.http).post('/api/auth/login').send({ email: admin.email, password: PASSWORD }).expect(200)).body.accessToken,
    };
  });

  it('disables (sessions end, sign-in refused), enables, and signs out everywhere; audited', async () => {
    const user = await registerApplicant(t);
    await as(admin, request(t.http).post(`/api/users/${user.userId}/disable`))
      .send({ reason: '冒用他人信息' })
      .expect(200);
    await as(user, request(t.http).get('/api/auth/me')).expect(401);
    const login = await request(t.http).post('/api/auth/login').send({ email: user.email, password: PASSWORD });
    expect(login.status).toBeGreaterThanOrEqual(400);
    expect(await audited('user.disable', user.userId)).toEqual([
      expect.objectContaining({ from_state: 'enabled', to_state: 'disabled', details: { reason: '冒用他人信息' } }),
    ]);
    const enabled = await as(admin, request(t.http).post(`/api/users/${user.userId}/enable`))
      .send({})
      .expect(200);
    expect(enabled.body).toMatchObject({ id: user.userId, disabled: false });
    const token = (await request(t.http).post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200)).body
      .accessToken;
    const out = await as(admin, request(t.http).post(`/api/users/${user.userId}/sign-out`))
      .send({})
      .expect(200);
    expect(out.body).toEqual({ id: user.userId, sessionsEnded: 1 });
    await request(t.http).get('/api/auth/me').auth(token, { type: 'bearer' }).expect(401);
    expect(await audited('user.sign_out', user.userId)).toHaveLength(1);
    await as(admin, request(t.http).post('/api/users/00000000-0000-4000-8000-000000000000/disable')).send({}).expect(404);
    await as(staff, request(t.http).post(`/api/users/${user.userId}/disable`))
      .send({})
      .expect(403);
  });
});

describe('organisations', () => {
  it('searches, filters member units, shows members and entries; verifies and revokes with a reason', async () => {
    const cycle = await createOpenCycle(t);
    const e = await submittedEntry(t, cycle);
    const name = (await t.db.query('SELECT name FROM organisations WHERE id = $1', [e.owner.organisationId])).rows[0].name as string;
    const found = await as(staff, request(t.http).get(`/api/organisations?q=${encodeURIComponent(name)}`)).expect(200);
    expect(found.body).toEqual([expect.objectContaining({ id: e.owner.organisationId, entryCount: 1, memberUnit: false })]);
    const detail = await as(staff, request(t.http).get(`/api/organisations/${e.owner.organisationId}`)).expect(200);
    expect(detail.body.members).toHaveLength(1);
    expect(detail.body.entries).toEqual([expect.objectContaining({ id: e.appId, state: 'submitted', cycleId: cycle.cycleId })]);

    const path = `/api/organisations/${e.owner.organisationId}/member-unit`;
    await as(staff, request(t.http).patch(path)).send({ memberUnit: true, reason: '理事单位名单 2026' }).expect(200);
    const units = await as(staff, request(t.http).get(`/api/organisations?memberUnit=true&q=${encodeURIComponent(name)}`)).expect(200);
    expect(units.body).toHaveLength(1);
    const noReason = await as(staff, request(t.http).patch(path)).send({ memberUnit: false }).expect(400);
    expect(noReason.body.details[0].path).toBe('reason');
    await as(staff, request(t.http).patch(path)).send({ memberUnit: false, reason: '会籍已到期' }).expect(200);
    expect(await audited('organisation.member_unit.verify', e.owner.organisationId)).toHaveLength(1);
    expect(await audited('organisation.member_unit.revoke', e.owner.organisationId)).toEqual([
      expect.objectContaining({ details: { reason: '会籍已到期' } }),
    ]);
    const bad = await as(staff, request(t.http).get('/api/organisations?memberUnit=maybe')).expect(400);
    expect(bad.body.details[0].path).toBe('memberUnit');
  });
});

describe('cycles', () => {
  it('edits with guard rails: order (400), deadline only later once submitted, opening only earlier once entries exist (409)', async () => {
    const cycle = await createOpenCycle(t);
    const path = `/api/cycles/${cycle.cycleId}`;
    const order = await as(staff, request(t.http).patch(path)).send({ submissionDeadline: '2020-01-01T00:00:00+08:00' }).expect(400);
    expect(order.body.details[0].path).toBe('submissionDeadline');
    // no submission yet: the deadline may move earlier
    const earlier = new Date(Date.now() + 20 * 86400_000).toISOString();
    await as(staff, request(t.http).patch(path)).send({ submissionDeadline: earlier, name: '改名后的周期' }).expect(200);
    await submittedEntry(t, cycle);
    const sooner = new Date(Date.now() + 10 * 86400_000).toISOString();
    const refused = await as(staff, request(t.http).patch(path))
      .send({ submissionDeadline: sooner })
      .set('Accept-Language', 'en')
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'deadline_after_submissions',
      message: expect.stringMatching(/^1 entries have been submitted: the deadline may only move later than 20\d\d-/),
      details: [expect.objectContaining({ path: 'submissionDeadline', code: 'deadline_after_submissions' })],
    });
    const later = await as(staff, request(t.http).patch(path)).send({ submissionDeadline: '2099-01-01T00:00:00+08:00' }).expect(200);
    expect(later.body.submissionDeadline).toBe('2099-01-01T00:00:00+08:00');
    const opening = await as(staff, request(t.http).patch(path))
      .send({ opensAt: new Date(Date.now() + 86400_000).toISOString() })
      .expect(409);
    expect(opening.body.details[0]).toMatchObject({ path: 'opensAt', code: 'opening_after_entries' });
    const renamed = await as(staff, request(t.http).patch(`${path}/categories/${cycle.categoryId}`))
      .send({ nameEn: 'Omnichannel' })
      .expect(200);
    expect(renamed.body.categories[0]).toMatchObject({ nameEn: 'Omnichannel', nameZh: '卓越全渠道客服' });
    await as(staff, request(t.http).patch(`${path}/categories/00000000-0000-4000-8000-000000000000`))
      .send({ nameEn: 'x' })
      .expect(404);
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'cycle.update' AND entity_id = $1`, [
      cycle.cycleId,
    ]);
    expect(audit.rows[0].n).toBe(2);
  });
});

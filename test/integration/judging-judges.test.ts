/**
 * Judges over HTTP: invitation (token stored hashed, link mailed through the outbox), acceptance
 * (a judge account, signed in; an e-mail with an account is 409), the profile, a round's panel,
 * and the cycle's confidentiality terms (recorded with version, hash and time; audited once).
 */
import request from 'supertest';
import { hashToken } from '../../src/common/auth/tokens';
import { renderNotification } from '../../src/modules/notifications/notification-renderer';
import { createOpenCycle, createUser, PASSWORD, registerApplicant, type Account } from '../support/factories';
import { createRound, createRubric, entryIn } from '../support/judging';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let staff: Account;

beforeAll(async () => {
  t = await startTestApp();
  staff = await createUser(t, 'staff');
});
afterAll(() => t.close());

const as = (token: string) => ({
  get: (path: string) => request(t.http).get(path).auth(token, { type: 'bearer' }),
  post: (path: string, body: object = {}) => request(t.http).post(path).auth(token, { type: 'bearer' }).send(body),
  patch: (path: string, body: object) => request(t.http).patch(path).auth(token, { type: 'bearer' }).send(body),
});
let n = 0;
const email = () => `Judge.${Date.now()}.${n++}@Example.com`;

async function invitedJudge(): Promise<{ token: string; userId: string; email: string }> {
  const address = email();
  const inv = await as(staff.token).post('/api/judges/invitations', { email: address, name: '李评审' }).expect(201);
  const token = inv.body.inviteUrl.split('/').pop();
  const res = await request(t.http)
    .post(`/api/judges/invitations/${token}/accept`)
    .send({ name: '李评审', password: PASSWORD })
    .expect(201);
  return { token: res.body.accessToken, userId: res.body.userId, email: address.toLowerCase() };
}

describe('invitations', () => {
  it('answers the link, stores only the token’s hash and mails the link through the outbox', async () => {
    const address = email();
    const res = await as(staff.token).post('/api/judges/invitations', { email: address, name: '王评审' }).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: address.toLowerCase(),
      inviteUrl: expect.stringMatching(/\/judge-invitations\/[\w-]{43}$/),
    });
    expect(res.body.inviteUrl.startsWith(`${t.config.publicUrl.replace(/\/+$/, '')}/judge-invitations/`)).toBe(true);
    const token = res.body.inviteUrl.split('/').pop();
    const { rows } = await t.db.query('SELECT token_hash FROM judge_invitations WHERE id = $1', [res.body.id]);
    expect(rows[0].token_hash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const out = await t.db.query(
      `SELECT kind, recipient_emails, payload FROM notification_outbox WHERE kind = 'judge_invitation' AND $1 = ANY(recipient_emails)`,
      [address.toLowerCase()],
    );
    expect(out.rows).toHaveLength(1);
    const mail = renderNotification(out.rows[0].kind, out.rows[0].payload, out.rows[0].recipient_emails);
    expect(mail.text).toContain(res.body.inviteUrl);
    expect(mail.subject).toMatch(/^邀请您担任.*\/ Invitation/);
  });

  it('accepting makes a judge account, signed in; the token is single use', async () => {
    const address = email();
    const inv = await as(staff.token).post('/api/judges/invitations', { email: address, name: '赵评审' }).expect(201);
    const token = inv.body.inviteUrl.split('/').pop();
    const res = await request(t.http)
      .post(`/api/judges/invitations/${token}/accept`)
      .send({ name: '赵评审', password: PASSWORD })
      .expect(201);
    expect(res.headers['set-cookie']?.[0]).toMatch(/topten_sid=/);
    const me = await as(res.body.accessToken).get('/api/auth/me').expect(200);
    expect(me.body.user).toMatchObject({ role: 'judge', email: address.toLowerCase(), name: '赵评审' });
    await request(t.http).post(`/api/judges/invitations/${token}/accept`).send({ name: '赵评审', password: PASSWORD }).expect(404);
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity = 'judge_invitation' AND entity_id = $1 ORDER BY id`, [
      inv.body.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['judge.invite', 'judge.accept_invitation']);
  });

  it('an e-mail that already has an account is 409 with a clear message (invitation and acceptance)', async () => {
    const applicant = await registerApplicant(t);
    const res = await as(staff.token)
      .post('/api/judges/invitations', { email: applicant.email, name: '重名' })
      .set('Accept-Language', 'en')
      .expect(409);
    expect(res.body).toMatchObject({ code: 'judge_email_taken', message: expect.stringContaining('already has an account') });
    // the account appears between invitation and acceptance
    const address = email();
    const inv = await as(staff.token).post('/api/judges/invitations', { email: address, name: '后注册' }).expect(201);
    await request(t.http)
      .post('/api/auth/register')
      .send({ email: address, password: PASSWORD, name: '申报人', organisationName: `单位 ${n}` })
      .expect(201);
    const token = inv.body.inviteUrl.split('/').pop();
    const late = await request(t.http)
      .post(`/api/judges/invitations/${token}/accept`)
      .send({ name: '后注册', password: PASSWORD })
      .expect(409);
    expect(late.body.code).toBe('judge_email_taken');
    const { rows } = await t.db.query('SELECT role FROM users WHERE lower(email) = $1', [address.toLowerCase()]);
    expect(rows).toEqual([{ role: 'applicant' }]);
  });

  it('refuses a weak password and an unknown token', async () => {
    const address = email();
    const inv = await as(staff.token).post('/api/judges/invitations', { email: address, name: '弱口令' }).expect(201);
    const token = inv.body.inviteUrl.split('/').pop();
    const weak = await request(t.http)
      .post(`/api/judges/invitations/${token}/accept`)
      .send({ name: 'x', password: 'password123' })
      .expect(400);
    expect(weak.body.details[0].path).toBe('password');
    await request(t.http)
      .post(`/api/judges/invitations/${'x'.repeat(43)}/accept`)
      .send({ name: 'x', password: PASSWORD })
      .expect(404);
  });
});

describe('the judges list (GET /api/judges)', () => {
  it('judge accounts with their profile, and the invitations neither accepted nor expired', async () => {
    const judge = await invitedJudge();
    await as(judge.token)
      .patch('/api/judges/me', { industries: ['finance'], employer: '某银行', group: '某集团', capacity: 6 })
      .expect(200);
    const pendingEmail = email();
    await as(staff.token).post('/api/judges/invitations', { email: pendingEmail, name: '王评审' }).expect(201);
    const expiredEmail = email();
    await as(staff.token).post('/api/judges/invitations', { email: expiredEmail, name: '过期' }).expect(201);
    await t.db.query(`UPDATE judge_invitations SET expires_at = now() - interval '1 minute' WHERE email = $1`, [
      expiredEmail.toLowerCase(),
    ]);
    const res = await as(staff.token).get('/api/judges').expect(200);
    expect(res.body.judges).toContainEqual({
      userId: judge.userId,
      name: '李评审',
      email: judge.email,
      disabled: false,
      industries: ['finance'],
      employer: '某银行',
      group: '某集团',
      capacity: 6,
      createdAt: expect.stringMatching(/^\d{4}-/),
    });
    const emails = res.body.invitations.map((i: { email: string }) => i.email);
    expect(emails).toContain(pendingEmail.toLowerCase());
    expect(emails).not.toContain(expiredEmail.toLowerCase());
    expect(emails).not.toContain(judge.email); // accepted
    expect(res.body.invitations.find((i: { email: string }) => i.email === pendingEmail.toLowerCase())).toMatchObject({
      name: '王评审',
      createdAt: expect.stringMatching(/^\d{4}-/),
      expiresAt: expect.stringMatching(/^\d{4}-/),
    });
    await as(judge.token).get('/api/judges').expect(403);
  });
});

describe('profile', () => {
  it('reads and changes the profile; null clears; bad values are 400 naming the field', async () => {
    const judge = await invitedJudge();
    const empty = await as(judge.token).get('/api/judges/me').expect(200);
    expect(empty.body).toMatchObject({ industries: [], employer: null, employerUscc: null, group: null, capacity: null });
    const changed = await as(judge.token)
      .patch('/api/judges/me', {
        industries: ['finance', 'telecom'],
        employer: '示例咨询',
        employerUscc: '91350100M000100Y43',
        group: '示例集团',
        capacity: 12,
      })
      .expect(200);
    expect(changed.body).toMatchObject({
      industries: ['finance', 'telecom'],
      employerUscc: '91350100M000100Y43',
      group: '示例集团',
      capacity: 12,
    });
    const cleared = await as(judge.token).patch('/api/judges/me', { employer: null }).expect(200);
    expect(cleared.body).toMatchObject({ employer: null, group: '示例集团', capacity: 12 });
    for (const [body, path] of [
      [{ industries: ['mining'] }, 'industries'],
      [{ employerUscc: '123' }, 'employerUscc'],
      [{ capacity: -1 }, 'capacity'],
      [{ colour: 'red' }, 'colour'],
    ] as const) {
      const res = await as(judge.token).patch('/api/judges/me', body).expect(400);
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'judge.profile' AND actor_id = $1`, [
      judge.userId,
    ]);
    expect(audit.rows[0].n).toBe(2);
  });
});

describe('panel and confidentiality', () => {
  it('adds judges to a round’s panel; a non-judge is 400 naming it; a closed round 409', async () => {
    const cycle = await createOpenCycle(t);
    const rubricId = await createRubric(t, staff);
    const roundId = await createRound(t, staff, cycle.cycleId, rubricId);
    const [a, b] = [await invitedJudge(), await invitedJudge()];
    const panel = await as(staff.token)
      .post(`/api/rounds/${roundId}/judges`, { judgeIds: [a.userId, b.userId], capacity: 8 })
      .expect(200);
    expect(panel.body).toEqual([
      expect.objectContaining({ judgeId: a.userId, capacity: 8, confidentialityAccepted: false }),
      expect.objectContaining({ judgeId: b.userId, capacity: 8, confidentialityAccepted: false }),
    ]);
    const applicant = await registerApplicant(t);
    const bad = await as(staff.token)
      .post(`/api/rounds/${roundId}/judges`, { judgeIds: [a.userId, applicant.userId] })
      .expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'judgeIds.1', code: 'not_judge' })]);
    const round = await as(staff.token).get(`/api/rounds/${roundId}`).expect(200);
    expect(round.body.panel).toHaveLength(2);
    await t.db.query(`UPDATE rounds SET state = 'closed' WHERE id = $1`, [roundId]);
    const closed = await as(staff.token)
      .post(`/api/rounds/${roundId}/judges`, { judgeIds: [a.userId] })
      .expect(409);
    expect(closed.body.state).toBe('closed');
  });

  it('lists the panel with assignments; removing a judge with assignments is 409 naming them, without it 204 (audited)', async () => {
    const cycle = await createOpenCycle(t);
    const entry = await entryIn(t, cycle, 'accepted');
    const roundId = await createRound(t, staff, cycle.cycleId, await createRubric(t, staff));
    const [a, b] = [await invitedJudge(), await invitedJudge()];
    await as(staff.token)
      .post(`/api/rounds/${roundId}/judges`, { judgeIds: [a.userId, b.userId] })
      .expect(200);
    await t.db.query('INSERT INTO assignments (round_id, application_id, judge_id) VALUES ($1, $2, $3)', [roundId, entry.appId, a.userId]);
    const panel = await as(staff.token).get(`/api/rounds/${roundId}/judges`).expect(200);
    expect(panel.body).toEqual([
      { judgeId: a.userId, name: '李评审', email: a.email, capacity: null, confidentialityAccepted: false, assignments: 1 },
      { judgeId: b.userId, name: '李评审', email: b.email, capacity: null, confidentialityAccepted: false, assignments: 0 },
    ]);
    const del = (judgeId: string) =>
      request(t.http).delete(`/api/rounds/${roundId}/judges/${judgeId}`).auth(staff.token, { type: 'bearer' }).set('Accept-Language', 'en');
    const refused = await del(a.userId).expect(409);
    expect(refused.body.details).toEqual([
      expect.objectContaining({ path: 'judgeId', code: 'judge_has_assignments', params: { count: 1 } }),
    ]);
    expect(refused.body.message).toMatch(/1 entries assigned/);
    await del(b.userId).expect(204);
    await del(b.userId).expect(404);
    expect((await as(staff.token).get(`/api/rounds/${roundId}`).expect(200)).body.panel.map((p: { judgeId: string }) => p.judgeId)).toEqual(
      [a.userId],
    );
    const audit = await t.db.query(`SELECT details FROM audit_log WHERE action = 'round.panel_remove' AND entity_id = $1`, [roundId]);
    expect(audit.rows).toEqual([{ details: { judgeId: b.userId } }]);
    await as(staff.token).get('/api/rounds/00000000-0000-4000-8000-000000000000/judges').expect(404);
  });

  it('terms in zh and en; acceptance recorded with version, hash and time, audited once', async () => {
    const cycle = await createOpenCycle(t);
    const judge = await invitedJudge();
    // a judge sees the terms of the cycles whose draft or open round they are on the panel of, no other
    await as(judge.token).get(`/api/cycles/${cycle.cycleId}/confidentiality`).expect(404);
    const roundId = await createRound(t, staff, cycle.cycleId, await createRubric(t, staff));
    await t.db.query('INSERT INTO round_judges (round_id, judge_id) VALUES ($1, $2)', [roundId, judge.userId]);
    const before = await as(judge.token).get(`/api/cycles/${cycle.cycleId}/confidentiality`).expect(200);
    expect(before.body).toMatchObject({
      termsVersion: '2026-1',
      acceptedAt: null,
      text: { zh: expect.stringContaining('保密'), en: expect.stringContaining('confidential') },
    });
    const res = await as(judge.token).post(`/api/cycles/${cycle.cycleId}/confidentiality`).expect(201);
    expect(res.body).toMatchObject({
      acceptedVersion: '2026-1',
      acceptedAt: expect.stringMatching(/^\d{4}-/),
      textSha256: before.body.textSha256,
    });
    await as(judge.token).post(`/api/cycles/${cycle.cycleId}/confidentiality`).expect(201);
    const audit = await t.db.query(`SELECT details FROM audit_log WHERE action = 'judge.confidentiality_accept' AND actor_id = $1`, [
      judge.userId,
    ]);
    expect(audit.rows).toEqual([
      { details: expect.objectContaining({ termsVersion: '2026-1', textSha256: before.body.textSha256, acceptedAt: res.body.acceptedAt }) },
    ]);
    await as(judge.token).post('/api/cycles/00000000-0000-4000-8000-000000000000/confidentiality').expect(404);
  });

  it('the judge’s cycles: only those with a draft or open round whose panel the judge is on, with those rounds', async () => {
    const [onPanel, elsewhere, closedOnly] = [await createOpenCycle(t), await createOpenCycle(t), await createOpenCycle(t)];
    const rubricId = await createRubric(t, staff);
    const judge = await invitedJudge();
    const other = await invitedJudge();
    const r1 = await createRound(t, staff, onPanel.cycleId, rubricId, { name: 'R1 初评' });
    const r2 = await createRound(t, staff, onPanel.cycleId, rubricId, { name: 'R2 决赛', blind: false });
    await createRound(t, staff, elsewhere.cycleId, rubricId); // a round, but not the judge's panel
    const closed = await createRound(t, staff, closedOnly.cycleId, rubricId);
    await as(staff.token)
      .post(`/api/rounds/${r1}/judges`, { judgeIds: [judge.userId] })
      .expect(200);
    await as(staff.token)
      .post(`/api/rounds/${r2}/judges`, { judgeIds: [judge.userId] })
      .expect(200);
    await as(staff.token)
      .post(`/api/rounds/${closed}/judges`, { judgeIds: [judge.userId] })
      .expect(200);
    await t.db.query(`UPDATE rounds SET state = 'closed' WHERE id = $1`, [closed]);
    await t.db.query(`UPDATE rounds SET state = 'open' WHERE id = $1`, [r1]);

    const res = await as(judge.token).get('/api/judges/me/cycles').expect(200);
    expect(res.body).toEqual([
      {
        id: onPanel.cycleId,
        name: expect.any(String),
        timeZone: 'Asia/Shanghai',
        rounds: [
          expect.objectContaining({ id: r1, name: 'R1 初评', state: 'open', blind: true, closesAt: '2027-01-31T18:00:00+08:00' }),
          expect.objectContaining({ id: r2, name: 'R2 决赛', state: 'draft', blind: false }),
        ],
      },
    ]);
    expect((await as(other.token).get('/api/judges/me/cycles').expect(200)).body).toEqual([]);
  });
});

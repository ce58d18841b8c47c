/**
 * Roles do not cross (issue 10, item 4): judge, staff and admin accounts are never organisation
 * members — an invitation to their e-mail is refused, they cannot accept one, a member cannot be
 * given such a role, and the database refuses both as well. (That a membership row they might
 * still have grants nothing is in the authorization matrix.)
 */
import request from 'supertest';
import { createUser, PASSWORD, registerApplicant, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: Account;
let owner: Account & { organisationId: string };

beforeAll(async () => {
  t = await startTestApp();
  admin = await createUser(t, 'admin');
  owner = await registerApplicant(t, '示例通信');
});
afterAll(() => t.close());

const invite = (email: string) =>
  request(t.http)
    .post(`/api/organisations/${owner.organisationId}/invitations`)
    .auth(owner.token, { type: 'bearer' })
    .set('Accept-Language', 'en')
    .send({ email });
const setRole = (userId: string, role: string) =>
  request(t.http).patch(`/api/users/${userId}/role`).auth(admin.token, { type: 'bearer' }).send({ role });
const membershipsOf = async (userId: string) =>
  (await t.db.query('SELECT count(*)::int AS n FROM memberships WHERE user_id = $1', [userId])).rows[0].n;

it.each(['judge', 'staff', 'admin'] as const)('refuses to invite a %s account’s e-mail (409, any case)', async (role) => {
  const user = await createUser(t, role);
  const res = await invite(user.email.toUpperCase()).expect(409);
  expect(res.body).toMatchObject({
    code: 'invitee_not_applicant',
    details: [{ path: 'email', code: 'invitee_not_applicant', message: expect.stringMatching(/judge, staff or admin account/) }],
  });
  expect((await t.db.query('SELECT count(*)::int AS n FROM invitations WHERE lower(email) = lower($1)', [user.email])).rows[0].n).toBe(0);
});

it('still invites an e-mail without an account, and one of an applicant', async () => {
  await invite('newcomer@example.com').expect(201);
  await invite((await registerApplicant(t)).email).expect(201);
});

it('an account that became a judge after being invited cannot accept (409), and joins nothing', async () => {
  const user = await createUser(t, 'applicant');
  const inv = await invite(user.email).expect(201);
  await setRole(user.userId, 'judge').expect(200);
  const judge = await request(t.http).post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
  const res = await request(t.http)
    .post(`/api/invitations/${inv.body.token}/accept`)
    .auth(judge.body.accessToken, { type: 'bearer' })
    .set('Accept-Language', 'en')
    .send({})
    .expect(409);
  expect(res.body).toMatchObject({ code: 'not_applicant', message: expect.stringMatching(/cannot join an applicant organisation/) });
  expect(await membershipsOf(user.userId)).toBe(0);
  // the invitation is still open: back as an applicant, the same person may join
  await setRole(user.userId, 'applicant').expect(200);
  const again = await request(t.http).post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
  await request(t.http)
    .post(`/api/invitations/${inv.body.token}/accept`)
    .auth(again.body.accessToken, { type: 'bearer' })
    .send({})
    .expect(201);
  expect(await membershipsOf(user.userId)).toBe(1);
});

it.each(['judge', 'staff', 'admin'] as const)(
  'refuses to make an organisation owner or member a %s (409 naming the organisation)',
  async (role) => {
    const applicant = await registerApplicant(t, '示例航空');
    const res = await setRole(applicant.userId, role).set('Accept-Language', 'en').expect(409);
    expect(res.body).toMatchObject({ code: 'role_has_memberships', details: [{ path: 'role', params: { organisations: ['示例航空'] } }] });
    expect(res.body.message).toMatch(/示例航空.*cannot become a judge, staff or admin/);
    expect((await t.db.query('SELECT role FROM users WHERE id = $1', [applicant.userId])).rows[0].role).toBe('applicant');
    // still signed in and still the owner
    const me = await request(t.http).get('/api/auth/me').auth(applicant.token, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ user: { role: 'applicant' }, organisations: [expect.objectContaining({ membershipRole: 'owner' })] });
    // applicant → applicant changes nothing and is fine
    await setRole(applicant.userId, 'applicant').expect(200);
  },
);

it('the database refuses a non-applicant membership and a member’s role change', async () => {
  const judge = await createUser(t, 'judge');
  await expect(
    t.db.query(`INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, 'member')`, [owner.organisationId, judge.userId]),
  ).rejects.toMatchObject({ code: '23514', constraint: 'memberships_applicants_only' });
  await expect(t.db.query(`UPDATE users SET role = 'staff' WHERE id = $1`, [owner.userId])).rejects.toMatchObject({
    code: '23514',
    constraint: 'users_members_stay_applicants',
  });
  await t.db.query(`UPDATE users SET name = '改名' WHERE id = $1`, [owner.userId]); // other columns are untouched by the rule
});

it('a role change racing an invitation acceptance: exactly one wins', async () => {
  for (let i = 0; i < 5; i++) {
    const user = await createUser(t, 'applicant');
    const inv = await invite(user.email).expect(201);
    const [accepted, changed] = await Promise.all([
      request(t.http).post(`/api/invitations/${inv.body.token}/accept`).auth(user.token, { type: 'bearer' }).send({}),
      setRole(user.userId, 'judge'),
    ]);
    const role = (await t.db.query('SELECT role FROM users WHERE id = $1', [user.userId])).rows[0].role;
    const members = await membershipsOf(user.userId);
    if (accepted.status === 201)
      expect({ changed: changed.status, role, members }).toEqual({ changed: 409, role: 'applicant', members: 1 });
    // the role change signs the user out: the acceptance finds a judge (409) or no session (401)
    else
      expect({ accepted: [401, 409].includes(accepted.status), changed: changed.status, role, members }).toEqual({
        accepted: true,
        changed: 200,
        role: 'judge',
        members: 0,
      });
  }
});

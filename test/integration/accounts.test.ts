/** Registration, sign-in by cookie and bearer token, organisations and invitations, roles. */
import request from 'supertest';
import { createUser, PASSWORD, registerApplicant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ ADMIN_EMAIL: 'root@topten.test', ADMIN_PASSWORD: 'a-long-admin-password' });
});
afterAll(() => t.close());

describe('registration and sign-in', () => {
  it('registers an applicant who owns a new organisation and is signed in', async () => {
    const res = await request(t.http)
      .post('/api/auth/register')
      .send({ email: 'Li.Lei@Example.com', password: PASSWORD, name: '李雷', organisationName: '示例保险' })
      .expect(201);
    expect(res.body).toMatchObject({ user: { email: 'li.lei@example.com', role: 'applicant' }, organisation: { name: '示例保险' } });
    const me = await request(t.http).get('/api/auth/me').auth(res.body.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body.organisations).toEqual([expect.objectContaining({ name: '示例保险', membershipRole: 'owner' })]);
    const { rows } = await t.db.query('SELECT password_hash FROM users WHERE email = $1', ['li.lei@example.com']);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second account for the same e-mail (any case) with 409', async () => {
    const res = await request(t.http)
      .post('/api/auth/register')
      .send({ email: 'LI.LEI@example.com', password: PASSWORD, name: '李雷', organisationName: '另一家' })
      .expect(409);
    expect(res.body.details[0].path).toBe('email');
  });

  it('names every bad field of a registration', async () => {
    const res = await request(t.http).post('/api/auth/register').send({ email: 'nope', password: 'short', name: '', extra: 1 }).expect(400);
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'email',
      'extra',
      'name',
      'organisationName',
      'password',
    ]);
  });

  it('signs in with a cookie and with a bearer token; signs out', async () => {
    const login = await request(t.http).post('/api/auth/login').send({ email: 'li.lei@example.com', password: PASSWORD }).expect(200);
    const cookie = login.headers['set-cookie'][0] as string;
    expect(cookie).toMatch(/^topten_sid=[^;]+; .*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    await request(t.http).get('/api/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
    await request(t.http).get('/api/auth/me').auth(login.body.accessToken, { type: 'bearer' }).expect(200);
    await request(t.http).post('/api/auth/logout').auth(login.body.accessToken, { type: 'bearer' }).expect(204);
    await request(t.http).get('/api/auth/me').auth(login.body.accessToken, { type: 'bearer' }).expect(401);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const a = await request(t.http).post('/api/auth/login').send({ email: 'li.lei@example.com', password: 'wrong password!' }).expect(401);
    const b = await request(t.http).post('/api/auth/login').send({ email: 'nobody@example.com', password: 'wrong password!' }).expect(401);
    expect(a.body.message).toBe(b.body.message);
  });

  it('stores session tokens only as hashes', async () => {
    const login = await request(t.http).post('/api/auth/login').send({ email: 'li.lei@example.com', password: PASSWORD }).expect(200);
    const { rows } = await t.db.query('SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1', [login.body.accessToken]);
    expect(rows[0].n).toBe(0);
  });
});

describe('admin from the environment and roles', () => {
  it('creates the admin on first start and lets it change roles', async () => {
    const login = await request(t.http)
      .post('/api/auth/login')
      .send({ email: 'root@topten.test', password: 'a-long-admin-password' })
      .expect(200);
    expect(login.body.user.role).toBe('admin');
    const applicant = await createUser(t, 'applicant'); // no organisation: a member would stay an applicant (409, roles-cross.test.ts)
    await request(t.http)
      .patch(`/api/users/${applicant.userId}/role`)
      .auth(login.body.accessToken, { type: 'bearer' })
      .send({ role: 'judge' })
      .expect(200);
    // the role change signs the user out everywhere
    await request(t.http).get('/api/auth/me').auth(applicant.token, { type: 'bearer' }).expect(401);
    await request(t.http)
      .patch(`/api/users/${applicant.userId}/role`)
      .auth(login.body.accessToken, { type: 'bearer' })
      .send({ role: 'king' })
      .expect(400);
  });

  it('lets only admins change roles', async () => {
    const staff = await createUser(t, 'staff');
    const applicant = await registerApplicant(t);
    await request(t.http)
      .patch(`/api/users/${applicant.userId}/role`)
      .auth(staff.token, { type: 'bearer' })
      .send({ role: 'staff' })
      .expect(403);
  });
});

describe('organisations and invitations', () => {
  it('the owner invites a colleague who signs up through the link and can then edit', async () => {
    const owner = await registerApplicant(t, '示例证券');
    const inv = await request(t.http)
      .post(`/api/organisations/${owner.organisationId}/invitations`)
      .auth(owner.token, { type: 'bearer' })
      .send({ email: 'Han.Meimei@example.com' })
      .expect(201);
    const joined = await request(t.http)
      .post(`/api/invitations/${inv.body.token}/accept`)
      .send({ name: '韩梅梅', password: PASSWORD })
      .expect(201);
    const org = await request(t.http)
      .get(`/api/organisations/${owner.organisationId}`)
      .auth(joined.body.accessToken, { type: 'bearer' })
      .expect(200);
    expect(org.body.members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`)).toEqual([
      `${owner.email}:owner`,
      'han.meimei@example.com:member',
    ]);
    // single use
    await request(t.http).post(`/api/invitations/${inv.body.token}/accept`).send({ name: 'x', password: PASSWORD }).expect(404);
    // a member may not invite
    await request(t.http)
      .post(`/api/organisations/${owner.organisationId}/invitations`)
      .auth(joined.body.accessToken, { type: 'bearer' })
      .send({ email: 'x@example.com' })
      .expect(403);
  });

  it('a signed-in user can accept only an invitation sent to their e-mail', async () => {
    const owner = await registerApplicant(t);
    const other = await registerApplicant(t);
    const inv = await request(t.http)
      .post(`/api/organisations/${owner.organisationId}/invitations`)
      .auth(owner.token, { type: 'bearer' })
      .send({ email: 'someone.else@example.com' })
      .expect(201);
    await request(t.http).post(`/api/invitations/${inv.body.token}/accept`).auth(other.token, { type: 'bearer' }).send({}).expect(403);
    const mine = await request(t.http)
      .post(`/api/organisations/${owner.organisationId}/invitations`)
      .auth(owner.token, { type: 'bearer' })
      .send({ email: other.email })
      .expect(201);
    await request(t.http).post(`/api/invitations/${mine.body.token}/accept`).auth(other.token, { type: 'bearer' }).send({}).expect(201);
  });

  it('validates the Unified Social Credit Code', async () => {
    const owner = await registerApplicant(t);
    const bad = await request(t.http)
      .patch(`/api/organisations/${owner.organisationId}`)
      .auth(owner.token, { type: 'bearer' })
      .send({ uscc: '91100000100003962A' })
      .expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'uscc', code: 'invalid_uscc' })]);
    const ok = await request(t.http)
      .patch(`/api/organisations/${owner.organisationId}`)
      .auth(owner.token, { type: 'bearer' })
      .send({ uscc: '91100000100003962t' })
      .expect(200);
    expect(ok.body.uscc).toBe('91100000100003962T');
  });

  it('staff verify member units and list them first', async () => {
    const staff = await createUser(t, 'staff');
    const org = await registerApplicant(t, '理事单位');
    await request(t.http)
      .patch(`/api/organisations/${org.organisationId}/member-unit`)
      .auth(staff.token, { type: 'bearer' })
      .send({ memberUnit: true })
      .expect(200);
    const list = await request(t.http).get('/api/organisations?memberUnit=true').auth(staff.token, { type: 'bearer' }).expect(200);
    expect(list.body.map((o: { name: string }) => o.name)).toEqual(['理事单位']);
  });
});

describe('password policy and names', () => {
  const register = (body: Record<string, unknown>, lang = 'zh') =>
    request(t.http)
      .post('/api/auth/register')
      .set('Accept-Language', lang)
      .send({
        email: `p-${Math.random().toString(36).slice(2)}@example.com`,
        password: PASSWORD,
        name: '李雷',
        organisationName: '示例单位',
        ...body,
      });
  const details = (res: request.Response) => res.body.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`);

  it.each([
    ['ten spaces', ' '.repeat(10), 'password_blank'],
    ['a common password', 'Password123', 'password_common'],
    ['a keyboard walk', '1qaz2wsx3edc', 'password_common'],
    ['nine characters', 'k7#pQ2-zW', 'too_short'],
    ['129 characters', 'Gr4nite-Lantern-Otter '.repeat(6).slice(0, 129), 'too_long'],
  ])('registration refuses %s with 400 naming the password', async (_n, password, code) => {
    const res = await register({ password }).expect(400);
    expect(details(res)).toEqual([`password:${code}`]);
  });

  it('says why in the catalogue’s words, Chinese first and English on request', async () => {
    const zh = await register({ password: 'password2026!' }).expect(400);
    expect(zh.body.details[0].message).toBe('该密码过于常见或容易猜到，请换一个');
    const en = await register({ password: ' '.repeat(12) }, 'en').expect(400);
    expect(en.body.details[0].message).toBe('must not consist of spaces only');
  });

  it('holds at reset and at invitation acceptance too', async () => {
    const reset = await request(t.http)
      .post('/api/auth/password-reset/confirm')
      .send({ token: 'x'.repeat(43), password: ' '.repeat(10) })
      .expect(400);
    expect(details(reset)).toEqual(['password:password_blank']);
    const owner = await registerApplicant(t);
    const inv = await request(t.http)
      .post(`/api/organisations/${owner.organisationId}/invitations`)
      .auth(owner.token, { type: 'bearer' })
      .send({ email: `inv-${owner.userId.slice(0, 8)}@example.com` })
      .expect(201);
    const bad = await request(t.http)
      .post(`/api/invitations/${inv.body.token}/accept`)
      .send({ name: ' \t ', password: 'qwertyuiop' })
      .expect(400);
    expect(details(bad).sort()).toEqual(['name:required', 'password:password_common']);
    const ok = await request(t.http)
      .post(`/api/invitations/${inv.body.token}/accept`)
      .send({ name: '  王芳 ', password: PASSWORD })
      .expect(201);
    const { rows } = await t.db.query('SELECT name FROM users WHERE id = $1', [ok.body.userId]);
    expect(rows[0].name).toBe('王芳');
  });

  it('refuses names that are empty after trimming or carry control characters, and stores them trimmed', async () => {
    expect(details(await register({ name: '   ' }).expect(400))).toEqual(['name:required']);
    expect(details(await register({ organisationName: '\u3000\t\n' }).expect(400))).toEqual(['organisationName:required']);
    expect(details(await register({ name: '李\u0000雷' }).expect(400))).toEqual(['name:nul_character']); // the global input guard answers NUL first
    expect(details(await register({ organisationName: '示例\u001b[31m单位' }).expect(400))).toEqual(['organisationName:control_chars']);
    const ok = await register({ name: '  李雷 ', organisationName: ' 示例银行 ' }).expect(201);
    expect(ok.body.user.name).toBe('李雷');
    expect(ok.body.organisation.name).toBe('示例银行');

    const owner = await registerApplicant(t);
    const rename = (name: string) =>
      request(t.http).patch(`/api/organisations/${owner.organisationId}`).auth(owner.token, { type: 'bearer' }).send({ name });
    expect(details(await rename('  ').expect(400))).toEqual(['name:required']);
    expect((await rename(' 新名称 ').expect(200)).body.name).toBe('新名称');
  });
});

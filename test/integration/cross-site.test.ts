/**
 * CSRF and login CSRF (issue 10, item 3): JSON-only bodies (multipart on the upload route) and an
 * Origin / Sec-Fetch-Site check on every write a browser could make for another site — cookie
 * writes and the credential-less ones (login, register, password reset, invitation acceptance).
 * API clients with a bearer token and no Origin keep working as api.md describes.
 */
import request from 'supertest';
import { createApplication, createOpenCycle, PASSWORD, registerApplicant, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let owner: Account & { organisationId: string };
let cookie: string;

beforeAll(async () => {
  t = await startTestApp();
  owner = await registerApplicant(t);
  const login = await request(t.http).post('/api/auth/login').send({ email: owner.email, password: PASSWORD }).expect(200);
  cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
});
afterAll(() => t.close());

const freshDraft = async () => (await createApplication(t, owner, await createOpenCycle(t))).id;
const stateOf = async (id: string) => (await t.db.query('SELECT state FROM applications WHERE id = $1', [id])).rows[0].state;
const invitations = async () =>
  (await t.db.query('SELECT count(*)::int AS n FROM invitations WHERE organisation_id = $1', [owner.organisationId])).rows[0].n;
/** The request's own address (supertest's port changes per request, so the Host is set too). */
const OWN_HOST = 'awards.internal:8443';
const ownOrigin = () => `http://${OWN_HOST}`;

describe('bodies are JSON only (415)', () => {
  it.each([
    ['application/x-www-form-urlencoded', ''],
    ['application/x-www-form-urlencoded', 'a=1'],
    ['text/plain', '{}'],
    ['text/plain;charset=UTF-8', ''],
    ['multipart/form-data; boundary=x', '--x--\r\n'],
    ['application/xml', '<a/>'],
  ])('refuses a cookie-authenticated withdraw sent as %s %j', async (type, body) => {
    const id = await freshDraft();
    const res = await request(t.http)
      .post(`/api/applications/${id}/withdraw`)
      .set('Cookie', cookie)
      .set('Content-Type', type)
      .set('Accept-Language', 'en')
      .send(body)
      .expect(415);
    expect(res.body).toMatchObject({ statusCode: 415, code: 'unsupported_media_type', message: 'unsupported content type' });
    if (!type.startsWith('application/xml'))
      expect(res.body.details).toEqual([
        expect.objectContaining({
          path: '$',
          code: 'body_type',
          message: 'the request body must be application/json, application/merge-patch+json',
        }),
      ]);
    expect(await stateOf(id)).toBe('draft');
  });

  it('refuses a login and an invitation sent as a form, even from an API client', async () => {
    await request(t.http).post('/api/auth/login').type('form').send({ email: owner.email, password: PASSWORD }).expect(415);
    await request(t.http)
      .post('/api/auth/login')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ email: owner.email, password: PASSWORD }))
      .expect(415);
    const before = await invitations();
    await request(t.http)
      .post(`/api/organisations/${owner.organisationId}/invitations`)
      .auth(owner.token, { type: 'bearer' })
      .type('form')
      .send({ email: 'x@example.com' })
      .expect(415);
    expect(await invitations()).toBe(before);
  });

  it('takes multipart only on the upload route, and JSON not there', async () => {
    const id = await freshDraft();
    const res = await request(t.http)
      .post(`/api/applications/${id}/attachments`)
      .auth(owner.token, { type: 'bearer' })
      .send({ kind: 'org_chart' })
      .expect(415);
    expect(res.body.details[0]).toMatchObject({ path: 'file', code: 'not_multipart' });
  });

  it('still takes a body-less write and JSON merge patch', async () => {
    await request(t.http)
      .post(`/api/applications/${await freshDraft()}/withdraw`)
      .set('Cookie', cookie)
      .expect(200);
    const app = await createApplication(t, owner, await createOpenCycle(t));
    const sec = await request(t.http).get(`/api/applications/${app.id}/sections/strategy`).set('Cookie', cookie).expect(200);
    await request(t.http)
      .patch(`/api/applications/${app.id}/sections/strategy`)
      .set('Cookie', cookie)
      .set('Host', OWN_HOST)
      .set('Origin', ownOrigin())
      .set('If-Match', sec.headers.etag)
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify({ culture: { mission: '使命' } }))
      .expect(200);
  });
});

describe('writes from another site (403 cross_site_request)', () => {
  const foreign: Array<[string, Record<string, string>]> = [
    ['another origin', { Origin: 'http://evil.example' }],
    ['another port of the same host', { Origin: 'http://127.0.0.1:1' }],
    ['an opaque origin', { Origin: 'null' }],
    ['a same-site page', { 'Sec-Fetch-Site': 'same-site' }],
    ['a cross-site page', { 'Sec-Fetch-Site': 'cross-site' }],
  ];

  it.each(foreign)('refuses a cookie-authenticated withdraw from %s', async (_, headers) => {
    const id = await freshDraft();
    const res = await request(t.http)
      .post(`/api/applications/${id}/withdraw`)
      .set('Cookie', cookie)
      .set(headers)
      .set('Accept-Language', 'en')
      .send({})
      .expect(403);
    expect(res.body).toMatchObject({ code: 'cross_site_request', message: expect.stringMatching(/another site/) });
    expect(await stateOf(id)).toBe('draft');
  });

  it.each(foreign)('refuses login, registration, password reset and invitation acceptance from %s', async (_, headers) => {
    const login = await request(t.http).post('/api/auth/login').set(headers).send({ email: owner.email, password: PASSWORD }).expect(403);
    expect(login.headers['set-cookie']).toBeUndefined();
    await request(t.http)
      .post('/api/auth/register')
      .set(headers)
      .send({ email: `csrf-${Date.now()}@example.com`, password: PASSWORD, name: '某人', organisationName: '某单位' })
      .expect(403);
    await request(t.http).post('/api/auth/password-reset').set(headers).send({ email: owner.email }).expect(403);
    const inv = await request(t.http)
      .post(`/api/organisations/${owner.organisationId}/invitations`)
      .auth(owner.token, { type: 'bearer' })
      .send({ email: `inv-${Date.now()}@example.com` })
      .expect(201);
    await request(t.http)
      .post(`/api/invitations/${inv.body.token}/accept`)
      .set(headers)
      .send({ name: '同事', password: PASSWORD })
      .expect(403);
    const { rows } = await t.db.query('SELECT accepted_at FROM invitations WHERE id = $1', [inv.body.id]);
    expect(rows[0].accepted_at).toBeNull();
  });

  it.each([
    ['PUBLIC_URL', () => ({ Origin: new URL(t.config.publicUrl).origin })],
    ['the address it was sent to', () => ({ Host: OWN_HOST, Origin: ownOrigin() })],
    ['this site’s own page', () => ({ Host: OWN_HOST, Origin: ownOrigin(), 'Sec-Fetch-Site': 'same-origin' })],
    ['a typed address', () => ({ 'Sec-Fetch-Site': 'none' })],
  ])('accepts a cookie-authenticated write from %s', async (_, headers) => {
    const id = await freshDraft();
    await request(t.http).post(`/api/applications/${id}/withdraw`).set('Cookie', cookie).set(headers()).send({}).expect(200);
    expect(await stateOf(id)).toBe('withdrawn');
  });

  it('leaves reads alone', async () => {
    await request(t.http)
      .get('/api/auth/me')
      .set('Cookie', cookie)
      .set('Origin', 'http://evil.example')
      .set('Sec-Fetch-Site', 'cross-site')
      .expect(200);
  });
});

describe('API clients (bearer token, no cookie, no Origin) work as api.md says', () => {
  it('logs in, writes and logs out without Origin or Sec-Fetch-Site', async () => {
    const login = await request(t.http).post('/api/auth/login').send({ email: owner.email, password: PASSWORD }).expect(200);
    const token = login.body.accessToken as string;
    const id = await freshDraft();
    await request(t.http).post(`/api/applications/${id}/withdraw`).auth(token, { type: 'bearer' }).send({}).expect(200);
    await request(t.http)
      .post(`/api/organisations/${owner.organisationId}/invitations`)
      .auth(token, { type: 'bearer' })
      .send({ email: `api-${Date.now()}@example.com` })
      .expect(201);
    await request(t.http).post('/api/auth/logout').auth(token, { type: 'bearer' }).expect(204);
  });

  it('a bearer token is not a cookie: a foreign Origin cannot have attached it', async () => {
    const id = await freshDraft();
    await request(t.http)
      .post(`/api/applications/${id}/withdraw`)
      .auth(owner.token, { type: 'bearer' })
      .set('Origin', 'http://tool.example')
      .send({})
      .expect(200);
  });
});

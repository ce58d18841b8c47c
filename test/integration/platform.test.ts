/** Health, OpenAPI, the error contract and rate limiting. */
import request from 'supertest';
import { PASSWORD, registerApplicant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOGIN_RATE_LIMIT: '5' });
});
afterAll(() => t.close());

it('reports health of each dependency', async () => {
  const res = await request(t.http).get('/api/health').expect(200);
  expect(res.body).toMatchObject({ status: 'ok', db: 'up', redis: 'up' });
  expect(res.body.storage).toBe('up');
  expect(['up', 'down']).toContain(res.body.renderer);
});

it('sends helmet’s security headers on every answer: success, error and page', async () => {
  for (const [path, status] of [
    ['/api/health', 200],
    ['/api/nowhere', 404],
    ['/api/auth/me', 401],
  ] as const) {
    const res = await request(t.http).get(path).expect(status);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringMatching(/max-age=\d+/),
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  }
});

it('publishes the OpenAPI document and its browsable page', async () => {
  const doc = await request(t.http).get('/api/openapi.json').expect(200);
  expect(doc.body.openapi).toMatch(/^3\./);
  expect(Object.keys(doc.body.paths)).toEqual(
    expect.arrayContaining([
      '/api/auth/register',
      '/api/auth/login',
      '/api/cycles',
      '/api/applications',
      '/api/applications/{id}',
      '/api/applications/{id}/sections/{key}',
      '/api/applications/{id}/completeness',
      '/api/health',
      '/api/form',
    ]),
  );
  await request(t.http).get('/api/docs').expect(200);
});

it('answers malformed JSON with 400 at path $', async () => {
  const a = await registerApplicant(t);
  const res = await request(t.http)
    .post('/api/applications')
    .auth(a.token, { type: 'bearer' })
    .set('Content-Type', 'application/json')
    .send('{"cycleId": ')
    .expect(400);
  expect(res.body).toMatchObject({ statusCode: 400, details: [{ path: '$', code: 'malformed_json' }] });
});

it('answers an oversized body with 413', async () => {
  const a = await registerApplicant(t);
  await request(t.http)
    .post('/api/applications')
    .auth(a.token, { type: 'bearer' })
    .send({ cycleId: 'x'.repeat(2_000_000) })
    .expect(413);
});

it('answers unknown routes and ids with JSON 404 and no 403 that would confirm an id', async () => {
  const a = await registerApplicant(t);
  const res = await request(t.http).get('/api/nothing-here').auth(a.token, { type: 'bearer' }).expect(404);
  expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  await request(t.http).get('/api/applications/not-a-uuid').auth(a.token, { type: 'bearer' }).expect(404);
  await request(t.http)
    .get('/api/applications/00000000-0000-4000-8000-000000000000/sections/basics')
    .auth(a.token, { type: 'bearer' })
    .expect(404);
});

it('requires sign-in by default', async () => {
  const res = await request(t.http).get('/api/cycles').expect(401);
  expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
});

it('rate-limits sign-in attempts with 429', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++)
    statuses.push((await request(t.http).post('/api/auth/login').send({ email: 'x@example.com', password: PASSWORD })).status);
  expect(statuses.slice(-1)[0]).toBe(429);
});

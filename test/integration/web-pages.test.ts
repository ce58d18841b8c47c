/**
 * The applicant pages are served by the API process: the built app at `/`, index.html for the
 * app's own paths, long-cached hashed assets, and JSON 404s under /api as before.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { webDistDir } from '../../src/web-pages';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  if (!webDistDir()) throw new Error('web/dist is missing: `npm test` builds it (scripts/build-web.sh); run that first');
  t = await startTestApp();
});
afterAll(() => t?.close());

it('serves the app at / and at its own paths, with a strict CSP', async () => {
  for (const path of ['/', '/login', '/applications/3f1e0000-0000-4000-8000-000000000000']) {
    const res = await request(t.http).get(path).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<div id="root"></div>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  }
});

it('serves hashed assets with a year of caching', async () => {
  const asset = readdirSync(join(webDistDir()!, 'assets')).find((f) => f.endsWith('.js'))!;
  const res = await request(t.http).get(`/assets/${asset}`).expect(200);
  expect(res.headers['cache-control']).toContain('immutable');
});

it('keeps JSON 404s for unknown API paths', async () => {
  const res = await request(t.http).get('/api/nothing-here').expect(404);
  expect(res.body).toMatchObject({ statusCode: 404 });
});

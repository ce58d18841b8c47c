/**
 * The applicant pages are served by the API process: the built app at `/`, index.html for the
 * app's own paths, long-cached hashed assets sent pre-compressed (brotli / gzip by
 * Accept-Encoding), a JSON 404 for a missing asset or API path, React's production build — and
 * pages keep working while web/dist is rebuilt under the running API.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { pickEncoding, serveWebPages, webDistDir } from '../../src/web-pages';
import { startTestApp, type TestApp } from '../support/test-app';

const WEB = join(__dirname, '..', '..', 'web');

let t: TestApp;
beforeAll(async () => {
  if (!webDistDir()) throw new Error('web/dist is missing: `npm test` builds it (scripts/build-web.sh); run that first');
  t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
});
afterAll(() => t?.close());

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
/** A GET whose body is left as sent (supertest would decompress it). */
function raw(server: Server, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
    // an answer that stalls (a file cut short under its Content-Length) fails by name, not by the test's timeout
    req.setTimeout(20_000, () => req.destroy(new Error(`GET ${path}: no answer for 20 s`)));
  });
}
const decoded = (r: Raw) =>
  r.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(r.body)
    : r.headers['content-encoding'] === 'gzip'
      ? gunzipSync(r.body)
      : r.body;
/** The scripts index.html names (entry and preloaded chunks). */
const scriptsOf = (html: string) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);

it('serves the app at / and at its own paths, with a strict CSP', async () => {
  for (const path of ['/', '/login', '/applications/3f1e0000-0000-4000-8000-000000000000']) {
    const res = await request(t.http).get(path).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<div id="root"></div>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-cache');
  }
});

it('serves hashed assets with a year of caching, pre-compressed as Accept-Encoding allows', async () => {
  const html = (await request(t.http).get('/').expect(200)).text;
  const entry = scriptsOf(html)[0];
  const file = readFileSync(join(webDistDir()!, entry));
  for (const [accept, encoding] of [
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['', undefined],
    ['identity', undefined],
  ] as const) {
    const res = await raw(t.http, entry, accept ? { 'Accept-Encoding': accept } : {});
    expect({ accept, status: res.status, encoding: res.headers['content-encoding'] }).toEqual({ accept, status: 200, encoding });
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(decoded(res).equals(file)).toBe(true);
    if (encoding) expect(res.body.length).toBeLessThan(file.length / 2);
  }
  // the same for the page itself
  const page = await raw(t.http, '/applications', { 'Accept-Encoding': 'gzip, deflate, br' });
  expect(page.headers['content-encoding']).toBe('br');
  expect(page.headers.vary).toMatch(/Accept-Encoding/i);
  expect(decoded(page).toString()).toBe(html);
  const plain = await raw(t.http, '/applications');
  expect([plain.headers['content-encoding'], plain.body.toString()]).toEqual([undefined, html]);
});

it('answers a missing asset with a JSON 404, never with index.html', async () => {
  for (const path of ['/assets/index-00000000.js', '/assets/', '/assets/nested/x.css']) {
    const res = await request(t.http).get(path).set('Accept-Encoding', 'br, gzip').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    expect(res.text).not.toContain('<div id="root">');
  }
});

it('keeps JSON 404s for unknown API paths', async () => {
  const res = await request(t.http).get('/api/nothing-here').expect(404);
  expect(res.body).toMatchObject({ statusCode: 404 });
});

it('serves React’s production build', () => {
  const dir = webDistDir()!;
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const js = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  expect(js.some((f) => /jsx-dev-runtime/.test(f))).toBe(false);
  for (const s of scriptsOf(html)) expect(readFileSync(join(dir, s), 'utf8')).not.toMatch(/jsxDEV|react-dom\.development/);
});

it('picks brotli, then gzip, by Accept-Encoding and its q-values', () => {
  expect(pickEncoding('gzip, deflate, br')).toBe('br');
  expect(pickEncoding('gzip;q=1, br;q=0.5')).toBe('gzip');
  expect(pickEncoding('br;q=0, gzip;q=0')).toBe('identity');
  expect(pickEncoding('*')).toBe('br');
  expect(pickEncoding('*;q=0, gzip')).toBe('gzip');
  expect(pickEncoding(undefined)).toBe('identity');
  expect(pickEncoding('deflate')).toBe('identity');
});

describe('rebuilding web/dist under a running API', () => {
  @Module({})
  class PagesOnly {}

  let dir: string;
  let pages: NestFastifyApplication;
  beforeAll(async () => {
    // a copy of the build that plays "the previous build": its entry under an older name
    dir = mkdtempSync(join(tmpdir(), 'topten-web-dist-'));
    cpSync(webDistDir()!, dir, { recursive: true });
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const entry = scriptsOf(html)[0];
    const old = entry.replace(/-[\w-]+\.js$/, '-0ld0ld0l.js');
    for (const ext of ['', '.br', '.gz']) if (existsSync(join(dir, entry + ext))) renameSync(join(dir, entry + ext), join(dir, old + ext));
    writeFileSync(join(dir, 'index.html'), html.replace(entry, old));
    // the build list: the "previous" build, and one from long ago whose file must be pruned
    const files = readdirSync(join(dir, 'assets')).map((f) => `assets/${f}`);
    writeFileSync(join(dir, 'assets', 'ancient-11111111.js'), 'console.log(1)');
    writeFileSync(
      join(dir, '.builds.json'),
      JSON.stringify([
        { at: 0, files: ['assets/ancient-11111111.js'] },
        { at: Date.now(), files },
      ]),
    );

    pages = await NestFactory.create<NestFastifyApplication>(PagesOnly, new FastifyAdapter(), { logger: false });
    await serveWebPages(pages, dir);
    await pages.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await pages?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every page and script it names answers 200 during and after the build; the old build’s chunks stay', async () => {
    const server = pages.getHttpServer() as Server;
    const before = (await raw(server, '/')).body.toString();
    const oldScripts = scriptsOf(before);
    expect(oldScripts[0]).toMatch(/-0ld0ld0l\.js$/);

    // the build as npm start would run it: NODE_ENV=development exported by dev-env.sh
    const build = promisify(execFile)(join(WEB, 'node_modules', '.bin', 'vite'), ['build', '--outDir', dir, '--logLevel', 'error'], {
      cwd: WEB,
      env: { ...process.env, NODE_ENV: 'development' },
    });
    let done = false;
    void build.finally(() => (done = true));
    const failures: string[] = [];
    let rounds = 0;
    // a browser loading the app over and over while the files change underneath
    while (!done || rounds < 3) {
      rounds++;
      const page = await raw(server, '/', { 'Accept-Encoding': 'br, gzip' });
      const html = decoded(page).toString();
      if (page.status !== 200 || !html.includes('<div id="root"></div>')) failures.push(`/ ${page.status}`);
      for (const s of scriptsOf(html)) {
        const r = await raw(server, s, { 'Accept-Encoding': 'br, gzip' });
        if (r.status !== 200 || !/javascript/.test(String(r.headers['content-type']))) failures.push(`${s} ${r.status}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await build;
    expect(failures).toEqual([]);
    expect(rounds).toBeGreaterThanOrEqual(3);

    // the new index.html is served without a restart; it names the new entry, as a production build
    const after = decoded(await raw(server, '/', { 'Accept-Encoding': 'gzip' })).toString();
    const newScripts = scriptsOf(after);
    expect(newScripts[0]).not.toBe(oldScripts[0]);
    const entry = await raw(server, newScripts[0], { 'Accept-Encoding': 'br' });
    expect([entry.status, entry.headers['content-encoding']]).toEqual([200, 'br']);
    const all = readdirSync(join(dir, 'assets'));
    expect(all.some((f) => /jsx-dev-runtime/.test(f))).toBe(false);
    expect(decoded(entry).toString()).not.toMatch(/jsxDEV/);

    // a tab opened before the build still gets its chunks; the long-expired build's file is gone
    expect((await raw(server, oldScripts[0])).status).toBe(200);
    expect(all).not.toContain('ancient-11111111.js');
    expect((await raw(server, '/assets/ancient-11111111.js')).status).toBe(404);
    // a production build of the whole app on 2 cores shared with the other test workers: over 2 min in CI
  }, 360_000);
});

/// <reference lib="dom" />
/**
 * First load of the applicant pages, in bytes, as Chromium's network events count them
 * (`Network.loadingFinished.encodedDataLength`: headers and body as received; the decoded size
 * from `Network.dataReceived`): the sign-in page (signed out) and the editor (signed in), cold
 * cache, served by the API process (issue 10, item 12).
 *
 *   before: the pages as `npm start` built them until issue 10 (Vite with NODE_ENV=development:
 *           React's development build), served uncompressed (the server had no compression);
 *   after:  the production build of web/dist with its .br/.gz files, for a browser that accepts
 *           gzip only and for one that accepts brotli (Chromium's default).
 *
 *   npx ts-node --transpile-only bench/page-load.ts        (also part of npm run bench)
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { createApp } from '../src/bootstrap';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { launchChromium } from '../src/modules/dossiers/pdf-renderer';
import { completeApplication } from '../test/fixtures/complete-application';
import { ensureWebBuild } from '../test/support/web-build';
import { freshDatabase } from './bench-db';
import { jsonApi } from '../scripts/json-api';

const WEB = join(__dirname, '..', 'web');
const PASSWORD = 'correct horse battery staple';

export interface LoadBytes {
  requests: number;
  /** Every response, headers included, as received. */
  wire: number;
  /** The same for the page's own files (index.html, /assets). */
  staticWire: number;
  /** The page's own files once decompressed. */
  staticDecoded: number;
  encodings: string[];
}

/** Loads `url` in `page` (cache off) until `ready` is on the page; counts what came over the network. */
export async function measureLoad(page: Page, url: string, ready: string): Promise<LoadBytes> {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const byId = new Map<string, { url: string; encoding?: string; decoded: number; wire: number }>();
  cdp.on('Network.requestWillBeSent', (e) => byId.set(e.requestId, { url: e.request.url, decoded: 0, wire: 0 }));
  cdp.on('Network.responseReceived', (e) => {
    const r = byId.get(e.requestId);
    if (r) r.encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? 'identity';
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = byId.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = byId.get(e.requestId);
    if (r) r.wire = e.encodedDataLength;
  });
  await page.goto(url);
  await page.waitForSelector(ready);
  await new Promise((r) => setTimeout(r, 500)); // the last responses' loadingFinished events
  await cdp.detach();
  const all = [...byId.values()].filter((r) => r.wire > 0);
  const own = all.filter((r) => !new URL(r.url).pathname.startsWith('/api/'));
  return {
    requests: all.length,
    wire: all.reduce((s, r) => s + r.wire, 0),
    staticWire: own.reduce((s, r) => s + r.wire, 0),
    staticDecoded: own.reduce((s, r) => s + r.decoded, 0),
    encodings: [...new Set(own.map((r) => r.encoding ?? '?'))],
  };
}

/** The pages as they were built before issue 10: the Vite config of then, NODE_ENV=development. */
function buildBefore(outDir: string): void {
  const config = join(WEB, 'vite.before-issue-10.config.mjs');
  writeFileSync(config, `import react from '@vitejs/plugin-react';\nexport default { plugins: [react()], build: { outDir: ${JSON.stringify(outDir)}, emptyOutDir: true, chunkSizeWarningLimit: 1500 } };\n`);
  try {
    execFileSync(join(WEB, 'node_modules', '.bin', 'vite'), ['build', '--config', config, '--logLevel', 'error'], { cwd: WEB, env: { ...process.env, NODE_ENV: 'development' }, stdio: 'inherit' });
  } finally {
    rmSync(config, { force: true });
  }
}

async function seed(base: string): Promise<{ email: string; draftId: string }> {
  const api = jsonApi(base);
  const email = 'wang.xiaomei@example-bank.com.cn';
  const reg = await api('POST', '/api/auth/register', { email, password: PASSWORD, name: '王晓梅', organisationName: '示例银行股份有限公司' });
  const cycles = await api('GET', '/api/cycles', undefined, reg.accessToken);
  const cycle = cycles[0];
  const draft = await api('POST', '/api/applications', { cycleId: cycle.id, categoryId: cycle.categories[0].id, nomination: { type: 'self' } }, reg.accessToken);
  const partial = completeApplication({ orgChart: [], layoutPhotos: [] }) as Record<string, Record<string, unknown>>;
  await api('PUT', `/api/applications/${draft.id}/sections/basics`, { enterprise: partial.basics.enterprise, contact: partial.basics.contact }, reg.accessToken);
  return { email, draftId: draft.id };
}

async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.type('#login-email', email);
  await page.type('#login-password', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForFunction(() => location.pathname === '/');
}

async function measureVariant(browser: Browser, config: AppConfig, webRoot: string, acceptEncoding: string | undefined, data: { email: string; draftId: string }) {
  const app = await createApp(config, { logger: false, webRoot });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const headers = acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : undefined;
  const fresh = async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    if (headers) await page.setExtraHTTPHeaders(headers);
    return { context, page };
  };
  const a = await fresh();
  const signInPage = await measureLoad(a.page, `${base}/login`, '#login-email');
  await a.context.close();
  const b = await fresh();
  await signIn(b.page, base, data.email);
  const editor = await measureLoad(b.page, `${base}/applications/${data.draftId}`, '[id^="f-basics-"]');
  await b.context.close();
  await app.close();
  return { signInPage, editor };
}

async function main() {
  ensureWebBuild();
  const before = mkdtempSync(join(tmpdir(), 'topten-web-before-'));
  buildBefore(before);
  const databaseUrl = await freshDatabase('topten_pageload');
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, QUEUE_PREFIX: 'pageload', ADMIN_EMAIL: '', ADMIN_PASSWORD: '', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-00' });
  const { DataSource } = await import('typeorm');
  const db = new DataSource({ type: 'postgres', url: databaseUrl });
  await db.initialize();
  const [cycle] = await db.query(`INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ('2026 中国十佳呼叫中心评选', 'Asia/Shanghai', now() - interval '10 days', now() + interval '20 days') RETURNING id`);
  await db.query(`INSERT INTO categories (cycle_id, code, name_zh, name_en) VALUES ($1, 'omnichannel_excellence', '卓越全渠道客服', 'Omnichannel excellence')`, [cycle.id]);
  await db.destroy();
  const seeding = await createApp(config, { logger: false });
  await seeding.listen(0, '127.0.0.1');
  const data = await seed(`http://127.0.0.1:${(seeding.getHttpServer().address() as { port: number }).port}`);
  await seeding.close();

  const browser = await launchChromium(config.chromiumPath);
  const dist = join(WEB, 'dist');
  const variants: Array<[string, string, string | undefined]> = [
    ['before: development build, uncompressed', before, 'identity'],
    ['after: production build, gzip          ', dist, 'gzip, deflate'],
    ['after: production build, brotli        ', dist, undefined],
  ];
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  const line = (r: LoadBytes) =>
    `${r.requests} requests, on the wire ${kb(r.wire)} (pages' own files ${kb(r.staticWire)}, ${r.encodings.join('/')}, ${kb(r.staticDecoded)} decoded)`;
  console.log('first load, cold cache, Chromium network events (encodedDataLength: headers + body as received):');
  for (const [name, root, accept] of variants) {
    const r = await measureVariant(browser, config, root, accept, data);
    console.log(`  ${name}  sign-in: ${line(r.signInPage)}`);
    console.log(`  ${name}  editor:  ${line(r.editor)}`);
  }
  await browser.close();
  rmSync(before, { recursive: true, force: true });
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

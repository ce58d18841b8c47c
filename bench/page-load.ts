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
 * Then the editor's first load on a slow line (issue 12, item 13): Chromium network emulation at
 * 1.6 Mbit/s down, 0.8 Mbit/s up, 150 ms RTT, cold cache — the time until the first field of the
 * first section is visible, and the bytes on the wire — for the pages as they were before issue 12
 * (web/ of BENCH_BEFORE_REF, built into a temp dir, and GET /api/form sent as it was: uncompressed,
 * no ETag) and as they are now; plus a second load of the same page with the browser cache on.
 *
 *   npx ts-node --transpile-only bench/page-load.ts        (also part of npm run bench)
 *   BENCH_RUNS=5 (loads per row; the median is printed), BENCH_BEFORE_REF=<commit>
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser, Page } from 'puppeteer-core';
import { createApp } from '../src/bootstrap';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { launchChromium } from '../src/modules/dossiers/pdf-renderer';
import { completeApplication } from '../test/fixtures/complete-application';
import { ensureWebBuild } from '../test/support/web-build';
import { freshDatabase } from './bench-db';
import { jsonApi, signIn as signInAs } from '../scripts/page-driver';

const WEB = join(__dirname, '..', 'web');
/** main before issue 12's first-load work (the "before" of the slow-line rows). */
const BEFORE_ISSUE_12 = '22e93cd';
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

/** Loads `url` in `page` (cache off unless `cache`) until `ready` is on the page; counts what came over the network. */
export async function measureLoad(page: Page, url: string, ready: string, cache = false): Promise<LoadBytes & { visibleMs: number }> {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
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
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  // ms since the navigation started (the page's time origin) when `ready` is first laid out
  const visible = await page.waitForFunction(
    (sel: string) => {
      const el = document.querySelector(sel);
      return el && el.getBoundingClientRect().height > 0 ? performance.now() : false;
    },
    { polling: 'raf', timeout: 120_000 },
    ready,
  );
  const visibleMs = (await visible.jsonValue()) as number;
  await new Promise((r) => setTimeout(r, 1000)); // the last responses' loadingFinished events
  await cdp.detach();
  const all = [...byId.values()].filter((r) => r.wire > 0);
  if (process.env.BENCH_VERBOSE)
    console.log(all.map((r) => `    ${(r.wire / 1024).toFixed(1).padStart(7)} KB ${r.encoding} ${r.url}`).join('\n'));
  const own = all.filter((r) => !new URL(r.url).pathname.startsWith('/api/'));
  return {
    requests: all.length,
    wire: all.reduce((s, r) => s + r.wire, 0),
    staticWire: own.reduce((s, r) => s + r.wire, 0),
    staticDecoded: own.reduce((s, r) => s + r.decoded, 0),
    encodings: [...new Set(own.map((r) => r.encoding ?? '?'))],
    visibleMs,
  };
}

/** The pages as they were built before issue 10: the Vite config of then, NODE_ENV=development. */
function buildBefore(outDir: string): void {
  const config = join(WEB, 'vite.before-issue-10.config.mjs');
  writeFileSync(
    config,
    `import react from '@vitejs/plugin-react';\nexport default { plugins: [react()], build: { outDir: ${JSON.stringify(outDir)}, emptyOutDir: true, chunkSizeWarningLimit: 1500 } };\n`,
  );
  try {
    execFileSync(join(WEB, 'node_modules', '.bin', 'vite'), ['build', '--config', config, '--logLevel', 'error'], {
      cwd: WEB,
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: 'inherit',
    });
  } finally {
    rmSync(config, { force: true });
  }
}

/**
 * The pages as they were at `ref` (before issue 12's first-load work): web/ of that commit,
 * (and src/, whose shared declarations the pages import) extracted into a temp dir beside this
 * checkout's node_modules, built with its own Vite config.
 */
function buildAtRef(ref: string, dir: string): string {
  execFileSync('bash', ['-c', `git -C ${JSON.stringify(join(WEB, '..'))} archive ${ref} web src | tar -x -C ${JSON.stringify(dir)}`], {
    stdio: 'inherit',
  });
  const web = join(dir, 'web');
  symlinkSync(join(WEB, 'node_modules'), join(web, 'node_modules'));
  symlinkSync(join(WEB, '..', 'node_modules'), join(dir, 'node_modules')); // the pages import the server's shared declarations (src/)
  execFileSync(join(WEB, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], {
    cwd: web,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  return join(web, 'dist');
}

/** GET /api/form as the server sent it before issue 12: uncompressed, no ETag (hides Accept-Encoding and If-None-Match from it). */
function formAsBefore(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (req) => {
      if (req.url.split('?')[0] !== '/api/form') return;
      delete req.headers['accept-encoding'];
      delete req.headers['if-none-match'];
    });
}

async function seed(base: string): Promise<{ email: string; draftId: string }> {
  const api = jsonApi(base);
  const email = 'wang.xiaomei@example-bank.com.cn';
  const reg = await api('POST', '/api/auth/register', {
    email,
    password: PASSWORD,
    name: '王晓梅',
    organisationName: '示例银行股份有限公司',
  });
  const cycles = await api('GET', '/api/cycles', undefined, reg.accessToken);
  const cycle = cycles[0];
  const draft = await api(
    'POST',
    '/api/applications',
    { cycleId: cycle.id, categoryId: cycle.categories[0].id, nomination: { type: 'self' } },
    reg.accessToken,
  );
  const partial = completeApplication({ orgChart: [], layoutPhotos: [] }) as Record<string, Record<string, unknown>>;
  await api(
    'PUT',
    `/api/applications/${draft.id}/sections/basics`,
    { enterprise: partial.basics.enterprise, contact: partial.basics.contact },
    reg.accessToken,
  );
  return { email, draftId: draft.id };
}

async function measureVariant(
  browser: Browser,
  config: AppConfig,
  webRoot: string,
  acceptEncoding: string | undefined,
  data: { email: string; draftId: string },
) {
  const app = await createApp(config, { logger: false, webRoot });
  if (webRoot !== join(WEB, 'dist')) formAsBefore(app);
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
  await signInAs(b.page, base, data.email, PASSWORD);
  const editor = await measureLoad(b.page, `${base}/applications/${data.draftId}`, '[id^="f-basics-"]');
  await b.context.close();
  await app.close();
  return { signInPage, editor };
}

const SLOW_LINE = { download: 200_000, upload: 100_000, latency: 150 }; // bytes/s: 1.6 Mbit/s down, 0.8 up; 150 ms RTT
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The editor on the slow line: `runs` cold loads (each in a fresh browser context), then one warm reload per run. */
async function measureSlowEditor(
  browser: Browser,
  config: AppConfig,
  webRoot: string,
  before: boolean,
  data: { email: string; draftId: string },
  runs: number,
) {
  const app = await createApp(config, { logger: false, webRoot });
  if (before) formAsBefore(app);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const cold: Array<LoadBytes & { visibleMs: number }> = [];
  const warm: Array<LoadBytes & { visibleMs: number }> = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await signInAs(page, base, data.email, PASSWORD); // fast line: the sign-in is not measured
    // a page of another origin-less kind first, so the editor's load is a navigation with an empty cache
    await page.goto('about:blank');
    await page.emulateNetworkConditions(SLOW_LINE);
    cold.push(await measureLoad(page, `${base}/applications/${data.draftId}`, '[id^="f-basics-"]'));
    await page.goto('about:blank');
    warm.push(await measureLoad(page, `${base}/applications/${data.draftId}`, '[id^="f-basics-"]', true));
    await context.close();
  }
  await app.close();
  return { cold, warm };
}

async function main() {
  ensureWebBuild();
  const before = mkdtempSync(join(tmpdir(), 'topten-web-before-'));
  buildBefore(before);
  const databaseUrl = await freshDatabase('topten_pageload');
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: 'pageload',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    SMTP_URL: 'smtp://127.0.0.1:2525' /* production needs one; the bench sends no mail */,
  });
  const { DataSource } = await import('typeorm');
  const db = new DataSource({ type: 'postgres', url: databaseUrl });
  await db.initialize();
  const [cycle] = await db.query(
    `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ('2026 中国十佳呼叫中心评选', 'Asia/Shanghai', now() - interval '10 days', now() + interval '20 days') RETURNING id`,
  );
  await db.query(
    `INSERT INTO categories (cycle_id, code, name_zh, name_en) VALUES ($1, 'omnichannel_excellence', '卓越全渠道客服', 'Omnichannel excellence')`,
    [cycle.id],
  );
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

  // issue 12: the editor on a slow line, before and after
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const ref = process.env.BENCH_BEFORE_REF ?? BEFORE_ISSUE_12;
  const beforeDir = mkdtempSync(join(tmpdir(), 'topten-web-ref-'));
  const beforeDist = buildAtRef(ref, beforeDir);
  console.log(
    `\neditor first load at 1.6 Mbit/s down, 0.8 up, 150 ms RTT (Chromium network emulation); median of ${runs}; "first field" = ms from navigation start until the first input of 基本信息 is laid out:`,
  );
  for (const [name, root, isBefore] of [
    [`before (web/ at ${ref.slice(0, 7)}, /api/form uncompressed)`, beforeDist, true],
    ['after                                   ', dist, false],
  ] as const) {
    const { cold, warm } = await measureSlowEditor(browser, config, root, isBefore, data, runs);
    const m = (rows: typeof cold) => {
      const mid = rows.find((r) => r.visibleMs === median(rows.map((x) => x.visibleMs)))!;
      return `first field ${String(Math.round(mid.visibleMs)).padStart(5)} ms (runs: ${rows.map((r) => Math.round(r.visibleMs)).join(', ')}), ${line(mid)}`;
    };
    console.log(`  ${name} cold: ${m(cold)}`);
    console.log(`  ${name} warm: ${m(warm)}`);
  }
  await browser.close();
  rmSync(before, { recursive: true, force: true });
  rmSync(beforeDir, { recursive: true, force: true });
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

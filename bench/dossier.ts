/**
 * Dossier rendering throughput and latency at 1, 2 and 4 renders at once, in one run:
 *  - raw floor: Chromium's own printToPDF of the same final HTML on pages that are already open
 *    (setContent + Page.printToPDF, nothing else);
 *  - platform: the worker's whole job (DossierBuilder.build: snapshot and images from PostgreSQL
 *    and S3, view, Handlebars, Chromium page pool, pdf-lib TOC/footers, SHA-256, S3 put, row update);
 *  - browser per PDF: launch Chromium, print, close, for every dossier.
 * `npm run bench` runs it after the autosave benchmark; BENCH_DOSSIERS (per level) sets the count.
 */
import 'reflect-metadata';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { freshDatabase, SERVER_URL } from './bench-db';
import { loadConfig } from '../src/config/app-config';
import { ALL_SECTIONS } from '../src/form/sections';
import { SectionRegistry } from '../src/form/section-registry';
import { databaseOptions } from '../src/database-options';
import { StorageService } from '../src/infra/storage/storage.service';
import { Sql } from '../src/infra/database/sql';
import { canonicalJson } from '../src/modules/workflow/canonical-json';
import { DossierBuilder } from '../src/modules/dossiers/dossier-builder';
import { launchChromium, PRINT_OPTIONS } from '../src/modules/dossiers/pdf-renderer';
import { completeApplication } from '../test/fixtures/complete-application';
import { pngFile } from '../test/support/sample-files';
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'puppeteer-core';

const PER_LEVEL = Number(process.env.BENCH_DOSSIERS ?? 24);
const LEVELS = [1, 2, 4];
const DB = `${SERVER_URL}/topten_bench_dossier`;

/** One sealed entry: the test fixture with an org chart and a layout photo in S3. */
async function seed(storage: StorageService): Promise<string> {
  await freshDatabase('topten_bench_dossier');
  const c = new PgClient({ connectionString: DB });
  await c.connect();
  const one = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows[0];
  const cycle = await one(
    `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ('2026 年度中国十佳呼叫中心评选', 'Asia/Shanghai', now() - interval '1 day', now() + interval '30 days') RETURNING id`,
  );
  const cat = await one(
    `INSERT INTO categories (cycle_id, code, name_zh, name_en) VALUES ($1, 'omni', '卓越全渠道客服', 'Omnichannel excellence') RETURNING id`,
    [cycle.id],
  );
  const user = await one(
    `INSERT INTO users (email, name, password_hash, role) VALUES ('bench@example.com', 'bench', 'x', 'applicant') RETURNING id`,
  );
  const org = await one(`INSERT INTO organisations (name) VALUES ('示例银行股份有限公司') RETURNING id`);
  const app = await one(
    `INSERT INTO applications (organisation_id, cycle_id, category_id, entry_code, state, nomination, created_by) VALUES ($1, $2, $3, 'TT-BENCH1', 'sealed', '{"type":"self"}', $4) RETURNING id`,
    [org.id, cycle.id, cat.id, user.id],
  );
  const files = [
    { kind: 'org_chart', bytes: pngFile(600, 400), name: '组织架构图.png' },
    { kind: 'layout_photo', bytes: pngFile(800, 450), name: '布局.png' },
  ];
  const ids: string[] = [];
  for (const f of files) {
    const sha = createHash('sha256').update(f.bytes).digest('hex');
    const row = await one(
      `INSERT INTO attachments (application_id, kind, storage_key, size, sha256, content_type, original_name, uploaded_by) VALUES ($1, $2, $3, $4, $5, 'image/png', $6, $7) RETURNING id`,
      [app.id, f.kind, `bench/${sha}`, f.bytes.length, sha, f.name, user.id],
    );
    await storage.putBuffer(`bench/${sha}`, f.bytes, 'image/png');
    ids.push(row.id);
  }
  const sections = completeApplication({ orgChart: [ids[0]], layoutPhotos: [ids[1]] }) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  const ctx = { section: (k: string) => sections[k] ?? {} };
  const document = {
    format: 1,
    application: {
      id: app.id,
      entryCode: 'TT-BENCH1',
      cycle: { id: cycle.id, name: '2026 年度中国十佳呼叫中心评选' },
      category: { id: cat.id, code: 'omni' },
      organisation: { id: org.id, name: '示例银行股份有限公司' },
      nomination: { type: 'self' },
    },
    sections,
    computed: Object.fromEntries(ALL_SECTIONS.filter((d) => d.compute).map((d) => [d.key, d.compute!(sections[d.key] ?? {}, ctx)])),
    attachments: files.map((f, i) => ({ id: ids[i], kind: f.kind, sha256: createHash('sha256').update(f.bytes).digest('hex') })),
  };
  const canonical = canonicalJson(document);
  const snap = await one('INSERT INTO snapshots (application_id, canonical, sha256, created_by) VALUES ($1, $2, $3, $4) RETURNING id', [
    app.id,
    canonical,
    createHash('sha256').update(canonical).digest('hex'),
    user.id,
  ]);
  await c.query('UPDATE applications SET snapshot_id = $2 WHERE id = $1', [app.id, snap.id]);
  await c.end();
  return snap.id;
}

interface Figures {
  perMinute: number;
  p50: number;
  p95: number;
}

/** `total` tasks through `concurrency` lanes; latency per task, throughput over the whole run. */
async function measure(concurrency: number, total: number, task: (i: number) => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { perMinute: (total / seconds) * 60, p50: pct(50), p95: pct(95) };
}

const fmt = (f: Figures) =>
  `${f.perMinute.toFixed(1).padStart(6)} /min, p50 ${f.p50.toFixed(0).padStart(5)} ms, p95 ${f.p95.toFixed(0).padStart(5)} ms`;

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, DATABASE_URL: DB });
  const storage = new StorageService(config);
  const snapshotId = await seed(storage);
  const db = new DataSource(databaseOptions(DB, config.databasePoolSize) as ConstructorParameters<typeof DataSource>[0]);
  await db.initialize();
  const registry = SectionRegistry.of(ALL_SECTIONS);
  const builderWith = (pages: number) =>
    new DossierBuilder(new Sql(db), storage, registry, { ...config, dossiers: { ...config.dossiers, concurrency: pages } });

  // the final HTML the platform prints, and the size of what comes out
  const probe = builderWith(1);
  const row = await probe.ensureRow(snapshotId, 'staff', 'bench-probe');
  const { html } = await probe.prepare(row);
  const sample = await probe.build(row.id);
  await probe.onModuleDestroy();
  console.log(
    `dossier: ${sample.pages} pages, ${(sample.size / 1024).toFixed(0)} KB, HTML ${(html.length / 1024).toFixed(0)} KB; ${PER_LEVEL} dossiers per level, Chromium ${config.chromiumPath}`,
  );

  const results: string[] = [];
  for (const level of LEVELS) {
    // raw floor: already-open pages in one browser, print only
    const browser: Browser = await launchChromium(config.chromiumPath);
    const pages: Page[] = await Promise.all(Array.from({ length: level }, () => browser.newPage()));
    for (const p of pages) await p.setJavaScriptEnabled(false);
    const free = [...pages];
    const rawTask = async () => {
      const page = free.pop()!;
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf(PRINT_OPTIONS);
      free.push(page);
    };
    await measure(level, level * 2, rawTask); // warm-up
    const raw = await measure(level, PER_LEVEL, rawTask);
    await browser.close();

    // platform: the worker's job, end to end
    const builder = builderWith(level);
    const job = async (i: number) => void (await builder.build((await builder.ensureRow(snapshotId, 'staff', `bench-${level}-${i}`)).id));
    // the worker runs two jobs per page (DossiersProcessor): one prints while the other prepares or stores
    await measure(2 * level, level * 2, (i) => job(10_000 + i)); // warm-up (browser start, JIT)
    const platform = await measure(2 * level, PER_LEVEL, job);
    await builder.onModuleDestroy();

    // a browser per PDF
    const perPdf = await measure(level, Math.max(level * 2, Math.floor(PER_LEVEL / 2)), async () => {
      const b = await launchChromium(config.chromiumPath);
      const p = await b.newPage();
      await p.setJavaScriptEnabled(false);
      await p.setContent(html, { waitUntil: 'load' });
      await p.pdf(PRINT_OPTIONS);
      await b.close();
    });

    results.push(
      `concurrency ${level}:`,
      `  raw floor (printToPDF, open pages):  ${fmt(raw)}`,
      `  platform (worker job, end to end):   ${fmt(platform)}   ratio to raw floor ${(platform.perMinute / raw.perMinute).toFixed(2)} (goal >= 0.8)`,
      `  browser per PDF:                     ${fmt(perPdf)}   ratio to raw floor ${(perPdf.perMinute / raw.perMinute).toFixed(2)}`,
    );
    console.log(results.slice(-4).join('\n'));
  }
  await db.destroy();
  storage.onModuleDestroy();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

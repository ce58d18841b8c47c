/**
 * The staff entries table with 2,000 entries (issue 13): `GET /api/cycles/:id/entries`, first page
 * (50) with a filter and a sort, against one hand-written SQL query of the same page, in the same
 * run. Seeds a fresh database: 2,000 organisations, each with an entry in one cycle (the test
 * fixture's complete data, two files), in varied states, categories, industries, member units and
 * receipt checks; a quarter of the drafts half filled.
 *
 * Phases (sequential requests, one client, after one warm-up each):
 *   - route, filter + sort:         state=draft, sort=completeness asc
 *   - route, search + sort:         q=基准 (company), sort=company
 *   - route, after a write:         each request preceded by an autosave-like section write on one
 *                                   entry (the list recomputes that entry's summary first)
 *   - SQL:                          the same first page (filter + sort) as one statement on pg
 *
 *   npx ts-node --transpile-only bench/entries-list.ts     (also part of npm run bench)
 *   BENCH_ENTRIES=2000 BENCH_LIST_REQUESTS=50 …
 */
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client as PgClient } from 'pg';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { SectionRegistry } from '../src/form/section-registry';
import { completeApplication } from '../test/fixtures/complete-application';
import { freshDatabase } from './bench-db';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 2000);
const REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 50);
const INDUSTRIES = ['telecom', 'finance', 'it_internet', 'consumer_goods', 'government_utilities', 'healthcare', 'ecommerce_retail'];

async function seed(c: PgClient): Promise<{ token: string; cycleId: string }> {
  const {
    rows: [staff],
  } = await c.query(
    `INSERT INTO users (email, name, password_hash, role) VALUES ('staff@bench.example.com', 'bench staff', 'x', 'staff') RETURNING id`,
  );
  const token = randomBytes(32).toString('base64url');
  await c.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [
    staff.id,
    createHash('sha256').update(token).digest('hex'),
  ]);
  const {
    rows: [cycle],
  } = await c.query(
    `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ('bench', 'Asia/Shanghai', now() - interval '20 days', now() + interval '30 days') RETURNING id`,
  );
  await c.query(
    `INSERT INTO categories (cycle_id, code, name_zh, name_en) VALUES ($1, 'omnichannel_excellence', '卓越全渠道客服', 'Omnichannel excellence'),
            ($1, 'digital_service', '数字化服务', 'Digital service')`,
    [cycle.id],
  );
  await c.query(
    `INSERT INTO organisations (name, uscc, member_unit) SELECT '基准单位 ' || g, NULL, g % 5 = 0 FROM generate_series(1, $1) g`,
    [ENTRIES],
  );
  // states: 40 % draft, 10 % sealed, 30 % submitted, 15 % accepted, 5 % rejected
  await c.query(
    `INSERT INTO applications (organisation_id, cycle_id, category_id, entry_code, state, nomination, created_by, updated_at, state_changed_at)
     SELECT o.id, $1, (SELECT id FROM categories WHERE cycle_id = $1 ORDER BY code OFFSET (n % 2) LIMIT 1),
            'TT-' || lpad(n::text, 6, '0'),
            CASE WHEN n % 20 < 8 THEN 'draft' WHEN n % 20 < 10 THEN 'sealed' WHEN n % 20 < 16 THEN 'submitted' WHEN n % 20 < 19 THEN 'accepted' ELSE 'rejected' END,
            '{"type":"self"}', $2, now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval
       FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM organisations) o`,
    [cycle.id, staff.id],
  );
  for (const kind of ['org_chart', 'layout_photo']) {
    await c.query(
      `INSERT INTO attachments (application_id, kind, storage_key, size, sha256, content_type, original_name, uploaded_by)
       SELECT id, $1, 'bench/' || id || '/' || $1, 4, md5(id::text) || md5($1 || id::text), 'image/png', 'x.png', $2 FROM applications`,
      [kind, staff.id],
    );
  }
  // receipts on the entries past sealing: matched, different, unreadable, pending
  await c.query(
    `INSERT INTO attachments (application_id, kind, storage_key, size, sha256, content_type, original_name, uploaded_by, receipt_check)
     SELECT id, 'stamped_receipt', 'bench/' || id || '/receipt', 4, md5(id::text || 'r') || md5('r'), 'image/png', 'r.png', $1,
            (ARRAY['matched', 'matched', 'different', 'unreadable', 'pending'])[1 + (hashtext(id::text) & 4095) % 5]
       FROM applications WHERE state <> 'draft'`,
    [staff.id],
  );
  const data = completeApplication({ orgChart: [], layoutPhotos: [] }) as Record<string, Record<string, unknown>>;
  for (const [key, section] of Object.entries(data)) {
    await c.query(`INSERT INTO application_sections (application_id, section_key, data) SELECT id, $1, $2 FROM applications`, [
      key,
      JSON.stringify(section),
    ]);
  }
  await c.query(`UPDATE application_sections s SET data = jsonb_set(jsonb_set(s.data, '{orgChart}', jsonb_build_array(f.id)),
                    '{enterprise,name}', to_jsonb(o.name || ' 股份有限公司'))
                   FROM attachments f, applications a, organisations o
                  WHERE f.application_id = s.application_id AND f.kind = 'org_chart' AND s.section_key = 'basics'
                    AND a.id = s.application_id AND o.id = a.organisation_id`);
  await c.query(
    `UPDATE application_sections s SET data = jsonb_set(s.data, '{center,industry}', to_jsonb(($1::text[])[1 + (hashtext(s.application_id::text) & 4095) % $2]))
      WHERE s.section_key = 'basics'`,
    [INDUSTRIES, INDUSTRIES.length],
  );
  await c.query(`UPDATE application_sections s SET data = jsonb_set(s.data, '{layoutPhotos}', jsonb_build_array(f.id)) FROM attachments f
                  WHERE f.application_id = s.application_id AND f.kind = 'layout_photo' AND s.section_key = 'environment'`);
  // a quarter of the drafts half done: their later sections emptied
  await c.query(`UPDATE application_sections s SET data = '{}' FROM applications a
                  WHERE a.id = s.application_id AND a.state = 'draft' AND hashtext(a.id::text) % 4 = 0
                    AND s.section_key IN ('kpis', 'technology', 'environment', 'highlights', 'receipt')`);
  await c.query('ANALYZE');
  return { token, cycleId: cycle.id };
}

/** The same first page, hand-written: filter state = draft, completeness ascending, 50 rows with the total. */
const HAND_SQL = `
  SELECT a.id, a.entry_code, a.state, a.state_changed_at, a.updated_at, a.deadline_extension, c.submission_deadline, c.time_zone,
         o.id AS org_id, o.name AS org_name, o.uscc, o.member_unit, k.id AS category_id, k.code, k.name_zh, k.name_en,
         e.company, e.industry, e.percent, e.complete, e.content_updated_at, s.sha256,
         (SELECT t.receipt_check FROM attachments t WHERE t.application_id = a.id AND t.kind = 'stamped_receipt' AND t.deleted_at IS NULL
           ORDER BY t.created_at DESC LIMIT 1) AS receipt_check,
         count(*) OVER () AS total
    FROM applications a JOIN cycles c ON c.id = a.cycle_id JOIN organisations o ON o.id = a.organisation_id
    JOIN categories k ON k.id = a.category_id JOIN entry_summaries e ON e.application_id = a.id
    LEFT JOIN snapshots s ON s.id = a.snapshot_id
   WHERE a.cycle_id = $1 AND a.state = 'draft'
   ORDER BY e.percent ASC, a.entry_code ASC LIMIT 50`;

function get(port: number, path: string, token: string): Promise<{ status: number; body: string; ms: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
      })
      .on('error', reject);
  });
}

const pct = (ms: number[], p: number) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];

async function timed(n: number, fn: () => Promise<number>, before?: (i: number) => Promise<void>): Promise<number[]> {
  const ms: number[] = [];
  await fn(); // warm-up
  for (let i = 0; i < n; i++) {
    await before?.(i);
    ms.push(await fn());
  }
  return ms;
}

async function main() {
  const url = await freshDatabase('topten_bench_entries');
  const pg = new PgClient({ connectionString: url });
  await pg.connect();
  const { token, cycleId } = await seed(pg);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    SMTP_URL: 'smtp://127.0.0.1:2525',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    QUEUE_PREFIX: 'bench-entries',
  });
  const app = await createApp(config, { logger: false });
  await pg.query(
    `INSERT INTO application_sections (application_id, section_key, data) SELECT a.id, k, '{}' FROM applications a, unnest($1::text[]) k ON CONFLICT DO NOTHING`,
    [app.get(SectionRegistry).keys()],
  );
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;

  const filtered = `/api/cycles/${cycleId}/entries?state=draft&sort=completeness&order=asc&page=1&pageSize=50`;
  const coldStarted = process.hrtime.bigint();
  const first = await get(port, filtered, token); // computes every entry's summary once
  const coldMs = Number(process.hrtime.bigint() - coldStarted) / 1e6;
  if (first.status !== 200) throw new Error(`${first.status} ${first.body.slice(0, 300)}`);
  const page = JSON.parse(first.body) as { total: number; items: Array<{ entryCode: string; completeness: number }> };
  const hand = await pg.query(HAND_SQL, [cycleId]);
  if (hand.rows.map((r) => r.entry_code).join() !== page.items.map((i) => i.entryCode).join())
    throw new Error('the route and the hand-written SQL disagree about the first page');

  const route = await timed(REQUESTS, async () => (await get(port, filtered, token)).ms);
  const searched = await timed(
    REQUESTS,
    async () => (await get(port, `/api/cycles/${cycleId}/entries?q=${encodeURIComponent('基准单位 1')}&sort=company&order=asc`, token)).ms,
  );
  const drafts = (await pg.query(`SELECT id FROM applications WHERE state = 'draft' ORDER BY entry_code LIMIT $1`, [REQUESTS + 1])).rows;
  const afterWrite = await timed(
    REQUESTS,
    async () => (await get(port, filtered, token)).ms,
    async (i) => {
      await pg.query(
        `UPDATE application_sections SET data = jsonb_set(data, '{culture,mission}', to_jsonb($2::text)), version = version + 1, updated_at = now()
          WHERE application_id = $1 AND section_key = 'strategy'`,
        [drafts[i % drafts.length].id, `使命 ${i}`],
      );
    },
  );
  const sql = await timed(REQUESTS, async () => {
    const t = process.hrtime.bigint();
    await pg.query(HAND_SQL, [cycleId]);
    return Number(process.hrtime.bigint() - t) / 1e6;
  });

  const line = (name: string, ms: number[]) =>
    `  ${name.padEnd(44)} p50 ${pct(ms, 50).toFixed(1).padStart(6)} ms, p95 ${pct(ms, 95).toFixed(1).padStart(6)} ms`;
  console.log(
    `GET /api/cycles/:id/entries, ${ENTRIES} entries (${page.total} drafts), first page of 50, ${REQUESTS} sequential requests each:`,
  );
  console.log(`  first request (every summary computed):     ${coldMs.toFixed(0)} ms`);
  console.log(line('route, state=draft, sort=completeness', route));
  console.log(line('route, q=<company>, sort=company', searched));
  console.log(line('route, one entry written before each', afterWrite));
  console.log(line('hand-written SQL of the same page (pg)', sql));
  console.log(`  ratio route/SQL at p95: ${(pct(route, 95) / pct(sql, 95)).toFixed(1)} (goal: route p95 < 100 ms)`);
  await app.close();
  await pg.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

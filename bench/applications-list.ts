/**
 * `GET /api/applications` with 1,000 entries (issue 10, item 14): one applicant who belongs to
 * 1,000 organisations, each with a complete entry (the test fixture's data and two files), and a
 * staff account that sees them all. Sequential requests (one client), latency p50 / p95.
 *
 * "before" is the old code path, kept here: the ids, then the per-entry summary (one query) and,
 * for applicants, completeness (sections and files: two more queries) — 3,001 queries per list,
 * all in flight at once on the pool. "after" is the service as it is now: staff one query;
 * applicants three, plus one for the data of entries whose completeness is not remembered at
 * their current versions ("cold": nothing remembered, every entry checked again — the first
 * list after a start; "warm": the next ones). All are served by the same app in this process on
 * a bench route without authentication, so the difference is the list itself; the real route
 * with its bearer token is measured too.
 *
 *   npx ts-node --transpile-only bench/applications-list.ts     (also part of npm run bench)
 *   BENCH_LIST_REQUESTS=40 …
 */
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { isStaff, type Actor } from '../src/common/auth/actor';
import { loadConfig } from '../src/config/app-config';
import { SectionRegistry } from '../src/form/section-registry';
import { ApplicationsService } from '../src/modules/applications/applications.service';
import { completeApplication } from '../test/fixtures/complete-application';
import { freshDatabase } from './bench-db';

const ENTRIES = Number(process.env.BENCH_LIST_ENTRIES ?? 1000);
const REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 20);

interface Seeded {
  applicant: Actor & { token: string };
  staff: Actor & { token: string };
}

async function seed(url: string): Promise<Seeded> {
  const c = new PgClient({ connectionString: url });
  await c.connect();
  const user = async (role: string) => {
    const {
      rows: [u],
    } = await c.query(`INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, 'x', $3) RETURNING id, email, name`, [
      `${role}@bench.example.com`,
      `bench ${role}`,
      role,
    ]);
    const token = randomBytes(32).toString('base64url');
    const {
      rows: [s],
    } = await c.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day') RETURNING id`, [
      u.id,
      createHash('sha256').update(token).digest('hex'),
    ]);
    return {
      userId: u.id as string,
      sessionId: s.id as string,
      email: u.email as string,
      name: u.name as string,
      role: role as Actor['role'],
      token,
    };
  };
  const applicant = await user('applicant');
  const staff = await user('staff');
  const {
    rows: [cycle],
  } = await c.query(
    `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ('bench', 'Asia/Shanghai', now() - interval '1 day', now() + interval '30 days') RETURNING id`,
  );
  const {
    rows: [cat],
  } = await c.query(
    `INSERT INTO categories (cycle_id, code, name_zh, name_en) VALUES ($1, 'omnichannel_excellence', '卓越全渠道客服', 'Omnichannel excellence') RETURNING id`,
    [cycle.id],
  );
  await c.query(`INSERT INTO organisations (name) SELECT '基准单位 ' || g FROM generate_series(1, $1) g`, [ENTRIES]);
  await c.query(`INSERT INTO memberships (organisation_id, user_id, role) SELECT id, $1, 'owner' FROM organisations`, [applicant.userId]);
  await c.query(
    `INSERT INTO applications (organisation_id, cycle_id, category_id, entry_code, state, nomination, created_by)
     SELECT id, $1, $2, 'TT-' || lpad(row_number() OVER ()::text, 6, '0'), 'draft', '{"type":"self"}', $3 FROM organisations`,
    [cycle.id, cat.id, applicant.userId],
  );
  for (const kind of ['org_chart', 'layout_photo']) {
    await c.query(
      `INSERT INTO attachments (application_id, kind, storage_key, size, sha256, content_type, original_name, uploaded_by)
       SELECT id, $1, 'bench/' || id || '/' || $1, 4, md5(id::text) || md5($1 || id::text), 'image/png', 'x.png', $2 FROM applications`,
      [kind, applicant.userId],
    );
  }
  const data = completeApplication({ orgChart: [], layoutPhotos: [] }) as Record<string, Record<string, unknown>>;
  for (const [key, section] of Object.entries(data)) {
    await c.query(`INSERT INTO application_sections (application_id, section_key, data) SELECT id, $1, $2 FROM applications`, [
      key,
      JSON.stringify(section),
    ]);
  }
  // each entry's own files in its file fields
  await c.query(`UPDATE application_sections s SET data = jsonb_set(s.data, '{orgChart}', jsonb_build_array(f.id)) FROM attachments f
                  WHERE f.application_id = s.application_id AND f.kind = 'org_chart' AND s.section_key = 'basics'`);
  await c.query(`UPDATE application_sections s SET data = jsonb_set(s.data, '{layoutPhotos}', jsonb_build_array(f.id)) FROM attachments f
                  WHERE f.application_id = s.application_id AND f.kind = 'layout_photo' AND s.section_key = 'environment'`);
  await c.query('ANALYZE');
  await c.end();
  return { applicant, staff };
}

/** The list as it was before issue 10 (one summary, and for applicants one completeness, per entry). */
async function oldList(service: ApplicationsService, db: DataSource, actor: Actor) {
  const staff = isStaff(actor);
  const params: unknown[] = [];
  const where: string[] = [];
  if (!staff) {
    params.push(actor.userId);
    where.push(`a.organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = $1)`);
  }
  const rows: Array<{ id: string }> = await db.query(
    `SELECT a.id FROM applications a JOIN organisations o ON o.id = a.organisation_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.member_unit DESC, a.created_at DESC LIMIT 1000`,
    params,
  );
  const summary = (service as unknown as { summary(id: string, withCompleteness: boolean): Promise<unknown> }).summary.bind(service);
  return Promise.all(rows.map((r) => summary(r.id, !staff)));
}

function get(port: number, path: string, token?: string): Promise<{ status: number; body: string; ms: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
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

async function measure(port: number, path: string, token?: string) {
  const first = await get(port, path, token); // warm-up (plans, caches)
  if (first.status !== 200) throw new Error(`${path}: ${first.status} ${first.body.slice(0, 300)}`);
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS; i++) ms.push((await get(port, path, token)).ms);
  ms.sort((a, b) => a - b);
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
  return { p50: pct(50), p95: pct(95), entries: JSON.parse(first.body).length as number, bytes: first.body.length };
}

async function main() {
  const url = await freshDatabase('topten_bench_list');
  const { applicant, staff } = await seed(url);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    SMTP_URL: 'smtp://127.0.0.1:2525', // production requires a transport; the bench sends no mail
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    QUEUE_PREFIX: 'bench-list',
  });
  const app = await createApp(config, { logger: false });
  const service = app.get(ApplicationsService);
  const db = app.get(DataSource);
  // a section row for every key of the form, as POST /api/applications creates them
  await db.query(
    `INSERT INTO application_sections (application_id, section_key, data) SELECT a.id, k, '{}' FROM applications a, unnest($1::text[]) k ON CONFLICT DO NOTHING`,
    [app.get(SectionRegistry).keys()],
  );
  const actors: Record<string, Actor> = { applicant, staff };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/bench/:impl/:who', async (req) => {
    const { impl, who } = req.params as { impl: string; who: string };
    if (impl === 'old') return oldList(service, db, actors[who]);
    if (impl === 'cold') (service as unknown as { completenessMemo: { clear(): void } }).completenessMemo.clear();
    return service.list(actors[who], {});
  });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;

  // the same answer both ways, and from the real route
  for (const who of ['applicant', 'staff']) {
    const [o, n, real] = await Promise.all([
      get(port, `/bench/old/${who}`),
      get(port, `/bench/new/${who}`),
      get(port, '/api/applications', actors[who] === applicant ? applicant.token : staff.token),
    ]);
    // the new list answers everything the old one did, the same (it may answer more: staff now see completeness too)
    const [a, b] = [JSON.parse(o.body) as Array<Record<string, unknown>>, JSON.parse(n.body) as Array<Record<string, unknown>>];
    const differences = a.flatMap((x, k) => diffKeys(x, pick(b[k], Object.keys(x))).map((d) => `#${k} ${d}`));
    if (a.length !== b.length || differences.length || n.body !== real.body)
      throw new Error(
        `${who}: the old and new lists differ (${a.length} vs ${b.length} entries; the route ${n.body === real.body ? 'answers as the new' : 'differs from the new'}): ${differences.slice(0, 5).join('; ')}`,
      );
  }

  const fmt = (r: Awaited<ReturnType<typeof measure>>) =>
    `p50 ${r.p50.toFixed(0).padStart(5)} ms, p95 ${r.p95.toFixed(0).padStart(5)} ms (${r.entries} entries, ${(r.bytes / 1024).toFixed(0)} KB)`;
  console.log(`GET /api/applications, ${ENTRIES} entries, ${REQUESTS} sequential requests each (after one warm-up):`);
  for (const who of ['applicant', 'staff'] as const) {
    const before = await measure(port, `/bench/old/${who}`);
    const cold = who === 'applicant' ? await measure(port, `/bench/cold/${who}`) : undefined;
    const after = await measure(port, `/bench/new/${who}`);
    const route = await measure(port, '/api/applications', who === 'applicant' ? applicant.token : staff.token);
    console.log(`  ${who.padEnd(9)} before (per-entry queries):   ${fmt(before)}`);
    if (cold) console.log(`  ${who.padEnd(9)} after, cold (4 queries):      ${fmt(cold)}`);
    console.log(`  ${who.padEnd(9)} after${who === 'applicant' ? ', warm (3 queries)' : ' (1 query)       '}:      ${fmt(after)}`);
    console.log(`  ${who.padEnd(9)} after, the real route:        ${fmt(route)}`);
  }
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/** The members that differ between two answers, as `path: old → new`. */
function diffKeys(a: unknown, b: unknown, path = ''): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object')
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) =>
      diffKeys((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
  return [`${path}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`];
}

const pick = (o: Record<string, unknown> | undefined, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o?.[k]]));

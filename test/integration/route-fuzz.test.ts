/**
 * Property: no request makes any route answer 5xx (issue 10, item 7 / must-show 7). The routes
 * are read from the running app's router (`routesOf`), their bodies and query parameters from
 * its OpenAPI document, so a route added later is fuzzed without touching this file. Each route
 * gets ≥ 300 requests: near-valid bodies built from its schema with hostile values planted
 * anywhere (deep nesting, NUL, lone surrogates, 1e308, 1e400, -0, 9007199254740993, numeric
 * strings, odd instants and offsets), plain hostile JSON, hostile query strings and path
 * segments. Path parameters mostly hold real ids (a draft application, its organisation, cycle,
 * an attachment, a user) so that handlers run past their 404; every 4xx must be the JSON error
 * contract.
 *
 * One app, one applicant, one staff, one admin and one judge (on a draft round's panel), the
 * application kept in draft: after every
 * write, what a request may legitimately have changed (withdrawn, cycle moved, signed out) is put
 * back, so the next request meets the same world.
 */
import fc from 'fast-check';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { routesOf, type RouteInfo } from '../../src/bootstrap';
import { hashToken } from '../../src/common/auth/tokens';
import { SECTION_KEYS } from '../../src/form/sections';
import { sectionSchemaName } from '../../src/form/section-schema';
import { attachmentRow } from '../support/complete-entry';
import { createApplication, createOpenCycle, createUser, registerApplicant, type Account, type OpenCycle } from '../support/factories';
import { createRound, createRubric, entryIn } from '../support/judging';
import { inTransaction } from '../support/db';
import { startTestApp, type TestApp } from '../support/test-app';

// 120 samples a route keeps the whole file at a few minutes on CI's 2 cores as the route count grows
// (section routes get their own deeper fuzz in section-fuzz.test.ts); ROUTE_FUZZ_RUNS=1000 digs deeper.
const RUNS = Number(process.env.ROUTE_FUZZ_RUNS ?? 120);
const LANES = 5;

type Caller = 'owner' | 'staff' | 'admin' | 'judge' | 'anonymous';
interface World {
  owner: Account & { organisationId: string };
  bystander: Account;
  cycle: OpenCycle;
  appId: string;
  attId: string;
  /** Judging: a rubric, a draft round of `cycle` with the judge on its panel, an inferred conflict of the judge. */
  rubricId: string;
  roundId: string;
  conflictId: string;
  /** A pending invitation of the owner's organisation (revoked by the first DELETE that lands; 409 after). */
  invitationId: string;
  /** An open review round of its own cycle with an entry assigned to `judge` (assignment and review routes get past lookup). */
  reviewRoundId: string;
  assignmentId: string;
  userIds: Record<Exclude<Caller, 'anonymous'>, string>;
  tokens: Record<Exclude<Caller, 'anonymous'>, string>;
}

let t: TestApp;
let base: string;
let w: World;
let openapi: OpenApi;

// ---------------------------------------------------------------------------------------------
// JSON text with raw number tokens (JSON.stringify cannot write 1e400, -0 or 9007199254740993)

class Raw {
  constructor(readonly text: string) {}
}
function toText(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(toText).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${toText(x)}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

const nestedArray = (n: number) => new Raw(`${'['.repeat(n)}${']'.repeat(n)}`);
const nestedObject = (n: number) => new Raw(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);
const DEPTHS = [33, 64, 1000, 10_000, 100_000];

const ODD_INSTANTS = [
  '2026',
  '2026-02',
  '2026-01-01',
  '2026-02-30T00:00:00Z',
  '2027-02-29T12:00:00+08:00',
  '2026-13-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T23:59:60Z',
  '2026-01-01T00:00:00+15:00',
  '2026-01-01T00:00:00-14:01',
  '2026-01-01T00:00:00+99:99',
  '2026-12-31T23:59:59+14:00',
  '2026-12-31T23:59:59-14:00',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999Z',
  '2026-01-01T00:00:00',
  'yesterday',
  '1e308',
  'NaN',
];
const ODD_NUMBER_TEXT = [
  '1e308',
  '-1e308',
  '1e400',
  '-1e400',
  '-0',
  '0.0',
  '9007199254740993',
  '-9007199254740993',
  '123456789012345678901234567890',
  '1e-400',
  '5e-324',
  '0.1',
  '-1',
  '4294967296',
];
const ODD_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\ude00y',
  '',
  ' ',
  '\t',
  '1e308',
  '-0',
  'NaN',
  'Infinity',
  '9007199254740993',
  '=HYPERLINK("http://evil.example","x")',
  '@SUM(1)',
  '__proto__',
  'constructor',
  'toString',
  'x'.repeat(10_000),
  '字'.repeat(3001),
  'a@b',
  '\ud800@example.com',
  'null',
  'true',
  '[]',
  '{}',
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
];

/** A hostile leaf: odd numbers, odd strings, odd instants, deep nesting, random UTF-16. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_NUMBER_TEXT).map((n) => new Raw(n)) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_INSTANTS) },
  { weight: 1, arbitrary: fc.constantFrom(...DEPTHS).chain((n) => fc.constantFrom(nestedArray(n), nestedObject(n))) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}, 0, 1, -1) },
);

const hostileKey = fc.oneof(
  fc.constantFrom('\u0000', 'k\ud800', '__proto__', 'constructor', '', 'a.b', 'x'.repeat(300)),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

// ---------------------------------------------------------------------------------------------
// From the OpenAPI document: body and query arbitraries per route

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  example?: unknown;
}
interface Operation {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

function resolve(s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; cur.$ref && i < 10; i++) cur = openapi.components?.schemas?.[cur.$ref.split('/').pop()!] ?? {};
  if (cur.allOf)
    return cur.allOf.map(resolve).reduce<Schema>((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties } }), {});
  return cur;
}

function plausible(schema: Schema | undefined, depth: number): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  // the documented example is the likeliest valid value: it takes requests into the handler
  if (s.example !== undefined) return fc.oneof(fc.constant(s.example), typed(s, depth));
  return typed(s, depth);
}

function typed(s: Schema, depth: number): fc.Arbitrary<unknown> {
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.oneOf || s.anyOf) return fc.oneof(...(s.oneOf ?? s.anyOf)!.map((x) => valueArb(x, depth)));
  switch (s.type) {
    case 'object': {
      if (depth > 4 || !s.properties) return fc.dictionary(fc.string({ maxLength: 8 }), hostile, { maxKeys: 3 });
      const props = s.properties;
      // a few of the keys at a time (as autosave sends them), so that a large section's body is
      // often entirely valid and reaches the write
      const doc = fc
        .subarray(Object.keys(props), { maxLength: Math.min(3, Object.keys(props).length) })
        .chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, valueArb(props[k], depth + 1)]))));
      return fc
        .tuple(doc, fc.option(fc.dictionary(hostileKey, hostile, { maxKeys: 2 }), { freq: 5 }))
        .map(([d, extra]) => (extra ? { ...extra, ...d } : d));
    }
    case 'array':
      return fc.array(valueArb(s.items, depth + 1), { maxLength: 3 });
    case 'string':
      if (s.format === 'date-time' || s.format === 'date')
        return fc.oneof(
          fc.constantFrom(...ODD_INSTANTS),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        );
      if (s.format === 'uuid')
        return fc.oneof(fc.uuid(), fc.constantFrom(w.appId, w.cycle.cycleId, w.rubricId, w.userIds.judge, w.owner.organisationId));
      if (s.format === 'email') return fc.oneof(fc.emailAddress(), fc.constantFrom('\ud800@example.com', 'a\u0000@example.com'));
      return fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.emailAddress(),
        fc.uuid(),
        fc.constantFrom(w.appId, w.cycle.cycleId, w.cycle.categoryId, '2026-12-31T23:59:59+08:00'),
      );
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.integer({ min: -10, max: 10_000 }),
        fc.double({ noNaN: true }),
        fc.constantFrom(...ODD_NUMBER_TEXT).map((n) => new Raw(n)),
      );
    case 'boolean':
      return fc.boolean();
    default:
      return fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostile);
  }
}

/** A plausible value for the schema, or something hostile in its place. */
function valueArb(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: plausible(schema, depth) }, { weight: 1, arbitrary: hostile });
}

const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const operationOf = (r: RouteInfo): Operation | undefined => openapi.paths[openapiPath(r.url)]?.[r.method.toLowerCase()];

/**
 * The section routes' body lists every section's schema: the one the path names is the plausible
 * body (another section's fields are only unknown keys, which hostile bodies cover).
 */
function forPath(schema: Schema | undefined, path: string): Schema | undefined {
  const key = /\/sections\/([A-Za-z]+)/.exec(path)?.[1];
  return (key && schema?.anyOf?.find((s) => s.$ref?.endsWith(`/${sectionSchemaName(key)}`))) || schema;
}

/** Raw request bodies for a route: from its schema, any JSON, hostile JSON, not JSON. */
function bodyArb(r: RouteInfo, path: string): fc.Arbitrary<string | undefined> {
  const content = operationOf(r)?.requestBody?.content ?? {};
  const schema = forPath(content['application/json']?.schema ?? Object.values(content)[0]?.schema, path);
  return fc.oneof(
    { weight: 6, arbitrary: valueArb(schema ?? { type: 'object' }).map(toText) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: hostile.map(toText) },
    { weight: 1, arbitrary: fc.constantFrom(...DEPTHS).map((n) => `{"a":${nestedArray(n).text}}`) },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 30 }), fc.constant(undefined), fc.constant('{"a":1')) },
  );
}

/** Percent-encoding that can also write a lone surrogate (as its WTF-8 bytes) into a URL. */
function pct(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff)
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}

function queryArb(r: RouteInfo): fc.Arbitrary<string> {
  const declared = (operationOf(r)?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const valueText = fc.oneof(
    fc.constantFrom(
      ...ODD_INSTANTS,
      ...ODD_STRINGS.filter((s) => s.length < 100),
      ...ODD_NUMBER_TEXT,
      'true',
      'false',
      '2026-12-01T00:00:00+08:00',
    ),
    fc.constantFrom(w.appId, w.owner.userId, w.cycle.cycleId, randomUUID()),
    fc.string({ unit: 'binary', maxLength: 10 }),
  );
  const pairs = fc.array(
    fc.tuple(
      declared.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...declared) }, { weight: 1, arbitrary: hostileKey }) : hostileKey,
      valueText,
    ),
    { maxLength: 4 },
  );
  return fc.oneof(
    { weight: 3, arbitrary: pairs.map((ps) => ps.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&')) },
    { weight: 1, arbitrary: fc.constantFrom('', 'a[b][c]=1', 'from=%ED%A0%80', 'x=%00', 'from=%', 'a=1&a=2&a=3') },
  );
}

// ---------------------------------------------------------------------------------------------
// Path parameters: real ids where the route's resource is known, otherwise anything

function realId(url: string, name: string): string | undefined {
  if (name === 'key') return undefined; // section keys: chosen below
  if (name === 'attId') return w.attId;
  if (name === 'invitationId') return w.invitationId;
  if (name === 'judgeId') return w.userIds.judge; // on the draft round's panel (put back after a removal)
  const resource = url.split('/:')[0];
  if (name === 'id' && resource === '/api/applications') return w.appId;
  if (name === 'id' && resource === '/api/organisations') return w.owner.organisationId;
  if (name === 'id' && resource === '/api/cycles') return w.cycle.cycleId;
  if (name === 'id' && resource === '/api/users') return w.bystander.userId; // role changes land on a bystander
  if (name === 'id' && /^\/api\/rounds\/:id\/(assignments|progress|reminders)/.test(url)) return w.reviewRoundId;
  if (name === 'id' && resource === '/api/assignments') return w.assignmentId;
  if (name === 'id' && resource === '/api/rubrics') return w.rubricId;
  if (name === 'id' && resource === '/api/rounds') return w.roundId;
  if (name === 'id' && resource === '/api/conflicts') return w.conflictId;
  return undefined;
}

const hostileSegment = fc.constantFrom(
  '%00',
  '%ED%A0%80',
  'x'.repeat(300),
  '%2e%2e',
  '0',
  '-1',
  '1e308',
  'null',
  '%E2%80%AE',
  '%F0%9F%98%80',
);

function pathArb(r: RouteInfo): fc.Arbitrary<string> {
  const parts = r.url.split('/').map((seg) => {
    if (seg === '*') return fc.oneof(fc.constant('x'), fc.constant('assets/none.js'), hostileSegment);
    if (!seg.startsWith(':')) return fc.constant(seg);
    const name = seg.slice(1);
    const real = realId(r.url, name);
    const good =
      name === 'key'
        ? fc.constantFrom(...SECTION_KEYS)
        : real
          ? fc.constant(real)
          : fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }).map(pct));
    return fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostileSegment });
  });
  return fc.tuple(...parts).map((segs) => segs.join('/'));
}

// ---------------------------------------------------------------------------------------------
// The world, and putting it back after each write

async function mintToken(userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await t.db.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [
    userId,
    hashToken(token),
  ]);
  return token;
}

/**
 * Puts the world back after a write, while the other lanes' requests run. Each piece is its own
 * statement, locking one row at a time, so the reset never holds one lock while waiting for another
 * (the platform's transactions would deadlock with it); the panel seat is written under the round's
 * row lock, in the order the platform takes them (round, then panel).
 */
async function restore(): Promise<void> {
  await t.db.query(
    `UPDATE applications SET state = 'draft', deadline_extension = NULL WHERE id = $1 AND (state <> 'draft' OR deadline_extension IS NOT NULL)`,
    [w.appId],
  );
  await t.db.query(
    `UPDATE cycles SET opens_at = now() - interval '1 day', submission_deadline = now() + interval '30 days'
      WHERE id = $1 AND NOT (opens_at < now() AND submission_deadline > now() + interval '1 day')`,
    [w.cycle.cycleId],
  );
  for (const who of ['owner', 'staff', 'admin', 'judge'] as const)
    await t.db.query('UPDATE users SET role = $2, disabled = false WHERE id = $1 AND (role <> $2 OR disabled)', [
      w.userIds[who],
      who === 'owner' ? 'applicant' : who,
    ]);
  await inTransaction(t.db, async (tx) => {
    await tx.query('SELECT 1 FROM rounds WHERE id = $1 FOR UPDATE', [w.roundId]);
    await tx.query(`UPDATE rounds SET state = 'draft' WHERE id = $1 AND state <> 'draft'`, [w.roundId]);
    await tx.query('INSERT INTO round_judges (round_id, judge_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [w.roundId, w.userIds.judge]);
  });
  await t.db.query(
    'UPDATE conflicts SET dismissed_at = NULL, dismissed_by = NULL, dismiss_reason = NULL WHERE id = $1 AND dismissed_at IS NOT NULL',
    [w.conflictId],
  );
  const { rows } = await t.db.query('SELECT count(*)::int AS live FROM sessions WHERE token_hash = ANY($1) AND expires_at > now()', [
    Object.values(w.tokens).map(hashToken),
  ]);
  if (rows[0].live < 4) for (const who of ['owner', 'staff', 'admin', 'judge'] as const) w.tokens[who] = await mintToken(w.userIds[who]);
}

/** The current ETag of what the route writes (section or application), so writes get past 412. */
async function currentEtag(path: string): Promise<string | undefined> {
  const m = /^\/api\/applications\/([0-9a-f-]{36})(?:\/sections\/([A-Za-z]+))?/.exec(path);
  if (!m) return undefined;
  const { rows } = m[2]
    ? await t.db.query('SELECT version FROM application_sections WHERE application_id = $1 AND section_key = $2', [m[1], m[2]])
    : await t.db.query('SELECT version FROM applications WHERE id = $1', [m[1]]);
  return rows[0] ? `"${rows[0].version}"` : undefined;
}

beforeAll(async () => {
  t = await startTestApp();
  await new Promise<void>((ok) => t.app.getHttpServer().listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  openapi = (await (await fetch(`${base}/api/openapi.json`)).json()) as OpenApi;
  const owner = await registerApplicant(t);
  const [staff, admin, bystander] = [await createUser(t, 'staff'), await createUser(t, 'admin'), await registerApplicant(t)];
  const cycle = await createOpenCycle(t);
  const appId = (await createApplication(t, owner, cycle)).id;
  const judge = await createUser(t, 'judge');
  const rubricId = await createRubric(t, staff);
  const roundId = await createRound(t, staff, cycle.cycleId, rubricId);
  const entrant = await entryIn(t, cycle, 'submitted'); // an organisation the judge may declare a conflict with
  await t.db.query('INSERT INTO round_judges (round_id, judge_id) VALUES ($1, $2)', [roundId, judge.userId]);
  await t.db.query(
    `INSERT INTO confidentiality_acceptances (cycle_id, judge_id, terms_version, text_sha256) VALUES ($1, $2, 'fuzz', 'fuzz')`,
    [cycle.cycleId, judge.userId],
  );
  const conflict = await t.db.query(
    `INSERT INTO conflicts (judge_id, organisation_id, cycle_id, source, kind, reason) VALUES ($1, $2, $3, 'inferred', 'group', 'fuzz') RETURNING id`,
    [judge.userId, entrant.orgId, cycle.cycleId],
  );
  w = {
    owner,
    bystander,
    cycle,
    appId,
    attId: await attachmentRow(t, appId, owner, 'org_chart'),
    invitationId: (
      await t.db.query(
        `INSERT INTO invitations (organisation_id, email, token_hash, invited_by, expires_at)
         VALUES ($1, 'fuzz-invitee@example.com', $2, $3, now() + interval '14 days') RETURNING id`,
        [owner.organisationId, hashToken(randomBytes(16).toString('hex')), owner.userId],
      )
    ).rows[0].id,
    ...(await reviewRound(staff, judge.userId)),
    rubricId,
    roundId,
    conflictId: conflict.rows[0].id,
    userIds: { owner: owner.userId, staff: staff.userId, admin: admin.userId, judge: judge.userId },
    tokens: { owner: owner.token, staff: staff.token, admin: admin.token, judge: judge.token },
  };
}, 60_000);
afterAll(() => t.close());

/** An open review round of its own cycle: one accepted entry, the judge on its panel (terms accepted) and assigned to it. */
async function reviewRound(staff: Account, judgeId: string): Promise<{ reviewRoundId: string; assignmentId: string }> {
  const cycle = await createOpenCycle(t);
  const entry = await entryIn(t, cycle, 'accepted');
  const roundId = await createRound(t, staff, cycle.cycleId, await createRubric(t, staff), { reviewsPerApplication: 1 });
  await fetch(`${base}/api/rounds/${roundId}/open`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staff.token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  await t.db.query('INSERT INTO round_judges (round_id, judge_id) VALUES ($1, $2)', [roundId, judgeId]);
  await t.db.query(
    `INSERT INTO confidentiality_acceptances (cycle_id, judge_id, terms_version, text_sha256) VALUES ($1, $2, 'fuzz', 'fuzz')`,
    [cycle.cycleId, judgeId],
  );
  const { rows } = await t.db.query('INSERT INTO assignments (round_id, application_id, judge_id) VALUES ($1, $2, $3) RETURNING id', [
    roundId,
    entry.appId,
    judgeId,
  ]);
  return { reviewRoundId: roundId, assignmentId: rows[0].id };
}

// ---------------------------------------------------------------------------------------------

interface Sample {
  caller: Caller;
  path: string;
  query: string;
  body: string | undefined;
  type: string;
  ifMatch: 'current' | 'none' | 'junk';
}

async function send(r: RouteInfo, s: Sample): Promise<{ status: number; text: string; type: string | null }> {
  const headers: Record<string, string> = {};
  if (s.caller !== 'anonymous') headers.authorization = `Bearer ${w.tokens[s.caller]}`;
  const hasBody = r.method !== 'GET' && r.method !== 'DELETE' && s.body !== undefined;
  if (hasBody) headers['content-type'] = s.type;
  if (r.method === 'GET') {
    // reads take no If-Match
  } else if (s.ifMatch === 'current') {
    const etag = await currentEtag(s.path);
    if (etag) headers['if-match'] = etag;
  } else if (s.ifMatch === 'junk') headers['if-match'] = '"999999"';
  const res = await fetch(`${base}${s.path}${s.query ? `?${s.query}` : ''}`, {
    method: r.method,
    headers,
    body: hasBody ? s.body : undefined,
    redirect: 'manual',
  });
  // a success's body is beside the point (and may be a 900 KB script): only errors are read
  if (res.status < 400) {
    await res.body?.cancel();
    return { status: res.status, text: '', type: res.headers.get('content-type') };
  }
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

/** Judging routes are also called by the judge (the other routes keep their callers' mix). */
const JUDGING = /^\/api\/(rubrics|rounds|judges|conflicts|cycles\/:id\/(rounds|confidentiality|entrants))/;

const sampleArb = (r: RouteInfo): fc.Arbitrary<Sample> =>
  pathArb(r).chain((path) =>
    fc.record({
      caller: JUDGING.test(r.url)
        ? fc.constantFrom<Caller>('owner', 'staff', 'staff', 'admin', 'judge', 'judge', 'anonymous')
        : fc.constantFrom<Caller>('owner', 'owner', 'owner', 'staff', 'staff', 'admin', 'anonymous'),
      path: fc.constant(path),
      query: fc.oneof({ weight: r.method === 'GET' ? 3 : 1, arbitrary: queryArb(r) }, { weight: 2, arbitrary: fc.constant('') }),
      body: bodyArb(r, path),
      type: r.method === 'PATCH' ? fc.constantFrom('application/json', 'application/merge-patch+json') : fc.constant('application/json'),
      ifMatch: fc.constantFrom<Sample['ifMatch']>('current', 'current', 'current', 'none', 'junk'),
    }),
  );

const describeSample = (r: RouteInfo, s: Sample) =>
  `${r.method} ${s.path}?${s.query} as ${s.caller} (${s.type}, If-Match ${s.ifMatch}): ${JSON.stringify(s.body?.slice(0, 400))}`;

it(`every route, ${RUNS} requests each: never 5xx, every error in the JSON contract`, async () => {
  const routes = routesOf(t.app).filter((r) => r.method !== 'OPTIONS');
  // the inventory is read from the router: the section routes and the audit CSV are among them
  expect(routes.length).toBeGreaterThanOrEqual(45);
  expect(routes).toContainEqual({ method: 'PATCH', url: '/api/applications/:id/sections/:key' });
  expect(routes).toContainEqual({ method: 'GET', url: '/api/audit/export.csv' });

  const failures: string[] = [];
  const statuses = new Map<string, Set<number>>();
  // a few routes at a time: the requests of one wait on PostgreSQL while another's run
  const queue = [...routes];
  const lane = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) await fuzzRoute(r);
  };
  const fuzzRoute = async (r: RouteInfo) => {
    const seen = new Set<number>();
    const started = Date.now();
    statuses.set(`${r.method} ${r.url}`, seen);
    const result = await fc.check(
      fc.asyncProperty(sampleArb(r), async (s) => {
        const res = await send(r, s);
        seen.add(res.status);
        if (r.method !== 'GET' && res.status < 300) await restore(); // a refused request changed nothing
        if (res.status >= 500) throw new Error(`${res.status} for ${describeSample(r, s)}: ${res.text.slice(0, 300)}`);
        if (res.status >= 400 && r.url.startsWith('/api/')) {
          const body = JSON.parse(res.text) as { statusCode?: number; message?: unknown; details?: Array<{ path?: unknown }> };
          if (!/^application\/json/.test(res.type ?? '') || body.statusCode !== res.status || typeof body.message !== 'string') {
            throw new Error(`not the error contract: ${res.status} ${res.type} for ${describeSample(r, s)}: ${res.text.slice(0, 300)}`);
          }
          if (res.status === 400 && !body.details?.every((d) => typeof d.path === 'string' && d.path.length > 0)) {
            throw new Error(`400 without a path for ${describeSample(r, s)}: ${res.text.slice(0, 300)}`);
          }
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    if (process.env.ROUTE_FUZZ_TIMES) console.log(`${Date.now() - started} ms ${r.method} ${r.url}`);
    if (result.failed)
      failures.push(
        `${r.method} ${r.url}: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`,
      );
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  expect(failures).toEqual([]);
  // the real ids took requests past authorization and lookup, into the handlers' own validation
  expect([...statuses.get('PATCH /api/applications/:id/sections/:key')!]).toEqual(expect.arrayContaining([200, 400]));
  // (a 200 on the extension needs a valid future date for a submitted entry: rare at 120 samples, so
  // reaching its validation — a 400 naming a field — is what this checks)
  expect([...statuses.get('POST /api/applications/:id/extension')!]).toContain(400);
}, 1_500_000);

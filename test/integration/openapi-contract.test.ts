/**
 * The OpenAPI document tells the truth about every operation (issue 11, must-show 4): a 2xx
 * answer with its schema (or a 204 / 302 without a body), the error answers with the one error
 * schema, and the sign-in requirement exactly where the app asks for it — probed by calling
 * every operation anonymously: a 401 means it must declare bearer + cookie security, anything
 * else that it must be public. Section bodies are the descriptor-built schemas.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { SECTION_KEYS } from '../../src/form/sections';
import { sectionSchemaName } from '../../src/form/section-schema';
import { startTestApp, type TestApp } from '../support/test-app';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }>; headers?: Record<string, unknown> }>;
  security?: Array<Record<string, string[]>>;
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    securitySchemes: Record<string, { type: string; in?: string; scheme?: string }>;
  };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const ERROR_REF = '#/components/schemas/ErrorResponse';

let t: TestApp;
let doc: Doc;
let operations: Array<{ method: string; path: string; op: Operation }>;
beforeAll(async () => {
  t = await startTestApp();
  doc = (await request(t.http).get('/api/openapi.json').expect(200)).body;
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] })),
  );
});
afterAll(() => t?.close());

const name = (o: { method: string; path: string }) => `${o.method.toUpperCase()} ${o.path}`;

it('documents the operations of every controller', () => {
  expect(operations.length).toBeGreaterThanOrEqual(40);
});

it('every operation documents a 2xx answer with its schema, or a body-less 204 / 302', () => {
  const missing: string[] = [];
  for (const o of operations) {
    const ok = Object.entries(o.op.responses).filter(([status]) => /^2\d\d$|^302$/.test(status));
    if (!ok.length) missing.push(`${name(o)}: no 2xx/302 answer`);
    for (const [status, r] of ok) {
      if (status === '204') continue;
      if (status === '302') {
        if (!r.headers?.Location) missing.push(`${name(o)}: 302 without Location`);
        continue;
      }
      const schemas = Object.values(r.content ?? {})
        .map((c) => c.schema)
        .filter((s) => s && Object.keys(s).length);
      if (!schemas.length) missing.push(`${name(o)}: ${status} without a schema`);
    }
    // Nest's default: a 201 on a POST that never answers 201 (or a 200 next to a 202) would lie
    if (o.op.responses['201'] && (o.op.responses['200'] || o.op.responses['202'])) missing.push(`${name(o)}: 201 beside 200/202`);
  }
  expect(missing).toEqual([]);
});

it('every operation documents its error answers with the one error schema', () => {
  const missing: string[] = [];
  for (const o of operations) {
    const required = ['400', ...(o.op.security?.length ? ['401'] : []), ...(o.method === 'get' ? [] : ['403', '413', '415'])];
    for (const status of required) if (!o.op.responses[status]) missing.push(`${name(o)}: no ${status}`);
    for (const [status, r] of Object.entries(o.op.responses)) {
      if (!/^4\d\d$/.test(status)) continue;
      if (JSON.stringify(r.content) !== JSON.stringify({ 'application/json': { schema: { $ref: ERROR_REF } } }))
        missing.push(`${name(o)}: ${status} is not JSON ErrorResponse`);
    }
  }
  expect(missing).toEqual([]);
  const error = doc.components.schemas.ErrorResponse as { required: string[]; properties: Record<string, unknown> };
  expect(error.required).toEqual(expect.arrayContaining(['statusCode', 'error', 'message', 'code']));
  expect(Object.keys(error.properties)).toContain('details');
});

it('declares bearer and cookie security, required exactly on the operations that refuse anonymous callers', async () => {
  expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  expect(doc.components.securitySchemes.cookie).toMatchObject({ type: 'apiKey', in: 'cookie' });
  const wrong: string[] = [];
  for (const o of operations) {
    // a write without a body passes the media-type check, so the guard's sign-in decides
    const url = o.path
      .replace(/\{token\}/g, 'no-such-token')
      .replace(/\{key\}/g, SECTION_KEYS[0])
      .replace(/\{[^}]+\}/g, randomUUID());
    const res = await request(t.http)[o.method as 'get'](url);
    const security = JSON.stringify(o.op.security ?? null);
    if (res.status === 401 && security !== JSON.stringify([{ bearer: [] }, { cookie: [] }]))
      wrong.push(`${name(o)}: answers 401 but security is ${security}`);
    if (res.status !== 401 && security !== '[]') wrong.push(`${name(o)}: answers ${res.status} anonymously but security is ${security}`);
    if (!o.op.responses[String(res.status)]) wrong.push(`${name(o)}: answers ${res.status} anonymously, undocumented`);
  }
  expect(wrong).toEqual([]);
});

it('section bodies and answers use the schemas built from each section’s descriptor', () => {
  for (const key of SECTION_KEYS) {
    const schema = doc.components.schemas[sectionSchemaName(key)] as { type: string; properties: Record<string, unknown> };
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(Object.keys(schema.properties).length).toBeGreaterThan(0);
  }
  const refs = SECTION_KEYS.map((k) => ({ $ref: `#/components/schemas/${sectionSchemaName(k)}` }));
  const section = doc.paths['/api/applications/{id}/sections/{key}'];
  for (const method of ['put', 'patch']) {
    expect(section[method].requestBody?.content?.['application/json']?.schema).toMatchObject({ anyOf: refs });
  }
  expect((doc.components.schemas.SectionResponse as { properties: Record<string, unknown> }).properties.data).toMatchObject({
    anyOf: refs,
  });
  // the strategy section's mission is a text field of at most 200 characters
  expect(doc.components.schemas.StrategySection).toMatchObject({
    properties: { culture: { type: 'object', properties: { mission: { type: 'string' } } } },
  });
});

/**
 * The pages type what they read from the API by the generated web/src/api/schema.d.ts: the type
 * argument of every get/post/call must come from the document (`Reply<'…'>`, `components[…]`,
 * `paths[…]`, or an alias of those), never an interface or object type written by hand.
 */
it('the web app has no hand-written response types', () => {
  const root = resolve(__dirname, '../../web/src');
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(root, f));
  const sources = files.map((f) => ({ f, text: readFileSync(f, 'utf8') }));
  const aliases = new Map<string, string>();
  for (const { text } of sources) for (const m of text.matchAll(/\btype (\w+)(?:<[^=]*>)? =\s*([^;]+);/g)) aliases.set(m[1], m[2]);
  const FROM_DOCUMENT = /\bReply<|\bBody<|\bcomponents\[|\bpaths\[/;
  const derived = (type: string, seen = new Set<string>()): boolean => {
    const t = type.replace(/\[\]|\|\s*null/g, '').trim();
    if (t === 'unknown' || t === 'void' || FROM_DOCUMENT.test(t)) return true;
    if (!/^\w+$/.test(t) || seen.has(t) || !aliases.has(t)) return false;
    return derived(aliases.get(t)!, seen.add(t));
  };
  const wrong: string[] = [];
  let checked = 0;
  for (const { f, text } of sources) {
    const where = f.slice(root.length + 1);
    for (const m of text.matchAll(/\b(?:get|post|call)<(.+?)>\(/g)) {
      if (where === 'api/client.ts') continue; // the helpers themselves pass their T through
      checked++;
      if (!derived(m[1])) wrong.push(`${where}: ${m[0]}`);
    }
    if (where.startsWith('api/') && /Promise<\{/.test(text)) wrong.push(`${where}: an answer typed inline (Promise<{ … }>)`);
  }
  expect(wrong).toEqual([]);
  expect(checked).toBeGreaterThanOrEqual(10);
});

/**
 * A complete application entered section by section over HTTP; completeness reports nothing
 * missing; removing any single required field makes exactly that path appear.
 */
import zlib from 'node:zlib';
import request from 'supertest';
import { fieldAt } from '../../src/form/expanded-fields';
import type { FieldNode } from '../../src/form/field-types';
import { ALL_SECTIONS } from '../../src/form/sections';
import { completeApplication } from '../fixtures/complete-application';
import { createApplication, createOpenCycle, registerApplicant, type Account } from '../support/factories';
import { pngFile } from '../support/sample-files';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let owner: Account;
let appId: string;
let fixture: ReturnType<typeof completeApplication>;
const etags: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  owner = await registerApplicant(t, '示例银行股份有限公司');
  appId = (await createApplication(t, owner, await createOpenCycle(t))).id;
  // the files go through the real upload route (and S3): completeness checks they exist
  const upload = async (kind: string, name: string) =>
    (
      await auth(request(t.http).post(`/api/applications/${appId}/attachments`))
        .field('kind', kind)
        .attach('file', pngFile(), name)
        .expect(201)
    ).body.id as string;
  fixture = completeApplication({
    orgChart: [await upload('org_chart', '组织架构图.png')],
    layoutPhotos: [await upload('layout_photo', '座席区.png'), await upload('layout_photo', '培训室.png')],
  });
});
afterAll(() => t.close());

const auth = (r: request.Test) => r.auth(owner.token, { type: 'bearer' });
const completeness = async () => (await auth(request(t.http).get(`/api/applications/${appId}/completeness`)).expect(200)).body;

it('a new application lists every section as incomplete', async () => {
  const body = await completeness();
  expect(body.complete).toBe(false);
  const incomplete = body.sections.filter((s: { complete: boolean }) => !s.complete).map((s: { key: string }) => s.key);
  expect(incomplete).toEqual(ALL_SECTIONS.filter((d) => !d.optional).map((d) => d.key));
});

it('takes the whole form section by section and then reports nothing missing', async () => {
  for (const [key, data] of Object.entries(fixture)) {
    const get = await auth(request(t.http).get(`/api/applications/${appId}/sections/${key}`)).expect(200);
    const put = await auth(request(t.http).put(`/api/applications/${appId}/sections/${key}`))
      .set('If-Match', get.headers.etag)
      .send(data);
    expect({ key, status: put.status, details: put.body.details }).toEqual({ key, status: 200, details: undefined });
    expect(put.body.data).toEqual(data);
    etags[key] = put.headers.etag;
  }
  const body = await completeness();
  expect(body.issues).toEqual([]);
  expect(body.complete).toBe(true);
});

it('returns the server-computed fields beside the data', async () => {
  const rec = await auth(request(t.http).get(`/api/applications/${appId}/sections/recruitment`)).expect(200);
  expect(rec.body.computed.accuracyRate).toBe(25);
  const kpis = await auth(request(t.http).get(`/api/applications/${appId}/sections/kpis`)).expect(200);
  expect(kpis.body.computed.operations.aht).toEqual({ met: true, gapPct: 5 });
  expect(kpis.body.computed.support.ptAttrition).toEqual({ met: false, gapPct: -12.5 });
});

/** Every answered path of the fixture that the spec requires (optional fields and plain checkboxes are not). */
function requiredLeaves(fields: readonly FieldNode[], data: unknown, prefix = ''): string[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.entries(data as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const field = fieldAt(fields, path);
    if (!field || field.optional) return [];
    if (field.type === 'group') return requiredLeaves(fields, value, path);
    if (field.type === 'list') return [];
    if (field.type === 'boolean' && !field.mustBeTrue && !field.mustAnswer) return [];
    if (field.type === 'text' && field.otherOf) return [path]; // `other` is chosen in the fixture
    const leaves = [path];
    if (field.type === 'yesno' && field.detailWhenYes && (value as { answer?: boolean }).answer) leaves.push(`${path}.detail`);
    return leaves;
  });
}

/** A merge patch that removes `path` (and its `<key>Other` text when the fixture has one). */
function removal(path: string, data: unknown): unknown {
  const parts = path.split('.');
  const leaf = parts.pop()!;
  const parent = parts.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], data) as Record<string, unknown>;
  const inner: Record<string, null> = { [leaf]: null };
  if (parent?.[`${leaf}Other`] !== undefined) inner[`${leaf}Other`] = null;
  return parts.reduceRight<unknown>((acc, part) => ({ [part]: acc }), inner);
}

it('removing any single required field makes exactly that path appear', async () => {
  let checked = 0;
  for (const def of ALL_SECTIONS) {
    const data = (fixture as Record<string, unknown>)[def.key];
    for (const path of requiredLeaves(def.fields, data)) {
      if (def.key === 'kpis' && path.startsWith('support.ptAttrition')) continue; // covered below: waived without part-timers
      // clearing a choice clears its 其他 explanation too (text for `other` needs `other` chosen)
      const patch = removal(path, data);
      const removed = await auth(request(t.http).patch(`/api/applications/${appId}/sections/${def.key}`))
        .set('If-Match', etags[def.key])
        .set('Content-Type', 'application/merge-patch+json')
        .send(JSON.stringify(patch));
      expect({ path, status: removed.status, body: removed.status === 200 ? undefined : removed.body }).toEqual({
        path,
        status: 200,
        body: undefined,
      });
      etags[def.key] = removed.headers.etag;

      const issues = (await completeness()).issues.map((i: { section: string; path: string }) => `${i.section}.${i.path}`);
      expect({ removed: `${def.key}.${path}`, issues }).toEqual({ removed: `${def.key}.${path}`, issues: [`${def.key}.${path}`] });

      const restored = await auth(request(t.http).put(`/api/applications/${appId}/sections/${def.key}`))
        .set('If-Match', etags[def.key])
        .send(data as object)
        .expect(200);
      etags[def.key] = restored.headers.etag;
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(150);
  expect((await completeness()).complete).toBe(true);
});

it('reports a broken cross-field rule by its path', async () => {
  const res = await auth(request(t.http).patch(`/api/applications/${appId}/sections/basics`))
    .set('If-Match', etags.basics)
    .send({ staffing: { ageDistribution: { over50: 12 } } })
    .expect(200);
  etags.basics = res.headers.etag;
  const body = await completeness();
  expect(body.issues).toEqual([
    expect.objectContaining({ section: 'basics', path: 'staffing.ageDistribution', code: 'sum_100', params: { sum: 110 } }),
  ]);
  const back = await auth(request(t.http).patch(`/api/applications/${appId}/sections/basics`))
    .set('If-Match', etags.basics)
    .send({ staffing: { ageDistribution: { over50: 2 } } })
    .expect(200);
  etags.basics = back.headers.etag;
});

it('answers bad input with 400 naming each field, in Chinese by default and English on request', async () => {
  const res = await auth(request(t.http).patch(`/api/applications/${appId}/sections/basics`))
    .set('If-Match', etags.basics)
    .send({ staffing: { ageDistribution: { under25: 130 } }, receiptNumber: 1, center: { industry: 'mining' } })
    .expect(400);
  expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  const byPath = Object.fromEntries(res.body.details.map((d: { path: string; message: string }) => [d.path, d.message]));
  expect(Object.keys(byPath).sort()).toEqual(['center.industry', 'receiptNumber', 'staffing.ageDistribution.under25']);
  expect(byPath['staffing.ageDistribution.under25']).toBe('不能大于 100');

  const en = await auth(request(t.http).patch(`/api/applications/${appId}/sections/basics`))
    .set('If-Match', etags.basics)
    .set('Accept-Language', 'en-GB,en;q=0.9')
    .send({ center: { industry: 'mining' } })
    .expect(400);
  expect(en.body.details[0].message).toMatch(/^must be one of: telecom, finance/);
  // nothing was stored by the rejected writes
  const get = await auth(request(t.http).get(`/api/applications/${appId}/sections/basics`)).expect(200);
  expect(get.headers.etag).toBe(etags.basics);
});

it('shows the form descriptor with every section, zh and en labels', async () => {
  const res = await request(t.http).get('/api/form').expect(200);
  expect(res.body.sections.map((s: { key: string }) => s.key)).toEqual(ALL_SECTIONS.map((d) => d.key));
  const basics = res.body.sections[0];
  expect(basics.title).toEqual({ zh: '基本信息', en: 'Basic information' });
  const center = basics.fields.find((f: { key: string }) => f.key === 'center');
  expect(center.fields.map((f: { key: string }) => f.key)).toContain('businessTypesOther');
});

it('sends the form descriptor compressed by Accept-Encoding, with an ETag that answers 304 (issue 12)', async () => {
  const raw = (req: request.Test) =>
    req.buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  const plain = await raw(request(t.http).get('/api/form').set('Accept-Encoding', 'identity')).expect(200);
  expect(plain.headers['content-encoding']).toBeUndefined();
  const identity = plain.body as Buffer;
  const etag = plain.headers.etag;
  expect(etag).toMatch(/^"[\w-]+"$/);
  expect(plain.headers['cache-control']).toBe('public, max-age=300');
  expect(plain.headers.vary).toMatch(/Accept-Encoding/);
  const br = await raw(request(t.http).get('/api/form').set('Accept-Encoding', 'gzip, deflate, br')).expect(200);
  expect(br.headers['content-encoding']).toBe('br');
  // superagent decodes br and gzip itself; Content-Length is what travelled
  expect((br.body as Buffer).equals(identity)).toBe(true);
  expect(Number(br.headers['content-length'])).toBeLessThan(identity.length / 5);
  expect(Number(br.headers['content-length'])).toBe(
    zlib.brotliCompressSync(identity, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
    }).length,
  );
  expect(br.headers.etag).toBe(etag);
  const gz = await raw(request(t.http).get('/api/form').set('Accept-Encoding', 'gzip')).expect(200);
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect((gz.body as Buffer).equals(identity)).toBe(true);
  expect(Number(gz.headers['content-length'])).toBeLessThan(identity.length / 4);
  await request(t.http).get('/api/form').set('If-None-Match', etag).expect(304);
  await request(t.http).get('/api/form').set('If-None-Match', `W/${etag}`).expect(304);
  await request(t.http).get('/api/form').set('If-None-Match', '"other"').expect(200);
});

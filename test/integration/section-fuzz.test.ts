/**
 * Property: whatever body arrives at a section route — random JSON, near-valid documents with
 * wrong values, unknown keys, broken JSON text — the answer is 2xx or 4xx, never 5xx, and every
 * 400 names the failing paths. 1,000 bodies per section and method.
 */
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import type { FieldNode } from '../../src/form/field-types';
import { expandFields } from '../../src/form/expanded-fields';
import { ALL_SECTIONS } from '../../src/form/sections';
import { createApplication, createOpenCycle, registerApplicant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

let t: TestApp;
let base: string;
let token: string;
let appId: string;
const etags: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const owner = await registerApplicant(t);
  token = owner.token;
  appId = (await createApplication(t, owner, await createOpenCycle(t))).id;
  for (const d of ALL_SECTIONS) etags[d.key] = '"1"';
});
afterAll(() => t.close());

/** A plausible value for a field, or junk of another type. */
function valueArb(f: FieldNode): fc.Arbitrary<unknown> {
  const junk = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('', ' ', '__proto__', '💥'.repeat(3), -1, 1e308, 0.001, true, [], {}),
  );
  const codes = 'options' in f ? f.options.map((o) => o.code) : [];
  let plausible: fc.Arbitrary<unknown>;
  switch (f.type) {
    case 'text':
    case 'essay':
      plausible = fc.string({ maxLength: f.type === 'text' ? 260 : 40 });
      break;
    case 'int':
    case 'year':
      plausible = fc.integer({ min: -5, max: 3000 });
      break;
    case 'decimal':
    case 'percent':
      plausible = fc.oneof(fc.double({ min: -10, max: 200, noNaN: true }), fc.integer({ min: 0, max: 100 }));
      break;
    case 'date':
      plausible = fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
      break;
    case 'email':
      plausible = fc.oneof(fc.emailAddress(), fc.string());
      break;
    case 'url':
      plausible = fc.oneof(fc.webUrl(), fc.string());
      break;
    case 'phone':
    case 'postcode':
      plausible = fc.stringMatching(/^[0-9 +()-]{0,32}$/);
      break;
    case 'choice':
      plausible = fc.constantFrom(...codes, 'nope');
      break;
    case 'multi':
    case 'pick3':
      plausible = fc.array(fc.constantFrom(...codes, 'nope'), { maxLength: 5 });
      break;
    case 'yesno':
      plausible = fc.record(
        { answer: fc.oneof(fc.boolean(), junk), detail: fc.oneof(fc.string({ maxLength: 20 }), junk) },
        { requiredKeys: [] },
      );
      break;
    case 'boolean':
      plausible = fc.boolean();
      break;
    case 'attachment':
      plausible = fc.array(fc.oneof(fc.uuid(), fc.string()), { maxLength: 3 });
      break;
    case 'group':
      plausible = docArb(f.fields);
      break;
    case 'list':
      plausible = fc.array(docArb(f.fields), { maxLength: 3 });
      break;
    case 'computed':
      plausible = fc.double();
      break;
  }
  return fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(null) });
}

function docArb(fields: readonly FieldNode[]): fc.Arbitrary<Record<string, unknown>> {
  const shape = Object.fromEntries(expandFields(fields).map((f) => [f.key, valueArb(f)]));
  return fc
    .tuple(
      fc.record(shape, { requiredKeys: [] }),
      fc.option(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }), { freq: 4 }),
    )
    .map(([doc, extra]) => (extra ? { ...extra, ...doc } : doc));
}

/** Raw request bodies: documents, any JSON at all, and text that is not JSON. */
const bodyArb = (fields: readonly FieldNode[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: docArb(fields).map((d) => JSON.stringify(d)) },
    { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );

describe.each(ALL_SECTIONS.map((d) => [d.key, d] as const))('%s', (key, def) => {
  it.each(['PUT', 'PATCH'])(`${RUNS} bodies by %s: only 2xx/4xx, every 400 with details[].path`, async (method) => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(bodyArb(def.fields), async (body) => {
        const res = await fetch(`${base}/api/applications/${appId}/sections/${key}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': etags[key] },
          body,
        });
        const json = (await res.json()) as { details?: Array<{ path: unknown }> };
        if (res.status >= 500) throw new Error(`${res.status} for ${body.slice(0, 300)}`);
        if (res.status === 200) {
          etags[key] = res.headers.get('etag')!;
          accepted++;
        } else if (res.status === 400) {
          if (!json.details?.length || !json.details.every((d) => typeof d.path === 'string' && d.path.length > 0)) {
            throw new Error(`400 without paths for ${body.slice(0, 300)}: ${JSON.stringify(json)}`);
          }
        } else {
          throw new Error(`unexpected ${res.status} for ${body.slice(0, 300)}: ${JSON.stringify(json)}`);
        }
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(0); // the generator reaches valid documents too
  });
});

/**
 * Bad input is a 400 naming the field, never a 500 (issue 10, items 7, 8 and 13): deep nesting,
 * NUL and lone surrogates, non-finite and out-of-range numbers, odd instants; the audit CSV
 * answers errors in JSON and writes no live formula; messages carry the declared limits.
 */
import request from 'supertest';
import { expandFields } from '../../src/form/expanded-fields';
import { numberLimits, type FieldNode, type SectionData } from '../../src/form/field-types';
import { SectionRegistry } from '../../src/form/section-registry';
import { ALL_SECTIONS } from '../../src/form/sections';
import { buildDossierView, type SnapshotDocument } from '../../src/modules/dossiers/dossier-view';
import { completeApplication } from '../fixtures/complete-application';
import { attachmentRow } from '../support/complete-entry';
import { createApplication, createOpenCycle, createUser, registerApplicant, PASSWORD, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let owner: Account & { organisationId: string };
let staff: Account;
let appId: string;
const as = (who: Account, r: request.Test) => r.auth(who.token, { type: 'bearer' });
const deep = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};
const deepText = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

beforeAll(async () => {
  t = await startTestApp();
  owner = await registerApplicant(t);
  staff = await createUser(t, 'staff');
  appId = (await createApplication(t, owner, await createOpenCycle(t))).id;
});
afterAll(() => t.close());

describe('nesting', () => {
  it.each([
    ['PATCH', 'a section', (): string => `/api/applications/${appId}/sections/basics`, 'application/merge-patch+json'],
    ['PUT', 'a section', (): string => `/api/applications/${appId}/sections/basics`, 'application/json'],
    ['POST', '/api/applications', (): string => '/api/applications', 'application/json'],
    ['POST', '/api/auth/login', (): string => '/api/auth/login', 'application/json'],
  ] as const)('%s %s with 100,000 levels is 400 too_deep', async (method, _label, path, type) => {
    const res = await as(owner, request(t.http)[method.toLowerCase() as 'patch' | 'put' | 'post'](path()))
      .set('content-type', type)
      .set('if-match', '"1"')
      .send(`{"enterprise":${deepText(100_000)}}`);
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ code: 'too_deep', path: expect.stringMatching(/^enterprise(\.0)+$/) });
  });

  it('33 levels are refused at the path of the 33rd, with the catalogue text', async () => {
    const res = await as(owner, request(t.http).patch(`/api/applications/${appId}/sections/basics`))
      .set('content-type', 'application/merge-patch+json')
      .set('if-match', '"1"')
      .set('accept-language', 'en')
      .send(JSON.stringify(deep(33)));
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { path: Array(32).fill('a').join('.'), code: 'too_deep', params: { max: 32 }, message: 'is nested too deeply (at most 32 levels)' },
    ]);
  });
});

describe('text PostgreSQL cannot store', () => {
  it('NUL in a section value, a lone surrogate in a key: 400 with the path', async () => {
    const res = await as(owner, request(t.http).patch(`/api/applications/${appId}/sections/basics`))
      .set('content-type', 'application/merge-patch+json')
      .set('if-match', '"1"')
      .send('{"enterprise":{"name":"a\\u0000b"},"x\\udc00":1}');
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['enterprise.name', 'nul_character'],
      ['"x\\udc00"', 'lone_surrogate'],
    ]);
    expect(res.body.details[0].message).toBe('含有不允许的空字符（U+0000）');
  });

  it('a lone surrogate in an e-mail (register, login, invitation) is 400, not URIError', async () => {
    for (const [path, body] of [
      ['/api/auth/register', { email: 'a\ud800@example.com', password: PASSWORD, name: 'x', organisationName: 'y' }],
      ['/api/auth/login', { email: 'a\ud800@example.com', password: PASSWORD }],
      [`/api/organisations/${owner.organisationId}/invitations`, { email: '\udfff@example.com' }],
    ] as const) {
      const res = await as(owner, request(t.http).post(path)).set('content-type', 'application/json').send(JSON.stringify(body));
      expect([res.status, res.body.details?.[0]?.code]).toEqual([400, 'lone_surrogate']);
    }
  });

  it('NUL in a query string or a path parameter is 400', async () => {
    await as(staff, request(t.http).get('/api/audit?action=a%00b')).expect(400);
    const res = await as(owner, request(t.http).get(`/api/applications/${appId}/sections/bas%00ics`));
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ path: 'key', code: 'nul_character' });
  });

  it('a number JSON reads as Infinity is 400 not_finite', async () => {
    const res = await as(owner, request(t.http).patch(`/api/applications/${appId}/sections/kpis`))
      .set('content-type', 'application/merge-patch+json')
      .set('if-match', '"1"')
      .send('{"operations":{"aht":{"actual":1e400}}}');
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ path: 'operations.aht.actual', code: 'not_finite' });
  });
});

describe('errors before or beside the routes', () => {
  it('a URL whose percent-encoding is not UTF-8 is 400 in the JSON error contract', async () => {
    const res = await as(owner, request(t.http).get('/api/applications/%ED%A0%80')).set('accept-language', 'en');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      code: 'malformed_url',
      message: 'the request URL is not correctly encoded',
      details: [{ path: '$url', code: 'malformed_url' }],
    });
  });

  it('a page or asset asked for with a stale If-Match is never a 500 (412 in the JSON contract where it applies)', async () => {
    const page = await request(t.http).get('/index.html');
    if (page.status === 404) return; // pages not built in this checkout
    const asset = /\/assets\/[^"]+\.js/.exec(page.text)?.[0];
    for (const path of ['/index.html', ...(asset ? [asset] : [])]) {
      const res = await request(t.http).get(path).set('if-match', '"nope"');
      expect(res.status).toBeLessThan(500);
      if (res.status === 412) expect(res.body).toMatchObject({ statusCode: 412, code: 'precondition_failed' });
    }
  });
});

describe('instants', () => {
  it.each(['2026', '2026-02-30T00:00:00Z', '2026-01-01T00:00:00+15:00', 'yesterday'])(
    'audit ?from=%s is 400 invalid_instant, on the CSV too (JSON, not text/csv)',
    async (from) => {
      for (const route of ['/api/audit', '/api/audit/export.csv']) {
        const res = await as(staff, request(t.http).get(`${route}?from=${encodeURIComponent(from)}`));
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.headers['content-disposition']).toBeUndefined();
        expect(res.body.details).toEqual([expect.objectContaining({ path: 'from', code: 'invalid_instant' })]);
      }
    },
  );

  it('an offset the audit filter accepts is applied', async () => {
    const res = await as(
      staff,
      request(t.http).get(
        `/api/audit?from=${encodeURIComponent('2000-01-01T00:00:00+14:00')}&to=${encodeURIComponent('2999-01-01T00:00-14:00')}`,
      ),
    ).expect(200);
    expect(res.body.length).toBeGreaterThan(0);
  });

  it('cycle dates and extensions with an offset beyond ±14:00 or an unreal date are 400 naming the field', async () => {
    const cycle = { name: '周期', opensAt: '2026-01-01T00:00:00+15:00', submissionDeadline: '2099-02-29T00:00:00+08:00', categories: [] };
    const res = await as(staff, request(t.http).post('/api/cycles')).send(cycle).expect(400);
    expect(res.body.details.map((d: { path: string; code: string }) => [d.path, d.code]).sort()).toEqual([
      ['opensAt', 'invalid_instant'],
      ['submissionDeadline', 'invalid_instant'],
    ]);
    const ext = await as(staff, request(t.http).post(`/api/applications/${appId}/extension`))
      .send({ until: '2099-01-01T00:00:00-23:59', reason: 'x' })
      .expect(400);
    expect(ext.body.details).toEqual([expect.objectContaining({ path: 'until', code: 'invalid_instant' })]);
    const ok = await as(staff, request(t.http).post(`/api/applications/${appId}/extension`))
      .send({ until: '2099-01-01T00:00:00-14:00', reason: 'x' })
      .expect(200);
    expect(ok.body.deadline).toBe('2099-01-01T22:00:00+08:00');
  });
});

describe('audit CSV', () => {
  it('a user named like a formula is text in the CSV', async () => {
    const evil = '=HYPERLINK("http://evil.example/x","点击")';
    const email = `formula-${Date.now()}@example.com`;
    await request(t.http)
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, name: evil, organisationName: '@SUM(1+1)' })
      .expect(201);
    await request(t.http).post('/api/auth/login').send({ email, password: PASSWORD }).expect(200); // audited with the user's name
    const csv = await as(staff, request(t.http).get('/api/audit/export.csv?action=auth.login')).expect(200);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example/x"",""点击"")"`);
    // no cell of the file starts a formula
    for (const line of csv.text.split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+\-@]/);
  });
});

describe('limits from the declarations', () => {
  it.each([
    ['zh', '最多 1000 个字'],
    ['en', 'must be at most 1000 characters'],
  ])('a yes/no detail over its length names the limit (%s)', async (lang, text) => {
    const res = await as(owner, request(t.http).patch(`/api/applications/${appId}/sections/people`))
      .set('content-type', 'application/merge-patch+json')
      .set('if-match', '"1"')
      .set('accept-language', lang)
      .send({ satisfactionSurvey: { answer: true, detail: '字'.repeat(1001) } });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ path: 'satisfactionSurvey.detail', code: 'too_long', params: { max: 1000 }, message: text }]);
  });

  it('a KPI actual of 1e308 is 400 naming the field and its maximum', async () => {
    const res = await as(owner, request(t.http).patch(`/api/applications/${appId}/sections/kpis`))
      .set('content-type', 'application/merge-patch+json')
      .set('if-match', '"1"')
      .set('accept-language', 'en')
      .send('{"operations":{"aht":{"target":300,"actual":1e308}}}');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { path: 'operations.aht.actual', code: 'too_large', params: { max: 1_000_000 }, message: 'must be at most 1000000' },
    ]);
  });

  it('a DTO limit is read from its decorator (MaxLength on the cycle name)', async () => {
    const res = await as(staff, request(t.http).post('/api/cycles'))
      .set('accept-language', 'en')
      .send({
        name: 'x'.repeat(201),
        opensAt: '2026-01-01T00:00:00+08:00',
        submissionDeadline: '2099-01-01T00:00:00+08:00',
        categories: [],
      });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ path: 'name', code: 'too_long', params: { max: 200 }, message: 'must be at most 200 characters' }]);
  });
});

describe('a complete entry at the extremes the form allows', () => {
  /** Every answered count and quantity at its declared maximum; KPI targets at 0.01 against maximal actuals. */
  function atMaxima(fields: readonly FieldNode[], data: Record<string, unknown>): void {
    for (const f of expandFields(fields)) {
      const v = data[f.key];
      if (v === undefined) continue;
      if (f.type === 'int' || f.type === 'decimal') data[f.key] = numberLimits(f).max;
      else if (f.type === 'group' && v && typeof v === 'object') atMaxima(f.fields, v as Record<string, unknown>);
      else if (f.type === 'list' && Array.isArray(v)) for (const row of v) atMaxima(f.fields, row as Record<string, unknown>);
    }
    if (typeof data.target === 'number' && typeof data.actual === 'number') data.target = 0.01;
  }
  const finiteEverywhere = (v: unknown, path = '$'): string[] => {
    if (typeof v === 'number') return Number.isFinite(v) ? [] : [path];
    if (typeof v === 'string') return /\b(NaN|Infinity)\b/.test(v) ? [path] : [];
    if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => finiteEverywhere(x, `${path}.${k}`));
    return [];
  };

  it('is complete, seals (never 500), and every computed value and dossier figure is finite', async () => {
    const applicant = await registerApplicant(t);
    const id = (await createApplication(t, applicant, await createOpenCycle(t))).id;
    const sections = completeApplication({
      orgChart: [await attachmentRow(t, id, applicant, 'org_chart')],
      layoutPhotos: [await attachmentRow(t, id, applicant, 'layout_photo')],
    }) as unknown as Record<string, SectionData>;
    for (const def of ALL_SECTIONS) if (sections[def.key]) atMaxima(def.fields, sections[def.key]);
    expect((sections.kpis as { operations: { aht: unknown } }).operations.aht).toEqual({ target: 0.01, actual: 1_000_000 });
    for (const [key, data] of Object.entries(sections)) {
      await as(applicant, request(t.http).put(`/api/applications/${id}/sections/${key}`))
        .set('If-Match', '"1"')
        .send(data)
        .expect(200);
    }
    const completeness = await as(applicant, request(t.http).get(`/api/applications/${id}/completeness`)).expect(200);
    expect(finiteEverywhere(completeness.body)).toEqual([]);
    expect(JSON.stringify(completeness.body)).not.toContain('"path"');

    const kpis = await as(applicant, request(t.http).get(`/api/applications/${id}/sections/kpis`)).expect(200);
    expect(kpis.body.computed.operations.aht).toEqual({ met: false, gapPct: -9999999900 });
    expect(finiteEverywhere(kpis.body.computed)).toEqual([]);

    const sealed = await as(applicant, request(t.http).post(`/api/applications/${id}/seal`)).send({});
    expect(sealed.status).toBe(200);
    const snapshot = await as(applicant, request(t.http).get(`/api/snapshots/${sealed.body.snapshotId}`)).expect(200);
    const document = snapshot.body.document as SnapshotDocument;
    expect(finiteEverywhere(document.computed)).toEqual([]);

    for (const variant of ['applicant', 'staff', 'judge'] as const) {
      const view = buildDossierView(SectionRegistry.of(ALL_SECTIONS), {
        variant,
        blind: variant === 'judge',
        viewerName: '评委',
        snapshot: { id: sealed.body.snapshotId, sha256: sealed.body.sha256, sealedAt: '2026-11-23 10:00 (UTC+08:00)', document },
        categoryLabel: { zh: '卓越全渠道客服', en: 'Omnichannel excellence' },
        attachments: [],
        qrSvg: '<svg></svg>',
        generatedAt: new Date().toISOString(),
      });
      expect(finiteEverywhere(view)).toEqual([]);
    }
  });
});

/**
 * The staff console's entries table (issue 13): paging, sorting, filters, search, the summaries'
 * freshness after writes, the XLSX and CSV exports (parsed back), the dashboard, the snapshot diff
 * and the staff entry page.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { createOpenCycle, createUser, type Account, type OpenCycle } from '../support/factories';
import { partialDraft, sealedEntryOf, submittedEntry, type Entry } from '../support/staff-entries';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let staff: Account;
let cycle: OpenCycle;
let draft: Entry;
let matched: Entry;
let different: Entry;
const codes: Record<string, string> = {};

const as = (who: Account, r: request.Test) => r.auth(who.token, { type: 'bearer' });
const list = (query = '') => as(staff, request(t.http).get(`/api/cycles/${cycle.cycleId}/entries${query}`));

beforeAll(async () => {
  t = await startTestApp();
  staff = await createUser(t, 'staff');
  cycle = await createOpenCycle(t);
  draft = await partialDraft(t, cycle, '=HYPERLINK("http://evil.example","点我")');
  matched = await submittedEntry(t, cycle, 'matched');
  different = await submittedEntry(t, cycle, 'different');
  await t.db.query('UPDATE organisations SET member_unit = true, uscc = $2 WHERE id = $1', [
    matched.owner.organisationId,
    '91510100MA61234567',
  ]);
  await partialDraft(t, await createOpenCycle(t)); // another cycle: never listed
  const { rows } = await t.db.query('SELECT id, entry_code FROM applications WHERE id = ANY($1)', [
    [draft.appId, matched.appId, different.appId],
  ]);
  for (const r of rows) codes[r.id] = r.entry_code;
}, 120_000);
afterAll(() => t.close());

describe('GET /api/cycles/:id/entries', () => {
  it('lists the cycle’s entries with the table’s columns', async () => {
    const res = await list().expect(200);
    expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    const byId = Object.fromEntries(res.body.items.map((e: { id: string }) => [e.id, e]));
    expect(byId[matched.appId]).toMatchObject({
      entryCode: codes[matched.appId],
      company: '示例银行股份有限公司',
      state: 'submitted',
      completeness: 100,
      complete: true,
      receiptCheck: 'matched',
      memberUnit: true,
      industry: 'finance',
      industryLabel: { zh: '金融', en: 'Finance' },
      category: { code: 'omnichannel_excellence', nameZh: '卓越全渠道客服' },
      extended: false,
    });
    expect(byId[matched.appId].sealedHash).toMatch(/^[0-9a-f]{12}$/);
    expect(byId[matched.appId].sha256.startsWith(byId[matched.appId].sealedHash)).toBe(true);
    expect(byId[draft.appId]).toMatchObject({ state: 'draft', complete: false, receiptCheck: null, sealedHash: null, industry: null });
    expect(byId[draft.appId].completeness).toBeLessThan(100);
    expect(byId[draft.appId].deadline).toMatch(/\+08:00$/);
  });

  it('filters by state, member unit, receipt check, industry, category and search', async () => {
    const ids = async (q: string) => ((await list(q).expect(200)).body.items as Array<{ id: string }>).map((e) => e.id).sort();
    expect(await ids('?state=submitted')).toEqual([matched.appId, different.appId].sort());
    expect(await ids('?memberUnit=true')).toEqual([matched.appId]);
    expect(await ids('?receiptCheck=different')).toEqual([different.appId]);
    expect(await ids('?receiptCheck=none')).toEqual([draft.appId]);
    expect(await ids('?industry=finance')).toEqual([matched.appId, different.appId].sort());
    expect(await ids(`?categoryId=${cycle.categoryId}`)).toHaveLength(3);
    expect(await ids(`?q=${codes[different.appId].toLowerCase()}`)).toEqual([different.appId]);
    expect(await ids('?q=91510100MA6')).toEqual([matched.appId]);
    expect(await ids(`?q=${encodeURIComponent('HYPERLINK')}`)).toEqual([draft.appId]);
    expect(await ids('?q=%25')).toEqual([]); // % is matched literally
  });

  it('sorts and pages on the server', async () => {
    const asc = (await list('?sort=completeness&order=asc').expect(200)).body.items.map((e: { id: string }) => e.id);
    expect(asc[0]).toBe(draft.appId);
    const byCode = (await list('?sort=entryCode&order=asc').expect(200)).body.items.map((e: { entryCode: string }) => e.entryCode);
    expect(byCode).toEqual([...byCode].sort());
    const second = await list('?sort=entryCode&order=asc&page=2&pageSize=2').expect(200);
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.body.items.map((e: { entryCode: string }) => e.entryCode)).toEqual([byCode[2]]);
    const past = await list('?page=9&pageSize=2').expect(200);
    expect(past.body).toMatchObject({ total: 3, items: [] });
  });

  it('answers 400 naming the parameter, 404 for an unknown cycle', async () => {
    for (const [query, path] of [
      ['?sort=name', 'sort'],
      ['?pageSize=0', 'pageSize'],
      ['?pageSize=201', 'pageSize'],
      ['?page=x', 'page'],
      ['?state=done', 'state'],
      ['?memberUnit=yes', 'memberUnit'],
      ['?receiptCheck=ok', 'receiptCheck'],
      ['?industry=mining', 'industry'],
      ['?categoryId=1', 'categoryId'],
      ['?bogus=1', 'bogus'],
    ]) {
      const res = await list(query).expect(400);
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    await as(staff, request(t.http).get('/api/cycles/00000000-0000-4000-8000-000000000000/entries')).expect(404);
  });

  it('follows every section write (industry, company, last change)', async () => {
    const before = (await list().expect(200)).body.items.find((e: { id: string }) => e.id === draft.appId);
    await as(draft.owner, request(t.http).patch(`/api/applications/${draft.appId}/sections/basics`))
      .set('If-Match', '"2"')
      .send({ center: { industry: 'telecom' }, enterprise: { name: '新名称有限公司' } })
      .expect(200);
    const after = (await list().expect(200)).body.items.find((e: { id: string }) => e.id === draft.appId);
    expect(after).toMatchObject({ industry: 'telecom', company: '新名称有限公司' });
    expect(new Date(after.lastChange).getTime()).toBeGreaterThan(new Date(before.lastChange).getTime());
    // put the formula-like name back for the export test
    await as(draft.owner, request(t.http).patch(`/api/applications/${draft.appId}/sections/basics`))
      .set('If-Match', '"3"')
      .send({ enterprise: { name: '=HYPERLINK("http://evil.example","点我")' } })
      .expect(200);
  });
});

describe('exports', () => {
  it('XLSX: one row per entry, Chinese headers, no cell starting with =', async () => {
    const res = await list('/export.xlsx?sort=entryCode&order=asc')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Buffer);
    const ws = wb.worksheets[0];
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(expect.arrayContaining(['申报编号', '企业名称', '状态', '完整度 (%)', '回执核验', '会员单位', '截止时间']));
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Object.values(codes).sort());
    for (const row of rows) for (const cell of row) expect(cell.startsWith('=')).toBe(false);
    expect(rows.some((r) => r.includes('\'=HYPERLINK("http://evil.example","点我")'))).toBe(true);
  });

  it('CSV: the same filters, BOM, Chinese headers, neutralised cells', async () => {
    const res = await list('/export.csv?state=draft').expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.split('\r\n').filter(Boolean);
    expect(lines[0].startsWith('\uFEFF申报编号,企业名称')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
  });
});

describe('dashboard', () => {
  it('counts by state, category, industry; submissions per day; drafts; receipts; time left', async () => {
    const res = await as(staff, request(t.http).get(`/api/cycles/${cycle.cycleId}/dashboard`)).expect(200);
    const d = res.body;
    expect(d.total).toBe(3);
    expect(Object.fromEntries(d.byState.map((s: { key: string; count: number }) => [s.key, s.count]))).toEqual({ draft: 1, submitted: 2 });
    expect(d.byState.find((s: { key: string }) => s.key === 'submitted').label).toEqual({ zh: '已提交', en: 'Submitted' });
    expect(d.byCategory).toEqual([
      { key: 'omnichannel_excellence', label: { zh: '卓越全渠道客服', en: 'Omnichannel excellence' }, count: 3 },
    ]);
    expect(d.byIndustry.find((i: { key: string }) => i.key === 'finance').count).toBe(2);
    const days = d.submissionsPerDay as Array<{ day: string; count: number }>;
    expect(days.length).toBeGreaterThanOrEqual(2); // opened yesterday
    expect(days.reduce((n, x) => n + x.count, 0)).toBe(2);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(days.find((x) => x.day === today)?.count).toBe(2);
    expect(d.draftCompleteness.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(1);
    expect(d.draftCompleteness.map((b: { bucket: string }) => b.bucket)).toEqual(['0-19', '20-39', '40-59', '60-79', '80-100']);
    expect(d).toMatchObject({ receiptsDifferent: 1, receiptsPending: 0, receiptsUnreadable: 0, timeZone: 'Asia/Shanghai' });
    expect(d.secondsLeft).toBeGreaterThan(29 * 86400);
  });
});

describe('snapshot diff and the staff entry page', () => {
  it('labels each changed field from the form, between two snapshots of the entry', async () => {
    const e = await sealedEntryOf(t, cycle);
    const owner = (r: request.Test) => as(e.owner, r);
    await owner(request(t.http).post(`/api/applications/${e.appId}/unseal`))
      .send({})
      .expect(200);
    const { rows } = await t.db.query(`SELECT version FROM application_sections WHERE application_id = $1 AND section_key = 'basics'`, [
      e.appId,
    ]);
    await owner(request(t.http).patch(`/api/applications/${e.appId}/sections/basics`))
      .set('If-Match', `"${rows[0].version}"`)
      .send({ center: { industry: 'telecom' } })
      .expect(200);
    await owner(request(t.http).post(`/api/applications/${e.appId}/seal`))
      .send({})
      .expect(200);
    const snaps = (await as(staff, request(t.http).get(`/api/applications/${e.appId}/snapshots`)).expect(200)).body as Array<{
      id: string;
    }>;
    const [later, earlier] = snaps;
    const diff = await as(
      staff,
      request(t.http).get(`/api/applications/${e.appId}/snapshots/diff?from=${earlier.id}&to=${later.id}`),
    ).expect(200);
    expect(diff.body.changes).toEqual([
      {
        path: 'basics.center.industry',
        label: { zh: '基本信息 › 呼叫中心现况 › 从事行业', en: 'Basic information › Contact center › Industry' },
        before: 'finance',
        after: 'telecom',
      },
    ]);
    // a snapshot of another entry, or a malformed id: 400 naming the parameter
    const other = await as(
      staff,
      request(t.http).get(
        `/api/applications/${e.appId}/snapshots/diff?from=${earlier.id}&to=${(await t.db.query('SELECT snapshot_id FROM applications WHERE id = $1', [matched.appId])).rows[0].snapshot_id}`,
      ),
    ).expect(400);
    expect(other.body.details.map((d: { path: string }) => d.path)).toEqual(['to']);
    const bad = await as(staff, request(t.http).get(`/api/applications/${e.appId}/snapshots/diff?from=x&to=${later.id}`)).expect(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['from']);
  });

  it('shows receipts (decoded vs sealed hash), verification, snapshots, dossier copies and the audit trail', async () => {
    const { rows } = await t.db.query(
      `UPDATE attachments t SET receipt_decoded = 'TOPTEN1|' || a.entry_code || '|' || s.sha256 FROM applications a JOIN snapshots s ON s.id = a.snapshot_id
        WHERE t.application_id = a.id AND a.id = $1 AND t.kind = 'stamped_receipt' RETURNING s.sha256`,
      [matched.appId],
    );
    const res = await as(staff, request(t.http).get(`/api/applications/${matched.appId}/screening`)).expect(200);
    expect(res.body.entry).toMatchObject({ id: matched.appId, state: 'submitted', receiptCheck: 'matched' });
    expect(res.body.receipts).toEqual([
      expect.objectContaining({ check: 'matched', decodedHash: rows[0].sha256, sealedHash: rows[0].sha256 }),
    ]);
    expect(res.body.verification).toMatchObject({ valid: true, expected: rows[0].sha256, actual: rows[0].sha256 });
    expect(res.body.snapshots).toHaveLength(1);
    expect(res.body.dossiers.map((d: { variant: string; blind: boolean }) => `${d.variant}:${d.blind}`)).toEqual([
      'staff:false',
      'applicant:false',
      'judge:true',
      'judge:false',
    ]);
    expect(res.body.audit.map((l: { action: string }) => l.action)).toEqual(
      expect.arrayContaining(['application.submit', 'application.seal']),
    );
    const draftPage = await as(staff, request(t.http).get(`/api/applications/${draft.appId}/screening`)).expect(200);
    expect(draftPage.body).toMatchObject({ verification: null, dossiers: [], snapshots: [], receipts: [] });
    await as(staff, request(t.http).get('/api/applications/00000000-0000-4000-8000-000000000000/screening')).expect(404);
  });
});

import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
/**
 * PDF dossiers rendered by the real worker (BullMQ on Redis, Chromium, S3 through s3rver), read
 * back with poppler: content, escaping and network isolation, blind copies, the receipt QR
 * check, and the bulk export.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { REQUIRED_KPIS } from '../../src/form/kpi-catalogue';
import { ALL_SECTIONS } from '../../src/form/sections';
import { createOpenCycle, createUser, type Account } from '../support/factories';
import { pngFile } from '../support/sample-files';
import { fetchDossier, pdfFonts, pdfPageCount, pdfPagePng, pdfText, sealedEntry, upload, type SealedEntry } from '../support/sealed-entry';
import { startTestApp, type TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

jest.setTimeout(120_000);

let t: TestApp;
let worker: INestApplicationContext;
let staff: Account;
let entry: SealedEntry;

beforeAll(async () => {
  t = await startTestApp();
  worker = await startTestWorker(t);
  staff = await createUser(t, 'staff');
  entry = await sealedEntry(t);
});
afterAll(async () => {
  await worker?.close();
  await t?.close();
});

describe('the dossier of a complete application', () => {
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    pdf = (await fetchDossier(t, entry.owner, entry.appId)).pdf;
    text = await pdfText(pdf);
    if (process.env.DOSSIER_OUT) writeFileSync(process.env.DOSSIER_OUT, pdf); // to look at it
  });

  it('is a PDF with the company, every section title in Chinese and every KPI name', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(text).toContain('示例银行股份有限公司');
    for (const section of ALL_SECTIONS.filter((s) => !s.optional)) expect(text).toContain(section.title.zh);
    for (const kpi of REQUIRED_KPIS) expect(text).toContain(kpi.label.zh);
  });

  it('embeds a CJK font', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts).toMatch(/WenQuanYiZenHei\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).not.toContain('Type 3');
  });

  it('carries the entry code and the full snapshot hash on the receipt page, and a footer on every page', async () => {
    expect(text).toContain(entry.entryCode);
    expect(text).toContain(entry.sha256);
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(8);
    // sections flow instead of each starting a page: that made 22 pages, several nearly empty
    expect(pages).toBeLessThanOrEqual(18);
    expect(text).toContain(`${pages} / ${pages}`);
    expect(text.match(new RegExp(`SHA-256 ${entry.sha256.slice(0, 12)}`, 'g'))).toHaveLength(pages);
  });

  it('appends the attached PDF after the dossier', async () => {
    const pages = await pdfPageCount(pdf);
    expect(await pdfText(pdf, [pages - 1, pages])).toContain('APPENDED-SUPPORTING-DOC page 1');
  });

  it('numbers the table of contents with the pages the sections start on', async () => {
    const toc = await pdfText(pdf, [2, 2]);
    const kpiLine = toc.split('\n').find((l) => l.includes('绩效指标'))!;
    const kpiPage = Number(/(\d+)\s*$/.exec(kpiLine)![1]);
    expect(await pdfText(pdf, [kpiPage, kpiPage])).toContain('平均联系处理时间');
    // several sections now share a page: each row's number is still the page its heading is on
    for (const section of ALL_SECTIONS.filter((s) => !s.optional && s.part !== 3)) {
      const line = toc.split('\n').find((l) => l.includes(section.title.zh))!;
      const page = Number(/(\d+)\s*$/.exec(line)![1]);
      expect((await pdfText(pdf, [page, page])).replace(/\s+/g, ' ')).toContain(`${section.title.zh} ${section.title.en}`);
    }
  });

  it("prints the contact mix and the agents' education as the form's tables with their 合计 row", () => {
    const lines = text.split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
    expect(lines).toContain('合计 (%) Total (%) 100% 100%');
    expect(lines).toContain('合计 Total 400 40.9% 49.1% 7.7% 2.4%');
    expect(lines.some((l) => /^人工电话 Agent-handled calls 55% 70%$/.test(l))).toBe(true);
  });

  it('groups the KPI table by category and explains a band KPI', () => {
    expect(text).toContain('运营关键指标 Key operational indicators');
    expect(text).toContain('运营支撑指标 Operational support indicators');
    const occupancy = text
      .split('\n')
      .find((l) => l.includes('工时有效率'))!
      .replace(/\s+/g, ' ');
    expect(occupancy).toContain('80–90');
    expect(occupancy).toMatch(/达标 met 区间内$/);
  });

  it('is stored once with its SHA-256, and a second request is the same file', async () => {
    const { rows } = await t.db.query(`SELECT status, sha256, storage_key FROM dossiers WHERE snapshot_id = $1 AND variant = 'applicant'`, [
      entry.snapshotId,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('ready');
    const again = await fetchDossier(t, entry.owner, entry.appId);
    expect(again.first).toBe(200);
    expect(createHash('sha256').update(again.pdf).digest('hex')).toBe(rows[0].sha256);
  });
});

describe('rendering is isolated', () => {
  it('prints scripts, remote images, frames and template syntax in an essay as text and makes no request', async () => {
    const hits: string[] = [];
    const listener: Server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const port = (listener.address() as AddressInfo).port;
    const payload = `<script>fetch("http://127.0.0.1:${port}/s")</script> <img src="http://127.0.0.1:${port}/x"> <iframe src="file:///etc/passwd"></iframe> {{constructor}} <link rel="stylesheet" href="http://127.0.0.1:${port}/c.css">`;
    try {
      const hostile = await sealedEntry(t, {
        edit: (d) => void ((d.strategy as Record<string, unknown>).overallStrategy = `我们的战略。${payload}`),
      });
      const text = (await pdfText((await fetchDossier(t, hostile.owner, hostile.appId)).pdf)).replace(/\s+/g, ' ');
      expect(text).toContain('<script>fetch(');
      expect(text).toContain(`<img src="http://127.0.0.1:${port}/x">`);
      expect(text).toContain('<iframe src="file:///etc/passwd"></iframe>');
      expect(text).toContain('{{constructor}}');
      expect(text).not.toMatch(/root:x:0:0/);
      await new Promise((r) => setTimeout(r, 300));
      expect(hits).toEqual([]);
    } finally {
      listener.close();
    }
  });
});

describe('copies', () => {
  it('the blind judge copy names neither the company, nor its contact, nor the receipt; the staff copy does', async () => {
    const staffText = await pdfText((await fetchDossier(t, staff, entry.appId)).pdf);
    const blind = await fetchDossier(t, staff, entry.appId, '?variant=judge&blind=true');
    const blindText = await pdfText(blind.pdf);
    const identifying = [
      '示例银行股份有限公司',
      '示例银行',
      'wang.xiaomei@example-bank.com.cn',
      '王晓梅',
      '本单位同意参加本届表彰活动',
      '示例银行-总结材料.pdf',
      '组织架构图-示例银行.png',
    ];
    for (const s of identifying.slice(0, 5)) expect(staffText).toContain(s);
    for (const s of identifying) expect(blindText).not.toContain(s);
    expect(blindText).toContain(entry.entryCode);
    expect(blindText).toContain('评审专用');
    expect(blindText).toContain('For review only');
    expect(blindText).toContain('已隐去');
  });

  it('the cover names the enterprise as the form does, not the registration; the blind cover names neither', async () => {
    const renamed = await sealedEntry(t, {
      edit: (d) => void ((d.basics as { enterprise: Record<string, unknown> }).enterprise.name = '示例银行（四川）有限公司'),
    });
    const cover = (await pdfText((await fetchDossier(t, renamed.owner, renamed.appId)).pdf, [1, 1])).replace(/\s+/g, ' ');
    expect(cover).toContain('申报单位 Organisation 示例银行（四川）有限公司');
    expect(cover).not.toContain('示例银行股份有限公司');
    const blindCover = await pdfText((await fetchDossier(t, staff, renamed.appId, '?variant=judge&blind=true')).pdf, [1, 1]);
    expect(blindCover).not.toMatch(/示例银行|四川/);
    expect(blindCover).toContain(renamed.entryCode);
  });

  it('the open judge copy keeps the company and is watermarked', async () => {
    const text = await pdfText((await fetchDossier(t, staff, entry.appId, '?variant=judge&blind=false')).pdf);
    expect(text).toContain('示例银行股份有限公司');
    expect(text).toContain('评审专用');
  });

  it('applicants get their own copy only; other organisations and judges get 404; drafts 409', async () => {
    await request(t.http)
      .get(`/api/applications/${entry.appId}/dossier?variant=staff`)
      .auth(entry.owner.token, { type: 'bearer' })
      .expect(400);
    const stranger = await sealedEntry(t);
    await request(t.http).get(`/api/applications/${entry.appId}/dossier`).auth(stranger.owner.token, { type: 'bearer' }).expect(404);
    const judge = await createUser(t, 'judge');
    await request(t.http).get(`/api/applications/${entry.appId}/dossier`).auth(judge.token, { type: 'bearer' }).expect(404);
    await request(t.http)
      .post(`/api/applications/${stranger.appId}/unseal`)
      .auth(stranger.owner.token, { type: 'bearer' })
      .send({})
      .expect(200);
    const draft = await request(t.http)
      .get(`/api/applications/${stranger.appId}/dossier`)
      .auth(stranger.owner.token, { type: 'bearer' })
      .expect(409);
    expect(draft.body.details[0]).toMatchObject({ path: 'state' });
  });
});

describe('the stamped receipt', () => {
  async function receiptPage(e: SealedEntry): Promise<Buffer> {
    const pdf = (await fetchDossier(t, e.owner, e.appId)).pdf;
    const pages = await pdfPageCount(pdf);
    for (let p = pages; p >= 1; p--) if ((await pdfText(pdf, [p, p])).includes('请打印本页')) return pdfPagePng(pdf, p);
    throw new Error('no receipt page');
  }

  async function checkOf(e: SealedEntry, attachmentId: string): Promise<string> {
    for (let i = 0; i < 150; i++) {
      const list = await request(t.http).get(`/api/applications/${e.appId}/attachments`).auth(staff.token, { type: 'bearer' }).expect(200);
      const check = list.body.find((a: { id: string }) => a.id === attachmentId)?.receiptCheck;
      if (check && check !== 'pending') return check;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('receipt check did not finish');
  }

  it('a scan of the printed receipt page matches; the page of another entry does not; an unreadable scan does not block submission', async () => {
    const page = await receiptPage(entry);
    const own = await upload(t, entry.owner, entry.appId, 'stamped_receipt', page, 'scan.png');
    expect(await checkOf(entry, own.id)).toBe('matched');

    const other = await sealedEntry(t);
    const foreign = await upload(t, other.owner, other.appId, 'stamped_receipt', page, 'scan.png');
    expect(await checkOf(other, foreign.id)).toBe('different');

    const third = await sealedEntry(t);
    const blank = await upload(t, third.owner, third.appId, 'stamped_receipt', pngFile(300, 300), 'blank.png');
    expect(await checkOf(third, blank.id)).toBe('unreadable');
    await request(t.http).post(`/api/applications/${third.appId}/submit`).auth(third.owner.token, { type: 'bearer' }).send({}).expect(200);
  });
});

describe('bulk export', () => {
  it('zips every current dossier of the cycle with a manifest, with progress, for staff', async () => {
    const cycle = await createOpenCycle(t);
    const a = await sealedEntry(t, { cycle });
    const b = await sealedEntry(t, { cycle });
    const started = await request(t.http)
      .post('/api/exports/dossiers')
      .auth(staff.token, { type: 'bearer' })
      .send({ cycleId: cycle.cycleId })
      .expect(202);
    expect(started.body).toMatchObject({ status: 'queued', progress: 0 });
    let status = started.body;
    for (let i = 0; i < 300 && status.status !== 'ready' && status.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await request(t.http).get(`/api/exports/${started.body.id}`).auth(staff.token, { type: 'bearer' }).expect(200)).body;
    }
    expect(status).toMatchObject({ status: 'ready', total: 2, done: 2, progress: 100 });
    const link = await request(t.http).get(`/api/exports/${started.body.id}/download`).auth(staff.token, { type: 'bearer' }).expect(302);
    const zip = Buffer.from(await (await fetch(link.headers.location)).arrayBuffer());
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.length).toBe(status.size);
    for (const name of [`${a.entryCode}.pdf`, `${b.entryCode}.pdf`, 'manifest.csv']) expect(zip.includes(Buffer.from(name))).toBe(true);

    await request(t.http)
      .post('/api/exports/dossiers')
      .auth(a.owner.token, { type: 'bearer' })
      .send({ cycleId: cycle.cycleId })
      .expect(403);
    await request(t.http).post('/api/exports/dossiers').auth(staff.token, { type: 'bearer' }).send({ cycleId: 'nope' }).expect(400);
  });
});

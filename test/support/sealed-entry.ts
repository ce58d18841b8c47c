/**
 * Entries with real files in the object store, sealed over HTTP, and their dossiers: for tests
 * that read what the worker renders.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { completeApplication } from '../fixtures/complete-application';
import { createApplication, createOpenCycle, registerApplicant, type Account, type OpenCycle } from './factories';
import { pngFile, readablePdf } from './sample-files';
import type { TestApp } from './test-app';

export const run = promisify(execFile);

export async function upload(
  t: TestApp,
  who: Account,
  appId: string,
  kind: string,
  bytes: Buffer,
  name: string,
): Promise<{ id: string; sha256: string }> {
  const res = await request(t.http)
    .post(`/api/applications/${appId}/attachments`)
    .auth(who.token, { type: 'bearer' })
    .field('kind', kind)
    .attach('file', bytes, name);
  if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface SealedEntry {
  owner: Account & { organisationId: string };
  appId: string;
  entryCode: string;
  snapshotId: string;
  sha256: string;
  cycle: OpenCycle;
}

/** A complete entry (the fixture, with `edit` applied) with a PNG org chart, a photo and a PDF, sealed. */
export async function sealedEntry(
  t: TestApp,
  opts: {
    cycle?: OpenCycle;
    edit?: (data: ReturnType<typeof completeApplication>) => void;
    /** instead of the readable sample PDF */ supportingPdf?: Buffer;
  } = {},
): Promise<SealedEntry> {
  const cycle = opts.cycle ?? (await createOpenCycle(t));
  const owner = await registerApplicant(t, '示例银行股份有限公司');
  const app = await createApplication(t, owner, cycle);
  const orgChart = await upload(t, owner, app.id, 'org_chart', pngFile(120, 80), '组织架构图-示例银行.png');
  const photo = await upload(t, owner, app.id, 'layout_photo', pngFile(160, 90), '现场布局.png');
  const pdf = await upload(
    t,
    owner,
    app.id,
    'supporting_doc',
    opts.supportingPdf ?? (await readablePdf('APPENDED-SUPPORTING-DOC')),
    '示例银行-总结材料.pdf',
  );
  const data = completeApplication({ orgChart: [orgChart.id], layoutPhotos: [photo.id] });
  (data.highlights as Record<string, unknown>).summaryMaterials = [pdf.id];
  opts.edit?.(data);
  for (const [key, section] of Object.entries(data)) {
    await request(t.http)
      .put(`/api/applications/${app.id}/sections/${key}`)
      .auth(owner.token, { type: 'bearer' })
      .set('If-Match', '"1"')
      .send(section)
      .expect(200);
  }
  const sealed = await request(t.http).post(`/api/applications/${app.id}/seal`).auth(owner.token, { type: 'bearer' }).send({}).expect(200);
  const { rows } = await t.db.query('SELECT entry_code FROM applications WHERE id = $1', [app.id]);
  return { owner, appId: app.id, entryCode: rows[0].entry_code, snapshotId: sealed.body.snapshotId, sha256: sealed.body.sha256, cycle };
}

/** Polls the dossier route until the PDF is there (202 + Retry-After meanwhile). */
export async function fetchDossier(
  t: TestApp,
  who: Account,
  appId: string,
  query = '',
  timeoutMs = 60_000,
): Promise<{ pdf: Buffer; first: number; sawPending: boolean }> {
  const until = Date.now() + timeoutMs;
  let first = 0;
  let sawPending = false;
  for (;;) {
    const res = await request(t.http)
      .get(`/api/applications/${appId}/dossier${query}`)
      .auth(who.token, { type: 'bearer' })
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    first ||= res.status;
    if (res.status === 200) return { pdf: res.body as Buffer, first, sawPending };
    if (res.status !== 202) throw new Error(`dossier: ${res.status} ${res.body.toString()}`);
    expect(res.headers['retry-after']).toBeDefined();
    sawPending = true;
    if (Date.now() > until) throw new Error(`dossier not ready after ${timeoutMs} ms: ${res.body.toString()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** pdftotext / pdffonts / pdftoppm over a PDF in memory. */
export async function withPdfFile<T>(pdf: Buffer, fn: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'topten-test-pdf-'));
  try {
    await writeFile(join(dir, 'd.pdf'), pdf);
    return await fn(join(dir, 'd.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const pdfText = (pdf: Buffer, pages?: [number, number]) =>
  withPdfFile(
    pdf,
    async (f) =>
      (
        await run('pdftotext', [...(pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : []), '-layout', f, '-'], {
          maxBuffer: 64 << 20,
        })
      ).stdout,
  );

export const pdfFonts = (pdf: Buffer) => withPdfFile(pdf, async (f) => (await run('pdffonts', [f])).stdout);

export const pdfPageCount = (pdf: Buffer) =>
  withPdfFile(pdf, async (f) => Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [f])).stdout)![1]));

/** One page as a PNG, as a scanner would deliver it. */
export const pdfPagePng = (pdf: Buffer, page: number, dpi = 150) =>
  withPdfFile(pdf, async (f) => {
    await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-png', '-singlefile', f, `${f}.page`]);
    return readFile(`${f}.page.png`);
  });

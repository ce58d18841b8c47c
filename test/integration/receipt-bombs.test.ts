import { PNG } from 'pngjs';
/**
 * Decompression bombs against the stamped-receipt QR check, run by the real worker as its own
 * process: every file is either refused at upload (413/415/409) or ends `unreadable`, and the
 * worker's peak resident set stays under 300 MB. The files are made here: PNGs whose few hundred
 * kilobytes inflate to hundreds of megapixels, JPEG frame headers claiming huge sizes, PDFs with
 * huge pages (and a UserUnit), a PDF of thousands of pages — and the same bombs stored as they
 * were before uploads were checked, which the worker must refuse to decode on its own.
 */
import type { ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createDeflate, crc32, deflateSync } from 'node:zlib';
import { Queue } from 'bullmq';
import jpeg from 'jpeg-js';
import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import QRCode from 'qrcode';
import request from 'supertest';
import { DOSSIERS_QUEUE, DossierJob } from '../../src/infra/queue/queues';
import { StorageService } from '../../src/infra/storage/storage.service';
import { createApplication, createOpenCycle, registerApplicant, type Account } from '../support/factories';
import { pngFile } from '../support/sample-files';
import { startTestApp, type TestApp } from '../support/test-app';
import { processMemory, spawnTestWorker } from '../support/test-worker';

jest.setTimeout(420_000);

const MB = 1024 * 1024;
let t: TestApp;
let worker: ChildProcess;

beforeAll(async () => {
  t = await startTestApp();
  worker = await spawnTestWorker(t);
});
afterAll(async () => {
  if (worker?.exitCode === null) worker.kill('SIGKILL');
  await t?.close();
});

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}

/** A real greyscale PNG of w × h black pixels: h·(w+1) bytes of zeros, deflated ~1000:1 as it is made. */
async function pngBomb(w: number, h: number, opts: { idat?: Buffer } = {}): Promise<Buffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  let idat = opts.idat;
  if (!idat) {
    const row = Buffer.alloc(w + 1);
    const parts: Buffer[] = [];
    const rows = function* () {
      for (let y = 0; y < h; y++) yield row;
    };
    for await (const d of Readable.from(rows()).pipe(createDeflate({ level: 9 }))) parts.push(d as Buffer);
    idat = Buffer.concat(parts);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small real JPEG whose frame header is rewritten to claim w × h. */
function jpegBomb(w: number, h: number): Buffer {
  const small = Buffer.from(jpeg.encode({ data: Buffer.alloc(16 * 16 * 4, 200), width: 16, height: 16 }, 90).data);
  for (let i = 2; i < small.length;) {
    const marker = small[i + 1];
    if (marker === 0xc0 || marker === 0xc2) {
      small.writeUInt16BE(h, i + 5);
      small.writeUInt16BE(w, i + 7);
      return small;
    }
    i += 2 + small.readUInt16BE(i + 2);
  }
  throw new Error('no SOF');
}

async function pdfWithPages(size: [number, number], pages = 1, userUnit?: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage(size);
    if (userUnit) page.node.set(PDFName.of('UserUnit'), PDFNumber.of(userUnit));
  }
  return Buffer.from(await doc.save());
}

async function sealedApplication(): Promise<{ owner: Account; appId: string }> {
  const owner = await registerApplicant(t);
  const appId = (await createApplication(t, owner, await createOpenCycle(t))).id;
  await t.db.query(`UPDATE applications SET state = 'sealed' WHERE id = $1`, [appId]);
  return { owner, appId };
}

const uploadReceipt = (who: Account, appId: string, bytes: Buffer, name: string) =>
  request(t.http)
    .post(`/api/applications/${appId}/attachments`)
    .auth(who.token, { type: 'bearer' })
    .field('kind', 'stamped_receipt')
    .attach('file', bytes, name);

it('bombs are refused at upload or end unreadable, and the worker stays under 300 MB', async () => {
  const pid = worker.pid!;
  await new Promise((r) => setTimeout(r, 1500)); // let start-up settle, then measure from here
  processMemory.resetPeak(pid);
  const idle = processMemory.rss(pid);

  const tinyIdat = deflateSync(Buffer.alloc(64));
  const corpus: Array<[string, Buffer, number[]]> = [
    // [what, bytes, acceptable upload statuses]
    ['PNG claiming 100000 × 100000', await pngBomb(100_000, 100_000, { idat: tinyIdat }), [413]],
    ['PNG 6000 × 6000 of zeros (36 MP, ~40 KB)', await pngBomb(6000, 6000), [201]],
    ['PNG 4000 × 4000 of zeros (decoded, in the bounded child)', await pngBomb(4000, 4000), [201]],
    ['JPEG claiming 65535 × 65535', jpegBomb(65535, 65535), [413]],
    ['JPEG claiming 6000 × 5000', jpegBomb(6000, 5000), [201]],
    ['JPEG claiming 3000 × 3000 (decoded, in the bounded child)', jpegBomb(3000, 3000), [201]],
    ['PDF page 14400 × 14400 pt', await pdfWithPages([14400, 14400]), [201]],
    ['PDF page 14400 pt with UserUnit 75000', await pdfWithPages([14400, 14400], 1, 75000), [201]],
    ['PDF page 1e7 × 1e7 pt', await pdfWithPages([1e7, 1e7]), [201, 415]],
    ['PDF of 3000 huge pages', await pdfWithPages([14400, 14400], 3000), [201]],
  ];
  const { owner, appId } = await sealedApplication();
  const accepted: string[] = [];
  for (const [what, bytes, statuses] of corpus) {
    const res = await uploadReceipt(owner, appId, bytes, 'receipt.bin');
    if (!statuses.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.status === 201) accepted.push(res.body.id);
    else expect(res.body.details[0].path).toBe('file');
  }
  // many receipts: the eleventh live one is refused
  const many = await sealedApplication();
  for (let i = 0; i < 10; i++)
    accepted.push((await uploadReceipt(many.owner, many.appId, pngFile(300, 300), `r${i}.png`).expect(201)).body.id);
  expect((await uploadReceipt(many.owner, many.appId, pngFile(300, 300), 'r10.png').expect(409)).body.code).toBe('too_many_receipts');

  // the same bombs stored as they were before uploads were checked: the worker must not decode them either
  const storage = t.app.get(StorageService);
  const queue = new Queue(DOSSIERS_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
  const legacy: Array<[Buffer, string]> = [
    [await pngBomb(100_000, 100_000, { idat: tinyIdat }), 'image/png'],
    [await pngBomb(16_000, 16_000), 'image/png'], // 256 MP, ~250 KB: the 929 MB PNG, and then some
    [jpegBomb(65535, 65535), 'image/jpeg'],
    [await pdfWithPages([14400, 14400]), 'application/pdf'],
  ];
  const legacyApp = await sealedApplication();
  for (const [bytes, type] of legacy) {
    const id = randomUUID();
    const key = `applications/${legacyApp.appId}/attachments/${id}`;
    await storage.putBuffer(key, bytes, type);
    await t.db.query(
      `INSERT INTO attachments (id, application_id, kind, storage_key, size, sha256, content_type, original_name, uploaded_by, receipt_check)
       VALUES ($1, $2, 'stamped_receipt', $3, $4, $5, $6, 'legacy', $7, 'pending')`,
      [id, legacyApp.appId, key, bytes.length, createHash('sha256').update(bytes).digest('hex'), type, legacyApp.owner.userId],
    );
    await queue.add(DossierJob.receiptCheck, { attachmentId: id }, { jobId: `receipt_${id}` });
    accepted.push(id);
  }
  await queue.close();

  // controls in the same run: a QR code as a PNG, as a JPEG and on a PDF page is found (`different`:
  // these entries have no snapshot to match), so `unreadable` above is not what everything gets
  const qr = await QRCode.toBuffer('TOPTEN1|CONTROL|0000', { type: 'png', width: 360, margin: 4 });
  const qrJpeg = (() => {
    const img = PNG.sync.read(qr);
    return Buffer.from(jpeg.encode({ data: img.data, width: img.width, height: img.height }, 90).data);
  })();
  const onPage = await PDFDocument.create();
  onPage.addPage([595, 842]).drawImage(await onPage.embedPng(qr), { x: 400, y: 640, width: 108, height: 108 });
  const controls = await sealedApplication();
  const controlIds: string[] = [];
  for (const [bytes, name] of [
    [qr, 'qr.png'],
    [qrJpeg, 'qr.jpg'],
    [Buffer.from(await onPage.save()), 'qr.pdf'],
  ] as const) {
    controlIds.push((await uploadReceipt(controls.owner, controls.appId, bytes, name).expect(201)).body.id);
  }

  const until = Date.now() + 360_000;
  let rows: Array<{ id: string; content_type: string; receipt_check: string }>;
  for (;;) {
    rows = (
      await t.db.query('SELECT id, content_type, receipt_check FROM attachments WHERE id = ANY($1::uuid[])', [[...accepted, ...controlIds]])
    ).rows;
    if (rows.every((r) => r.receipt_check !== 'pending')) break;
    if (Date.now() > until) throw new Error(`checks still pending: ${JSON.stringify(rows.filter((r) => r.receipt_check === 'pending'))}`);
    expect(worker.exitCode).toBeNull();
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(rows).toHaveLength(accepted.length + controlIds.length);
  expect(rows.filter((r) => accepted.includes(r.id) && r.receipt_check !== 'unreadable')).toEqual([]);
  expect(
    rows
      .filter((r) => controlIds.includes(r.id))
      .map((r) => [r.content_type, r.receipt_check])
      .sort(),
  ).toEqual([
    ['application/pdf', 'different'],
    ['image/jpeg', 'different'],
    ['image/png', 'different'],
  ]);

  expect(worker.exitCode).toBeNull();
  const peak = processMemory.peak(pid);
  console.log(`worker: idle ${(idle / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB over ${accepted.length} receipt checks`);
  expect(peak).toBeLessThan(300 * MB);
});

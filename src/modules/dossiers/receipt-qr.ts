/**
 * Reading the QR code on an uploaded scan or photo of the stamped receipt page — bounded, since
 * the file is the applicant's. Nothing is decoded before its dimensions are known: PNG and JPEG
 * headers are walked first and an image that would cost more than `RECEIPT_LIMITS.decodeBytes`
 * is not decoded at all; a PDF's first page size is read with `pdfinfo` and the page is
 * rasterised by `pdftoppm` at exactly the pixel size chosen for it (at most `rasterPixels`). Every
 * program runs as a child with a time limit and a memory ceiling (pdfinfo/pdftoppm under RLIMIT_AS,
 * the Node decoder under a sampled RSS ceiling), one at a time per worker process.
 */
import { Logger } from '@nestjs/common';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { BoundedChildError, Gate, nodeModuleCommand, runBounded } from '../../infra/process/bounded-child';
import { bufferSource, DamagedFile, decodeCost, imageHeader } from '../attachments/image-structure';

const MB = 1024 * 1024;

export const RECEIPT_LIMITS = {
  /** Images costing more than this to decode are reported unreadable (a 12 MP phone photo fits, ~16 MP at 4:2:0). */
  decodeBytes: 360 * MB,
  /** The decoding child is killed beyond this resident set, or after `childTimeoutMs`. */
  childRssBytes: 448 * MB,
  childTimeoutMs: 30_000,
  /** A PDF page is rasterised at 150 dpi, or less when that would exceed this many pixels. */
  rasterPixels: 12_000_000,
  pdfDpi: 150,
  /** Below this a QR code 38 mm wide cannot be read: the page is not rasterised at all. */
  minDpi: 40,
  /** pdfinfo / pdftoppm: address space, CPU seconds, wall time. */
  popplerBytes: 768 * MB,
  popplerCpuSeconds: 20,
  popplerTimeoutMs: 30_000,
};

const CHILD = join(__dirname, `receipt-qr.child${extname(__filename)}`);
const gate = new Gate(1);
const log = new Logger('ReceiptQr');

/** A limit hit is the file's doing (unreadable); a program that cannot start is ours to hear about. */
function unreadable(e: BoundedChildError): null {
  if (/ENOENT|EACCES/.test(e.message)) log.error(`receipt check cannot run: ${e.message}`);
  else log.warn(`receipt check gave up: ${e.message}`);
  return null;
}

/** The QR payload found on the image, or null when there is none that can be read (or it is too big to try). */
export function readQrCode(bytes: Buffer, contentType: string): Promise<string | null> {
  return gate.run(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'topten-qr-'));
    try {
      let image = join(dir, 'in');
      let type = contentType;
      await writeFile(image, bytes);
      if (contentType === 'application/pdf') {
        const page = await rasterisePdfPage(image, join(dir, 'page'));
        if (!page) return null;
        [image, type] = [page, 'image/png'];
      }
      if (type !== 'image/png' && type !== 'image/jpeg') return null;
      const header = await imageHeader(bufferSource(image === join(dir, 'in') ? bytes : await readFile(image)), type).catch((e) => {
        if (e instanceof DamagedFile) return null;
        throw e;
      });
      if (!header || decodeCost(header) > RECEIPT_LIMITS.decodeBytes) return null;
      const { file, args } = nodeModuleCommand(CHILD, 64);
      const { stdout } = await runBounded(file, [...args, image, type, String(Math.floor(RECEIPT_LIMITS.decodeBytes / MB))], {
        timeoutMs: RECEIPT_LIMITS.childTimeoutMs,
        maxRssBytes: RECEIPT_LIMITS.childRssBytes,
      });
      return (JSON.parse(stdout.trim()) as { found: string | null }).found;
    } catch (e) {
      if (e instanceof BoundedChildError) return unreadable(e); // killed, or the decoder gave up
      throw e;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/** Page 1 of the PDF as a PNG at a size chosen from its MediaBox; null when it is too large to be worth it or poppler fails. */
async function rasterisePdfPage(pdf: string, outBase: string): Promise<string | null> {
  const limits = {
    timeoutMs: RECEIPT_LIMITS.popplerTimeoutMs,
    maxRssBytes: RECEIPT_LIMITS.popplerBytes,
    addressSpaceBytes: RECEIPT_LIMITS.popplerBytes,
    cpuSeconds: RECEIPT_LIMITS.popplerCpuSeconds,
  };
  try {
    const info = (await runBounded('pdfinfo', ['-f', '1', '-l', '1', '-box', pdf], limits)).stdout;
    const box = /Page\s+1 MediaBox:\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)/.exec(info);
    if (!box) return null;
    const [x0, y0, x1, y1] = box.slice(1).map(Number);
    let [w, h] = [Math.abs(x1 - x0) / 72, Math.abs(y1 - y0) / 72]; // inches
    if (!(w > 0 && h > 0 && Number.isFinite(w * h))) return null;
    if (/Page\s+1 rot:\s+(90|270)\b/.test(info)) [w, h] = [h, w];
    const dpi = Math.min(RECEIPT_LIMITS.pdfDpi, Math.sqrt(RECEIPT_LIMITS.rasterPixels / (w * h)));
    if (dpi < RECEIPT_LIMITS.minDpi) return null;
    // both dimensions given: pdftoppm draws exactly this many pixels whatever UserUnit or rotation say
    const [px, py] = [Math.max(1, Math.floor(w * dpi)), Math.max(1, Math.floor(h * dpi))];
    await runBounded(
      'pdftoppm',
      ['-f', '1', '-l', '1', '-scale-to-x', String(px), '-scale-to-y', String(py), '-png', '-singlefile', pdf, outBase],
      limits,
    );
    return `${outBase}.png`;
  } catch (e) {
    if (e instanceof BoundedChildError) return unreadable(e);
    throw e;
  }
}

/**
 * Reading the QR code on an uploaded scan or photo of the stamped receipt page. PDFs are
 * rasterised with poppler's `pdftoppm` (first page); PNG and JPEG are decoded in-process.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

interface Bitmap {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The QR payload found on the image, or null when there is none that can be read. */
export async function readQrCode(bytes: Buffer, contentType: string): Promise<string | null> {
  const bitmap = await decodeImage(bytes, contentType).catch(() => null);
  if (!bitmap) return null;
  const found = jsQR(bitmap.data, bitmap.width, bitmap.height, { inversionAttempts: 'dontInvert' });
  if (found) return found.data;
  // large noisy photos read better at half size
  if (bitmap.width > 1600) return jsQR(...halve(bitmap), { inversionAttempts: 'attemptBoth' })?.data ?? null;
  return null;
}

async function decodeImage(bytes: Buffer, contentType: string): Promise<Bitmap | null> {
  if (contentType === 'image/png') return rgba(PNG.sync.read(bytes));
  if (contentType === 'image/jpeg') return rgba(jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 512 }));
  if (contentType === 'application/pdf') return rgba(PNG.sync.read(await rasterisePdfPage(bytes)));
  return null;
}

const rgba = (img: { data: Uint8Array | Buffer; width: number; height: number }): Bitmap => ({
  data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength),
  width: img.width,
  height: img.height,
});

/** First page at 150 dpi: enough for a QR code printed 38 mm wide. */
export async function rasterisePdfPage(pdf: Buffer, page = 1, dpi = 150): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'topten-qr-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await promisify(execFile)('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-png', '-singlefile', join(dir, 'in.pdf'), join(dir, 'out')], { timeout: 30_000 });
    return await readFile(join(dir, 'out.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function halve(b: Bitmap): [Uint8ClampedArray, number, number] {
  const w = Math.floor(b.width / 2);
  const h = Math.floor(b.height / 2);
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      for (let c = 0; c < 4; c++) {
        const i = (y * 2 * b.width + x * 2) * 4 + c;
        out[o + c] = (b.data[i] + b.data[i + 4] + b.data[i + b.width * 4] + b.data[i + b.width * 4 + 4]) >> 2;
      }
    }
  }
  return [out, w, h];
}

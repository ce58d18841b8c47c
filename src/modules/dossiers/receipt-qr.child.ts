/**
 * Child process (see receipt-qr.ts): decode one PNG or JPEG and look for a QR code. Runs under a
 * memory ceiling and a time limit: the decoders and jsQR allocate in proportion to the pixels and
 * jsQR's time grows with how noisy the picture is. Prints one line of JSON.
 */
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

interface Bitmap {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** jsQR's memory and time grow with the pixels it scans: a receipt QR needs far fewer than a photo has. */
const SCAN_PIXELS = 4_000_000;

function main(): void {
  const [path, contentType, jpegMb] = process.argv.slice(2);
  const bytes = readFileSync(path);
  const img =
    contentType === 'image/png'
      ? PNG.sync.read(bytes)
      : jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: Number(jpegMb), maxResolutionInMP: 100 });
  let bitmap: Bitmap = {
    data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength),
    width: img.width,
    height: img.height,
  };
  const factor = Math.ceil(Math.sqrt((bitmap.width * bitmap.height) / SCAN_PIXELS));
  if (factor > 1) bitmap = shrink(bitmap, factor);
  let found = jsQR(bitmap.data, bitmap.width, bitmap.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  // large noisy photos read better at half size
  if (!found && bitmap.width > 1600) {
    const half = shrink(bitmap, 2);
    found = jsQR(half.data, half.width, half.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
  }
  process.stdout.write(`${JSON.stringify({ found })}\n`);
}

/** Box filter by an integer factor. */
function shrink(b: Bitmap, k: number): Bitmap {
  const w = Math.max(1, Math.floor(b.width / k));
  const h = Math.max(1, Math.floor(b.height / k));
  const out = new Uint8ClampedArray(w * h * 4);
  const n = k * k;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < k; dy++) {
          const row = ((y * k + dy) * b.width + x * k) * 4 + c;
          for (let dx = 0; dx < k; dx++) sum += b.data[row + dx * 4];
        }
        out[(y * w + x) * 4 + c] = sum / n;
      }
    }
  }
  return { data: out, width: w, height: h };
}

main();

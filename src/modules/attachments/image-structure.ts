/**
 * Walking an image's container structure without decoding a pixel: PNG chunks, JPEG markers,
 * WebP RIFF chunks. Gives the dimensions (to refuse a decompression bomb before anything decodes
 * it) and refuses what only starts like an image (a PNG signature followed by HTML, say).
 * Reads by position, so a 20 MB upload is walked from its spool file a block at a time.
 */
import type { FileHandle } from 'node:fs/promises';

export interface ImageHeader {
  width: number;
  height: number;
  /** PNG: bytes the inflated scanlines take; JPEG: components and their sampling. */
  detail: { bitsPerPixel?: number; components?: Array<{ h: number; v: number }> };
}

/** The file is not the structure its first bytes claim. */
export class DamagedFile extends Error {}

export interface ByteSource {
  size: number;
  read(position: number, length: number): Promise<Buffer>;
}

export const bufferSource = (b: Buffer): ByteSource => ({ size: b.length, read: async (p, n) => b.subarray(p, Math.min(b.length, p + n)) });

export const fileSource = (fh: FileHandle, size: number): ByteSource => ({
  size,
  async read(position, length) {
    const n = Math.max(0, Math.min(length, size - position));
    const buf = Buffer.alloc(n);
    if (n) await fh.read(buf, 0, n, position);
    return buf;
  },
});

const damaged = (why: string): never => {
  throw new DamagedFile(why);
};

async function exactly(src: ByteSource, at: number, n: number): Promise<Buffer> {
  if (at + n > src.size) damaged('truncated');
  return src.read(at, n);
}

export async function imageHeader(src: ByteSource, mime: string): Promise<ImageHeader> {
  if (mime === 'image/png') return walkPng(src);
  if (mime === 'image/jpeg') return walkJpeg(src);
  if (mime === 'image/webp') return walkWebp(src);
  return damaged(`not an image type: ${mime}`);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Allowed bit depths per colour type (PNG spec table 11.1) and channels. */
const PNG_TYPES: Record<number, { depths: number[]; channels: number }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1 },
  2: { depths: [8, 16], channels: 3 },
  3: { depths: [1, 2, 4, 8], channels: 1 },
  4: { depths: [8, 16], channels: 2 },
  6: { depths: [8, 16], channels: 4 },
};

/** Signature, IHDR first and valid, chunk types and lengths that add up, IDAT, IEND at the very end. */
async function walkPng(src: ByteSource): Promise<ImageHeader> {
  if (!(await exactly(src, 0, 8)).equals(PNG_SIGNATURE)) damaged('PNG signature');
  let at = 8;
  let header: ImageHeader | undefined;
  let colorType = -1;
  let sawPalette = false;
  let sawData = false;
  for (;;) {
    const h = await exactly(src, at, 8);
    const length = h.readUInt32BE(0);
    const type = h.toString('latin1', 4, 8);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) damaged(`PNG chunk at ${at}`);
    if (at + 12 + length > src.size) damaged('PNG truncated');
    if (!header && type !== 'IHDR') damaged('PNG: IHDR must come first');
    if (type === 'IHDR') {
      if (header || length !== 13) damaged('PNG IHDR');
      const d = await exactly(src, at + 8, 13);
      const width = d.readUInt32BE(0);
      const height = d.readUInt32BE(4);
      const [depth, ct, compression, filter, interlace] = [d[8], d[9], d[10], d[11], d[12]];
      const kind = PNG_TYPES[ct];
      if (
        !width ||
        !height ||
        width > 0x7fffffff ||
        height > 0x7fffffff ||
        !kind?.depths.includes(depth) ||
        compression ||
        filter ||
        interlace > 1
      )
        damaged('PNG IHDR values');
      colorType = ct;
      header = { width, height, detail: { bitsPerPixel: depth * kind.channels } };
    } else if (type === 'PLTE') sawPalette = true;
    else if (type === 'IDAT') {
      if (colorType === 3 && !sawPalette) damaged('PNG: palette image without PLTE');
      if (!sawData) {
        // the zlib stream's header: deflate, and the check bits
        const z = await exactly(src, at + 8, Math.min(2, length));
        if (z.length < 2 || (z[0] & 0x0f) !== 8 || ((z[0] << 8) | z[1]) % 31 !== 0) damaged('PNG: IDAT is not a zlib stream');
      }
      sawData = true;
    } else if (type === 'IEND') {
      if (length !== 0 || !sawData) damaged('PNG IEND');
      // nothing may follow: a PNG with a document glued after it is not what it says
      if (at + 12 !== src.size) damaged('PNG: bytes after IEND');
      return header!;
    }
    at += 12 + length;
  }
}

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * SOI, then marker segments whose lengths add up, a frame header (SOFn) before the first scan,
 * entropy-coded data scanned for the next marker, up to EOI. Bytes after EOI are allowed: phones
 * append motion-photo video there.
 */
async function walkJpeg(src: ByteSource): Promise<ImageHeader> {
  const soi = await exactly(src, 0, 2);
  if (soi[0] !== 0xff || soi[1] !== 0xd8) damaged('JPEG SOI');
  let at = 2;
  let header: ImageHeader | undefined;
  for (;;) {
    const m = await exactly(src, at, 2);
    if (m[0] !== 0xff) damaged(`JPEG: no marker at ${at}`);
    const marker = m[1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return header ?? damaged('JPEG: EOI before any image');
    if (marker === 0x00 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01)
      damaged(`JPEG: marker ${marker.toString(16)} out of place`);
    if (marker < 0xc0) damaged(`JPEG: invalid marker ${marker.toString(16)}`);
    const length = (await exactly(src, at + 2, 2)).readUInt16BE(0);
    if (length < 2 || at + 2 + length > src.size) damaged('JPEG segment length');
    if (isSof(marker)) {
      if (header) damaged('JPEG: second frame header');
      const d = await exactly(src, at + 4, length - 2);
      const height = d.length >= 6 ? d.readUInt16BE(1) : 0;
      const width = d.length >= 6 ? d.readUInt16BE(3) : 0;
      const n = d[5];
      if (!width || !height || !n || n > 4 || d.length < 6 + 3 * n) damaged('JPEG frame header');
      const components = Array.from({ length: n }, (_, i) => ({ h: d[7 + 3 * i] >> 4, v: d[7 + 3 * i] & 0x0f }));
      if (components.some((c) => c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4)) damaged('JPEG sampling factors');
      header = { width, height, detail: { components } };
    }
    at += 2 + length;
    if (marker === 0xda) {
      if (!header) damaged('JPEG: scan before frame header');
      at = await skipEntropyData(src, at);
    }
  }
}

/** From the first byte after a scan header to the next marker (0xFF not followed by 00 or RSTn). */
async function skipEntropyData(src: ByteSource, at: number): Promise<number> {
  const BLOCK = 64 * 1024;
  while (at < src.size) {
    const block = await src.read(at, BLOCK + 1);
    let i = 0;
    for (;;) {
      i = block.indexOf(0xff, i);
      if (i < 0 || i + 1 >= block.length) break;
      const next = block[i + 1];
      if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) return at + i;
      i += next === 0xff ? 1 : 2;
    }
    if (block.length <= 1) break;
    at += Math.min(BLOCK, block.length - 1);
  }
  return damaged('JPEG: no EOI');
}

/** RIFF size matching the file, chunks that add up, a VP8/VP8L/VP8X first chunk with its dimensions. */
async function walkWebp(src: ByteSource): Promise<ImageHeader> {
  const h = await exactly(src, 0, 12);
  if (h.toString('latin1', 0, 4) !== 'RIFF' || h.toString('latin1', 8, 12) !== 'WEBP') damaged('WebP header');
  const end = 8 + h.readUInt32LE(4);
  if (end !== src.size) damaged('WebP: RIFF size does not match the file');
  let at = 12;
  let header: ImageHeader | undefined;
  let sawImage = false;
  while (at < end) {
    const c = await exactly(src, at, 8);
    const type = c.toString('latin1', 0, 4);
    const length = c.readUInt32LE(4);
    if (!/^[A-Z0-9 ]{4}$/i.test(type) || at + 8 + length > end) damaged(`WebP chunk at ${at}`);
    const d = await exactly(src, at + 8, Math.min(length, 10));
    if (!header) {
      if (type === 'VP8 ') {
        if (d.length < 10 || d[3] !== 0x9d || d[4] !== 0x01 || d[5] !== 0x2a) damaged('WebP VP8 frame');
        header = { width: d.readUInt16LE(6) & 0x3fff, height: d.readUInt16LE(8) & 0x3fff, detail: {} };
      } else if (type === 'VP8L') {
        if (d.length < 5 || d[0] !== 0x2f) damaged('WebP VP8L');
        header = { width: 1 + (d[1] | ((d[2] & 0x3f) << 8)), height: 1 + ((d[2] >> 6) | (d[3] << 2) | ((d[4] & 0x0f) << 10)), detail: {} };
      } else if (type === 'VP8X') {
        if (d.length < 10) damaged('WebP VP8X');
        header = { width: 1 + d.readUIntLE(4, 3), height: 1 + d.readUIntLE(7, 3), detail: {} };
      } else return damaged('WebP: first chunk is not an image');
      if (!header.width || !header.height) damaged('WebP dimensions');
    }
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') sawImage = true;
    at += 8 + length + (length & 1);
  }
  if (!sawImage || at !== end) damaged('WebP: no image data');
  return header!;
}

/**
 * What decoding to RGBA costs, in bytes, as measured with the decoders used here (pngjs: the
 * inflated scanlines and the bitmap, ~16 B/pixel for RGB; jpeg-js: 16-bit coefficients, samples
 * and two output copies, all alive at once — ~36 B/pixel at 4:4:4, ~22 at 4:2:0).
 */
export function decodeCost(h: ImageHeader): number {
  const pixels = h.width * h.height;
  if (h.detail.bitsPerPixel) return pixels * 10 + 2 * Math.ceil((h.width * h.detail.bitsPerPixel) / 8 + 1) * h.height;
  if (h.detail.components) {
    const hMax = Math.max(...h.detail.components.map((c) => c.h));
    const vMax = Math.max(...h.detail.components.map((c) => c.v));
    const share = h.detail.components.reduce((s, c) => s + (c.h * c.v) / (hMax * vMax), 0);
    return Math.ceil(pixels * (8 + 9 * share));
  }
  return pixels * 16;
}

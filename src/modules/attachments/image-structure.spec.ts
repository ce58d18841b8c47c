import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { bufferSource, DamagedFile, decodeCost, imageHeader } from './image-structure';

const png = (w: number, h: number) => PNG.sync.write(Object.assign(new PNG({ width: w, height: h }), {}));
const jpg = (w: number, h: number) => jpeg.encode({ data: Buffer.alloc(w * h * 4, 128), width: w, height: h }, 80).data;
/** A lossless WebP container around a (not decoded here) VP8L bitstream of w × h. */
function webp(w: number, h: number, extra = Buffer.alloc(0)): Buffer {
  const vp8l = Buffer.from([
    0x2f,
    (w - 1) & 0xff,
    (((w - 1) >> 8) & 0x3f) | (((h - 1) & 0x03) << 6),
    ((h - 1) >> 2) & 0xff,
    ((h - 1) >> 10) & 0x0f,
    0,
    0,
    0,
  ]);
  const chunk = Buffer.concat([Buffer.from('VP8L'), Buffer.from([vp8l.length, 0, 0, 0]), vp8l]);
  const body = Buffer.concat([Buffer.from('WEBP'), chunk]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF'), size, body, extra]);
}
const header = (b: Buffer, mime: string) => imageHeader(bufferSource(b), mime);

describe('imageHeader walks the structure and reads the dimensions', () => {
  it.each([
    ['PNG', png(33, 17), 'image/png'],
    ['JPEG', jpg(33, 17), 'image/jpeg'],
    ['WebP', webp(33, 17), 'image/webp'],
  ])('%s', async (_, bytes, mime) => expect(await header(bytes, mime)).toMatchObject({ width: 33, height: 17 }));

  it.each([
    ['PNG signature + HTML', Buffer.concat([png(1, 1).subarray(0, 8), Buffer.from('<html><script>alert(1)</script></html>')]), 'image/png'],
    ['PNG + a document after IEND', Buffer.concat([png(4, 4), Buffer.from('<html></html>')]), 'image/png'],
    ['PNG cut short', png(40, 40).subarray(0, 60), 'image/png'],
    ['JPEG SOI + text', Buffer.from('\xff\xd8\xff\xe0 this is just text, not a JPEG', 'latin1'), 'image/jpeg'],
    ['JPEG without EOI', jpg(16, 16).subarray(0, -2), 'image/jpeg'],
    ['WebP with a wrong RIFF size', webp(8, 8, Buffer.from('<html>')), 'image/webp'],
    ['RIFF/WEBP + text', Buffer.from('RIFF\x10\x00\x00\x00WEBPhello world!', 'latin1'), 'image/webp'],
  ])('%s is damaged', async (_, bytes, mime) => {
    await expect(header(bytes, mime)).rejects.toBeInstanceOf(DamagedFile);
  });

  it('a JPEG may carry bytes after EOI (motion photos)', async () => {
    expect(await header(Buffer.concat([jpg(8, 8), Buffer.from('ftypmp42…')]), 'image/jpeg')).toMatchObject({ width: 8, height: 8 });
  });

  it('reads huge claimed dimensions without decoding anything', async () => {
    const bomb = png(1, 1);
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20); // IHDR CRC is not checked: the dimensions are what counts
    const h = await header(bomb, 'image/png');
    expect(h.width * h.height).toBe(1e10);
    expect(decodeCost(h)).toBeGreaterThan(1e11);
  });
});

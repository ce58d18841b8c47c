/**
 * The second look at an upload, once it is spooled and before it is stored: the whole file must
 * be the structure its first bytes announce (a PDF that parses, an image whose chunks or markers
 * walk to the end), and an image may not claim more pixels than anything here will decode.
 */
import { open } from 'node:fs/promises';
import { DomainError } from '../../common/errors/domain-error';
import { typeName } from '../../form/attachment-types';
import { DamagedFile, fileSource, imageHeader } from './image-structure';
import { probePdf } from './pdf-probe';

/** Pixels an uploaded image may have: 40 MP (a 48 MP phone photo is refused; 8000 × 5000 is fine). */
export const MAX_IMAGE_PIXELS = 40_000_000;

const damaged = (mime: string) =>
  new DomainError('unsupported_media_type', 'unsupported_media_type', [
    { path: 'file', code: 'file_damaged', params: { type: typeName(mime) } },
  ]);

export async function checkContent(path: string, size: number, mime: string): Promise<void> {
  if (mime === 'application/pdf') {
    const probe = await probePdf(path);
    if (probe.ok) return;
    if (probe.tooComplex) throw new DomainError('payload_too_large', 'payload_too_large', [{ path: 'file', code: 'file_too_complex' }]);
    throw damaged(mime);
  }
  if (!mime.startsWith('image/')) return; // Office files: their zip entries were walked by the sniffer
  const fh = await open(path, 'r');
  try {
    const header = await imageHeader(fileSource(fh, size), mime);
    if (header.width * header.height > MAX_IMAGE_PIXELS) {
      throw new DomainError('payload_too_large', 'payload_too_large', [
        { path: 'file', code: 'image_too_large', params: { width: header.width, height: header.height, limit: MAX_IMAGE_PIXELS } },
      ]);
    }
  } catch (e) {
    throw e instanceof DamagedFile ? damaged(mime) : e;
  } finally {
    await fh.close();
  }
}

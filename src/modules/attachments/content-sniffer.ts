import { FILE_TYPES, allowedMimes } from '../../form/attachment-types';
import type { AttachmentKind } from '../../form/field-types';

/** What a file is, decided from its first bytes — never from its name or the client's header. */
export type DetectedType = { mime: string; ext: string } | null;

const detected = (t: { mime: string; ext: string }): NonNullable<DetectedType> => ({ mime: t.mime, ext: t.ext });
const [PDF, PNG, JPEG, WEBP, DOCX, XLSX, PPTX] = [
  FILE_TYPES.pdf,
  FILE_TYPES.png,
  FILE_TYPES.jpeg,
  FILE_TYPES.webp,
  FILE_TYPES.docx,
  FILE_TYPES.xlsx,
  FILE_TYPES.pptx,
].map(detected);

/** Bytes the sniffer wants before deciding (an Office file names its main part early in the zip). */
export const SNIFF_BYTES = 64 * 1024;

/** Allowed types per attachment kind (spec § Attachments), from the one declaration the file pickers read too. */
export const ALLOWED_TYPES: Record<AttachmentKind, readonly string[]> = {
  org_chart: allowedMimes('org_chart'),
  layout_photo: allowedMimes('layout_photo'),
  stamped_receipt: allowedMimes('stamped_receipt'),
  supporting_doc: allowedMimes('supporting_doc'),
};

const startsWith = (b: Buffer, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, at: number, s: string) => b.length >= at + s.length && b.toString('latin1', at, at + s.length) === s;

export function sniff(head: Buffer): DetectedType {
  if (ascii(head, 0, '%PDF-')) return PDF;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return JPEG;
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return WEBP;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return sniffOfficeZip(head);
  return null;
}

/**
 * OOXML is a zip whose entry names say what it is: walk the local file headers in the bytes we
 * have and look for [Content_Types].xml plus word/, xl/ or ppt/ parts. Macro-enabled variants
 * (vbaProject.bin) are refused.
 */
function sniffOfficeZip(head: Buffer): DetectedType {
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= head.length && head.readUInt32LE(at) === 0x04034b50) {
    const flags = head.readUInt16LE(at + 6);
    const compressed = head.readUInt32LE(at + 18);
    const nameLen = head.readUInt16LE(at + 26);
    const extraLen = head.readUInt16LE(at + 28);
    if (at + 30 + nameLen > head.length) break;
    names.push(head.toString('utf8', at + 30, at + 30 + nameLen));
    // with a data descriptor (bit 3) the size is not in the header: stop walking, use what we saw
    if (flags & 0x08) break;
    at += 30 + nameLen + extraLen + compressed;
  }
  if (!names.includes('[Content_Types].xml') && !names.some((n) => /^(word|xl|ppt)\//.test(n))) return null;
  if (names.some((n) => n.endsWith('vbaProject.bin'))) return null;
  if (names.some((n) => n.startsWith('word/'))) return DOCX;
  if (names.some((n) => n.startsWith('xl/'))) return XLSX;
  if (names.some((n) => n.startsWith('ppt/'))) return PPTX;
  return null;
}

/**
 * The original file name as harmless metadata: no path, no control or bidi characters, NFC,
 * at most 200 characters; the extension is made to match what the content is.
 */
export function sanitizeFileName(raw: string | undefined, detected: { ext: string }): string {
  let name = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  name = name
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  if (!stem) stem = 'file';
  stem = [...stem].slice(0, 200 - detected.ext.length - 1).join('');
  return `${stem}.${detected.ext}`;
}

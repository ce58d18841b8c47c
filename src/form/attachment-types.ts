/**
 * Which files each attachment kind takes (spec § Attachments), declared once: the server's
 * content check (src/modules/attachments: decided by the bytes, never the name) and the pages'
 * file pickers (`accept`, web/src/form/AttachmentField.tsx) both read this table, so a picker
 * never offers a file the server would refuse. Pure data: the web bundle imports it as it is.
 */
import type { AttachmentKind } from './field-types';

export interface FileType {
  mime: string;
  /** The extension a stored file gets (its content decides, not the uploaded name). */
  ext: string;
  /** What people call it, in messages. */
  name: string;
  /** File-name extensions a picker offers for it. */
  extensions: readonly string[];
}

export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', ext: 'pdf', name: 'PDF', extensions: ['.pdf'] },
  png: { mime: 'image/png', ext: 'png', name: 'PNG', extensions: ['.png'] },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', name: 'JPEG', extensions: ['.jpg', '.jpeg'] },
  webp: { mime: 'image/webp', ext: 'webp', name: 'WebP', extensions: ['.webp'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    name: 'DOCX',
    extensions: ['.docx'],
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', name: 'XLSX', extensions: ['.xlsx'] },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ext: 'pptx',
    name: 'PPTX',
    extensions: ['.pptx'],
  },
} as const satisfies Record<string, FileType>;

const { pdf, png, jpeg, webp, docx, xlsx, pptx } = FILE_TYPES;
const DOCUMENT_OR_IMAGE = [pdf, png, jpeg, webp];

/** Allowed types per attachment kind. */
export const KIND_TYPES: Record<AttachmentKind, readonly FileType[]> = {
  org_chart: DOCUMENT_OR_IMAGE,
  layout_photo: DOCUMENT_OR_IMAGE,
  stamped_receipt: DOCUMENT_OR_IMAGE,
  supporting_doc: [...DOCUMENT_OR_IMAGE, docx, xlsx, pptx],
};

/** The MIME types a kind allows (what the content check compares with). */
export const allowedMimes = (kind: AttachmentKind): string[] => KIND_TYPES[kind].map((t) => t.mime);

/** A file picker's `accept` for a kind: each allowed type's MIME type and extensions. */
export const acceptOf = (kind: AttachmentKind): string => KIND_TYPES[kind].flatMap((t) => [t.mime, ...t.extensions]).join(',');

/** The names of a kind's types, for messages ("PDF, PNG, JPEG, WebP"). */
export const typeNamesOf = (kind: AttachmentKind): string[] => KIND_TYPES[kind].map((t) => t.name);

/** What people call a MIME type ("PDF"); the MIME type itself when it is none of ours. */
export const typeName = (mime: string): string => Object.values(FILE_TYPES).find((t) => t.mime === mime)?.name ?? mime;

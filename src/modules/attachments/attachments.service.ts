import type { MultipartFile } from '@fastify/multipart';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Queue } from 'bullmq';
import type { Actor } from '../../common/auth/actor';
import { DomainError, notFound, validationError, wrongState } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { AttachmentKind } from '../../form/field-types';
import { Sql, type SqlRunner, type SqlTx } from '../../infra/database/sql';
import { DOSSIERS_QUEUE, DossierJob } from '../../infra/queue/queues';
import { StorageService } from '../../infra/storage/storage.service';
import { ApplicationAccessPolicy, UUID, type AccessRow } from '../applications/application-access.policy';
import { assertBeforeDeadline, type DeadlineFields } from '../applications/deadline';
import { AuditService } from '../audit/audit.service';
import { checkContent } from './content-check';
import { ALLOWED_TYPES, sanitizeFileName } from './content-sniffer';
import { UploadInspector } from './upload-inspector';

export const ATTACHMENT_KINDS = Object.keys(ALLOWED_TYPES) as AttachmentKind[];

export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  sha256: string;
  size: number;
  contentType: string;
  originalName: string | null;
  createdAt: string;
  /** Stamped receipts: whether the QR code on the scan matches the sealed snapshot. */
  receiptCheck?: 'pending' | 'matched' | 'different' | 'unreadable';
}

interface AttachmentRow {
  id: string;
  kind: AttachmentKind;
  storage_key: string;
  size: string;
  sha256: string;
  content_type: string;
  original_name: string | null;
  created_at: Date;
  receipt_check: AttachmentView['receiptCheck'] | null;
}

/** Live stamped receipts per application: each one is decoded by the worker, so their number is bounded too. */
export const MAX_LIVE_RECEIPTS = 10;

/** The state in which each kind may be added or removed: the receipt comes after sealing. */
const EDITABLE_IN: Record<AttachmentKind, string> = {
  org_chart: 'draft',
  layout_photo: 'draft',
  supporting_doc: 'draft',
  stamped_receipt: 'sealed',
};

/**
 * Files of an application. Bytes stream from the request through an inspector (type, size,
 * SHA-256) into the object store; the row is written only after the object is complete, in a
 * transaction that re-checks state and quota, so a failure at any point leaves nothing behind.
 */
/** What a browser shows itself, safely (no script): PDF and the raster images the upload accepts. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/webp']);

@Injectable()
export class AttachmentsService {
  private readonly log = new Logger(AttachmentsService.name);

  constructor(
    private readonly db: Sql,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: StorageService,
    private readonly policy: ApplicationAccessPolicy,
    private readonly audit: AuditService,
    @InjectQueue(DOSSIERS_QUEUE) private readonly jobs: Queue,
  ) {}

  /** Reads `kind` (a field before the file, or `?kind=`) and exactly one `file` part. */
  async upload(actor: Actor, applicationId: string, req: FastifyRequest, queryKind?: string): Promise<AttachmentView> {
    const access = await this.policy.writable(actor, applicationId);
    if (!req.isMultipart())
      throw new DomainError('unsupported_media_type', 'unsupported_media_type', [{ path: 'file', code: 'not_multipart' }]);
    let kind = queryKind === undefined ? undefined : parseKind(queryKind);
    let stored: AttachmentView | undefined;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          if (part.fieldname !== 'kind') throw validationError([{ path: part.fieldname, code: 'unknown_field' }]);
          kind = parseKind(String(part.value));
          continue;
        }
        if (part.fieldname !== 'file') throw validationError([{ path: part.fieldname, code: 'unknown_field' }]);
        if (stored) throw validationError([{ path: 'file', code: 'one_file' }]);
        if (!kind) throw validationError([{ path: 'kind', code: 'kind_first' }]);
        stored = await this.store(actor, access, kind, part);
      }
    } catch (e) {
      if (stored) await this.discard(stored.id);
      throw e;
    }
    if (!stored) throw validationError([{ path: kind ? 'file' : 'kind', code: kind ? 'file_required' : 'required' }]);
    return stored;
  }

  async list(actor: Actor, applicationId: string): Promise<AttachmentView[]> {
    await this.policy.readable(actor, applicationId);
    const rows = await this.db.rows<AttachmentRow>(
      `SELECT id, kind, storage_key, size, sha256, content_type, original_name, created_at, receipt_check FROM attachments
        WHERE application_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
      [applicationId],
    );
    return rows.map(view);
  }

  /**
   * A short-lived URL that downloads the file as an attachment under its sanitised name; with
   * `inline`, a PDF or an image (types sniffed from the bytes at upload) opens in the browser
   * instead — anything else (DOCX, XLSX, PPTX) is still saved.
   */
  async downloadUrl(actor: Actor, applicationId: string, attachmentId: string, inline = false): Promise<string> {
    await this.policy.readable(actor, applicationId);
    const row = await this.find(applicationId, attachmentId);
    return this.storage.signedDownloadUrl(row.storage_key, {
      fileName: row.original_name ?? `${row.id}`,
      contentType: row.content_type,
      inline: inline && INLINE_TYPES.has(row.content_type),
    });
  }

  async remove(actor: Actor, applicationId: string, attachmentId: string): Promise<void> {
    await this.policy.writable(actor, applicationId);
    const key = await this.db.transaction(async (tx) => {
      const app = await lockForFiles(tx, applicationId);
      const [row] = await tx.rows<Pick<AttachmentRow, 'id' | 'kind' | 'storage_key' | 'size' | 'sha256'>>(
        'SELECT id, kind, storage_key, size, sha256 FROM attachments WHERE id = $1 AND application_id = $2 AND deleted_at IS NULL',
        [attachmentId, applicationId],
      );
      if (!row) throw notFound();
      if (app.state !== EDITABLE_IN[row.kind]) throw wrongState(app.state);
      assertBeforeDeadline(app);
      await tx.run('UPDATE attachments SET deleted_at = now() WHERE id = $1', [row.id]);
      await this.audit.record(
        {
          action: 'attachment.delete',
          actor,
          applicationId,
          entity: 'attachment',
          entityId: row.id,
          details: { kind: row.kind, sha256: row.sha256, size: Number(row.size) },
        },
        tx,
      );
      // a sealed snapshot (even a superseded one) names this file: its bytes stay as evidence
      const [cited] = await tx.rows<unknown>(
        `SELECT 1 FROM snapshots WHERE application_id = $1 AND position($2 in canonical) > 0 LIMIT 1`,
        [applicationId, row.id],
      );
      return cited ? null : row.storage_key;
    });
    if (key) await this.storage.delete(key).catch((e) => this.log.warn(`object ${key} not deleted: ${e}`));
  }

  /** The bytes of a live attachment (for the dossier renderer and the receipt check). */
  async bytes(applicationId: string, attachmentId: string): Promise<Buffer> {
    const row = await this.find(applicationId, attachmentId);
    return this.storage.getBuffer(row.storage_key);
  }

  private async store(actor: Actor, access: AccessRow, kind: AttachmentKind, part: MultipartFile): Promise<AttachmentView> {
    if (access.state !== EDITABLE_IN[kind]) throw wrongState(access.state);
    assertBeforeDeadline(access); // before any byte is stored; checked again under the lock below
    if (kind === 'stamped_receipt') await this.assertReceiptRoom(access.id);
    const { maxFileBytes, maxApplicationBytes } = this.config.uploads;
    const remaining = maxApplicationBytes - (await this.usedBytes(access.id));
    const limit = Math.max(0, Math.min(maxFileBytes, remaining));
    const tooLarge = () =>
      limit < maxFileBytes
        ? new DomainError('payload_too_large', 'payload_too_large', [
            { path: 'file', code: 'quota_exceeded', params: { limit: maxApplicationBytes } },
          ])
        : new DomainError('payload_too_large', 'payload_too_large', [
            { path: 'file', code: 'file_too_large', params: { limit: maxFileBytes } },
          ]);

    const id = randomUUID();
    const key = `applications/${access.id}/attachments/${id}`;
    const inspector = new UploadInspector(limit, tooLarge, ALLOWED_TYPES[kind]);
    // Spooled to a temp file first: memory stays at a few chunks whatever the size, and nothing
    // reaches the store until the whole file has passed the type and size checks.
    const spool = join(tmpdir(), `topten-upload-${id}`);
    try {
      await pipeline(part.file, inspector, createWriteStream(spool, { flags: 'wx', mode: 0o600 }));
      const type = await inspector.detected;
      await checkContent(spool, inspector.bytes, type.mime);
      await this.storage.putFile(key, spool, inspector.bytes, type.mime);
      const sha256 = inspector.digest();
      const originalName = sanitizeFileName(part.filename, type);
      const row = await this.db
        .transaction(async (tx) => {
          const app = await lockForFiles(tx, access.id);
          if (app.state !== EDITABLE_IN[kind]) throw wrongState(app.state);
          assertBeforeDeadline(app);
          if ((await this.usedBytes(access.id, tx)) + inspector.bytes > maxApplicationBytes) throw tooLarge();
          if (kind === 'stamped_receipt') await this.assertReceiptRoom(access.id, tx);
          const [inserted] = await tx.rows<AttachmentRow>(
            `INSERT INTO attachments (id, application_id, kind, storage_key, size, sha256, content_type, original_name, uploaded_by, receipt_check)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           RETURNING id, kind, storage_key, size, sha256, content_type, original_name, created_at, receipt_check`,
            [
              id,
              access.id,
              kind,
              key,
              inspector.bytes,
              sha256,
              type.mime,
              originalName,
              actor.userId,
              kind === 'stamped_receipt' ? 'pending' : null,
            ],
          );
          await this.audit.record(
            {
              action: 'attachment.upload',
              actor,
              applicationId: access.id,
              entity: 'attachment',
              entityId: id,
              details: { kind, sha256, size: inspector.bytes, contentType: type.mime, name: originalName },
            },
            tx,
          );
          return inserted;
        })
        .catch(async (e) => {
          await this.storage.delete(key).catch(() => undefined);
          throw e;
        });
      if (kind === 'stamped_receipt') await this.queueReceiptCheck(id);
      return view(row);
    } finally {
      await rm(spool, { force: true });
    }
  }

  /** The QR check never blocks anything: if it cannot be queued now, the row stays `pending`. */
  private async queueReceiptCheck(attachmentId: string): Promise<void> {
    await this.jobs
      .add(
        DossierJob.receiptCheck,
        { attachmentId },
        { jobId: `receipt_${attachmentId}`, attempts: 3, backoff: { type: 'exponential', delay: 2000 } },
      )
      .catch((e: Error) => this.log.warn(`queueing the receipt check of ${attachmentId} failed: ${e.message}`));
  }

  private async discard(id: string): Promise<void> {
    const [row] = await this.db.rows<{ storage_key: string }>('DELETE FROM attachments WHERE id = $1 RETURNING storage_key', [id]);
    if (row) await this.storage.delete(row.storage_key).catch(() => undefined);
  }

  private async assertReceiptRoom(applicationId: string, q: SqlRunner = this.db): Promise<void> {
    const [row] = await q.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM attachments WHERE application_id = $1 AND kind = 'stamped_receipt' AND deleted_at IS NULL`,
      [applicationId],
    );
    if (row.n >= MAX_LIVE_RECEIPTS) {
      throw new DomainError(
        'conflict',
        'too_many_receipts',
        [{ path: 'file', code: 'too_many_receipts', params: { max: MAX_LIVE_RECEIPTS } }],
        {},
        { max: MAX_LIVE_RECEIPTS },
      );
    }
  }

  private async usedBytes(applicationId: string, q: SqlRunner = this.db): Promise<number> {
    const [row] = await q.rows<{ used: string }>(
      'SELECT coalesce(sum(size), 0)::bigint AS used FROM attachments WHERE application_id = $1 AND deleted_at IS NULL',
      [applicationId],
    );
    return Number(row.used);
  }

  private async find(applicationId: string, attachmentId: string): Promise<AttachmentRow> {
    if (!UUID.test(attachmentId)) throw notFound();
    const [row] = await this.db.rows<AttachmentRow>(
      `SELECT id, kind, storage_key, size, sha256, content_type, original_name, created_at, receipt_check FROM attachments
        WHERE id = $1 AND application_id = $2 AND deleted_at IS NULL`,
      [attachmentId, applicationId],
    );
    if (!row) throw notFound();
    return row;
  }
}

/** The application row locked for a file change, with what the state and deadline checks need. */
async function lockForFiles(tx: SqlTx, applicationId: string): Promise<DeadlineFields & { state: string }> {
  const [app] = await tx.rows<DeadlineFields & { state: string }>(
    `SELECT a.state, c.submission_deadline, a.deadline_extension, c.time_zone
       FROM applications a JOIN cycles c ON c.id = a.cycle_id WHERE a.id = $1 FOR UPDATE OF a`,
    [applicationId],
  );
  return app;
}

function parseKind(raw: string): AttachmentKind {
  if (!(ATTACHMENT_KINDS as string[]).includes(raw))
    throw validationError([{ path: 'kind', code: 'not_in_options', params: { options: ATTACHMENT_KINDS } }]);
  return raw as AttachmentKind;
}

const view = (r: AttachmentRow): AttachmentView => ({
  id: r.id,
  kind: r.kind,
  sha256: r.sha256,
  size: Number(r.size),
  contentType: r.content_type,
  originalName: r.original_name,
  createdAt: r.created_at.toISOString(),
  ...(r.receipt_check ? { receiptCheck: r.receipt_check } : {}),
});

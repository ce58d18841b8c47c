/**
 * One dossier from its sealed snapshot: view → HTML → Chromium → pdf-lib → S3. Runs in worker
 * processes (and the benchmark). Idempotent: the S3 key is a function of the job's identity, so
 * a render that was killed half-way and retried writes the same object once more, never a second
 * one, and a finished row is not rendered again.
 */
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SectionRegistry } from '../../form/section-registry';
import { Sql } from '../../infra/database/sql';
import { missingRow } from '../../infra/queue/job-table.processor';
import { StorageService } from '../../infra/storage/storage.service';
import { dossierTemplate } from './dossier-template';
import { buildDossierView, receiptQrPayload, type DossierAttachment, type DossierVariant, type SnapshotDocument } from './dossier-view';
import { PdfRenderer } from './pdf-renderer';
import { sealedTimeText } from './sealed-time';

/**
 * pdf-lib and qrcode are loaded on first use: DossierBuilder is constructed in the API process
 * too (exports, status), which never prints — their ~3 MB stay out of its heap (bench/RESULTS.md).
 */
const pdfAssembly = () => import('./pdf-assembly');
const qrCode = async () => (await import('qrcode')).default;

export interface DossierRow {
  id: string;
  snapshot_id: string;
  variant: DossierVariant;
  viewer: string;
  template_version: string;
  status: string;
  storage_key: string | null;
  /** Retry round: 0 for the first render, +1 per retry after a failure (part of the job id). */
  retries: number;
}

/** A dossiers row as stored. */
export interface StoredDossierRow extends DossierRow {
  progress: number;
  sha256: string | null;
  size: string | null;
  /** Why the last round failed (status `failed`). */
  error: string | null;
  failed_at: Date | null;
}

/** How much of a failure reason is kept and shown. */
const REASON_MAX = 500;

export interface RenderedDossier {
  storageKey: string;
  sha256: string;
  size: number;
  pages: number;
}

type Progress = (percent: number) => Promise<void> | void;

/** A sealed snapshot with what its dossier prints beside it: the cycle's zone and the category's names. */
interface SnapshotToPrint {
  canonical: string;
  sha256: string;
  created_at: Date;
  time_zone: string;
  name_zh: string;
  name_en: string;
}

/** An attachment the snapshot names, as the dossier inlines or appends it. */
interface AttachmentToPrint {
  id: string;
  kind: string;
  storage_key: string;
  size: string;
  sha256: string;
  content_type: string;
  original_name: string | null;
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

export const dossierKey = (row: Pick<DossierRow, 'snapshot_id' | 'variant' | 'viewer' | 'template_version'>) =>
  `dossiers/${row.snapshot_id}/${row.variant}${row.viewer ? `-${row.viewer.replace(/[^a-zA-Z0-9-]/g, '_')}` : ''}-${row.template_version}.pdf`;

/** Judge copies are per judge and per blindness: `<userId>/blind` or `<userId>/open`. */
export const judgeViewer = (userId: string, blind: boolean) => `${userId}/${blind ? 'blind' : 'open'}`;

@Injectable()
export class DossierBuilder implements OnModuleDestroy {
  readonly renderer: PdfRenderer;

  constructor(
    private readonly db: Sql,
    private readonly storage: StorageService,
    private readonly registry: SectionRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.renderer = new PdfRenderer({
      executablePath: config.chromiumPath,
      pages: config.dossiers.concurrency,
      timeoutMs: config.dossiers.renderTimeoutMs,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.renderer.close();
  }

  /** The row of one copy, created when new. */
  async ensureRow(snapshotId: string, variant: DossierVariant, viewer = ''): Promise<StoredDossierRow> {
    const [row] = await this.db.rows<StoredDossierRow>(
      `INSERT INTO dossiers (snapshot_id, variant, viewer, template_version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (snapshot_id, variant, viewer, template_version) DO UPDATE SET updated_at = dossiers.updated_at
       RETURNING *`,
      [snapshotId, variant, viewer, dossierTemplate().version],
    );
    return row;
  }

  /**
   * Round `round` of this copy ran out of attempts (or cannot succeed): `failed`, with the reason,
   * until someone retries. Only a row still waiting in that round changes, so a late report of an
   * old round never touches a newer one. Returns the row when it changed.
   */
  async markFailed(id: string, round: number, reason: string): Promise<StoredDossierRow | undefined> {
    const rows = await this.db.rows<StoredDossierRow>(
      `UPDATE dossiers SET status = 'failed', error = $3, failed_at = now(), updated_at = now()
        WHERE id = $1 AND retries = $2 AND status IN ('queued', 'rendering') RETURNING *`,
      [id, round, (reason || 'unknown error').slice(0, REASON_MAX)],
    );
    return rows[0];
  }

  /** Render the dossier row `id` unless it is already stored; returns where it is. */
  async build(id: string, progress: Progress = () => undefined): Promise<RenderedDossier> {
    const [row] = await this.db.rows<DossierRow & { sha256: string | null; size: string | null; pages?: number }>(
      'SELECT * FROM dossiers WHERE id = $1',
      [id],
    );
    if (!row) throw missingRow('dossier', id);
    if (row.status === 'ready' && row.storage_key && (await this.storage.exists(row.storage_key))) {
      return { storageKey: row.storage_key, sha256: row.sha256!, size: Number(row.size), pages: 0 };
    }
    await this.db.run(
      `UPDATE dossiers SET status = 'rendering', progress = 5, renders = renders + 1, error = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
    await progress(5);
    const { html, header, appendices, footer, title } = await this.prepare(row);
    await this.setProgress(id, 40, progress);
    const printed = await this.renderer.render(html, header);
    await this.setProgress(id, 80, progress);
    const assembled = await (await pdfAssembly()).assembleDossier(printed, appendices, footer, { title });
    const sha256 = createHash('sha256').update(assembled.pdf).digest('hex');
    const storageKey = dossierKey(row);
    await this.storage.putBuffer(storageKey, assembled.pdf, 'application/pdf');
    await this.db.run(
      `UPDATE dossiers SET status = 'ready', progress = 100, storage_key = $2, sha256 = $3, size = $4, completed_at = now(), updated_at = now() WHERE id = $1`,
      [id, storageKey, sha256, assembled.pdf.length],
    );
    await progress(100);
    return { storageKey, sha256, size: assembled.pdf.length, pages: assembled.pages };
  }

  /** The final HTML and what goes after it; exposed for the benchmark's raw-Chromium floor. */
  async prepare(row: DossierRow) {
    const [snap] = await this.db.rows<SnapshotToPrint>(
      `SELECT s.canonical, s.sha256, s.created_at, c.time_zone, k.name_zh, k.name_en
         FROM snapshots s JOIN applications a ON a.id = s.application_id
         JOIN cycles c ON c.id = a.cycle_id JOIN categories k ON k.id = a.category_id
        WHERE s.id = $1`,
      [row.snapshot_id],
    );
    if (!snap) throw missingRow('snapshot', row.snapshot_id);
    const document = JSON.parse(snap.canonical) as SnapshotDocument;
    const [viewerId, blindness] = row.viewer.split('/');
    const viewerName =
      row.variant === 'judge' ? (await this.db.one<{ name: string }>('SELECT name FROM users WHERE id = $1', [viewerId]))?.name : undefined;

    const attachments = await this.loadAttachments(document, row.variant === 'judge' && blindness === 'blind');
    const sealedAt = sealedTimeText(snap.created_at, snap.time_zone);
    const view = buildDossierView(this.registry, {
      variant: row.variant,
      blind: blindness === 'blind',
      viewerName,
      snapshot: { id: row.snapshot_id, sha256: snap.sha256, sealedAt, document },
      categoryLabel: { zh: snap.name_zh, en: snap.name_en },
      attachments: attachments.map((a) => a.meta),
      qrSvg: await (
        await qrCode()
      ).toString(receiptQrPayload(document.application.entryCode, snap.sha256), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
      generatedAt: new Date().toISOString(),
    });
    return {
      html: dossierTemplate().render(view),
      header: dossierTemplate().header(view),
      appendices: attachments.filter((a) => a.meta.appendedPages).map((a) => ({ bytes: a.bytes! })),
      footer: view.footer,
      title: `${document.application.entryCode} · ${document.application.cycle.name}`,
    };
  }

  /** Images are inlined as data: URIs (the page may load nothing else); readable PDFs are appended. */
  private async loadAttachments(document: SnapshotDocument, blind: boolean): Promise<Array<{ meta: DossierAttachment; bytes?: Buffer }>> {
    const ids = document.attachments.filter((a) => a.kind !== 'stamped_receipt').map((a) => a.id);
    if (!ids.length) return [];
    const rows = await this.db.rows<AttachmentToPrint>(
      'SELECT id, kind, storage_key, size, sha256, content_type, original_name FROM attachments WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return Promise.all(
      ids
        .map((id) => byId.get(id))
        .filter((r): r is NonNullable<typeof r> => !!r)
        .map(async (r) => {
          const meta: DossierAttachment = {
            id: r.id,
            kind: r.kind,
            name: r.original_name ?? r.id,
            sha256: r.sha256,
            size: Number(r.size),
            contentType: r.content_type,
          };
          const wanted = IMAGE_TYPES.has(r.content_type) || r.content_type === 'application/pdf';
          if (!wanted) return { meta };
          const bytes = await this.storage.getBuffer(r.storage_key);
          if (IMAGE_TYPES.has(r.content_type)) meta.dataUri = `data:${r.content_type};base64,${bytes.toString('base64')}`;
          // blind copies append no PDFs: their file names and contents may name the company
          else if (!blind) meta.appendedPages = await (await pdfAssembly()).countPdfPages(bytes);
          return { meta, bytes };
        }),
    );
  }

  private async setProgress(id: string, percent: number, progress: Progress): Promise<void> {
    await this.db.run('UPDATE dossiers SET progress = GREATEST(progress, $2), updated_at = now() WHERE id = $1', [id, percent]);
    await progress(percent);
  }
}

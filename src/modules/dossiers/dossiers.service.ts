/**
 * The API side of dossiers: make sure the wanted copy is rendered (a row + a queued job, both
 * idempotent) and hand it out when ready. Rendering itself happens in worker processes.
 */
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { validationError, wrongState } from '../../common/errors/domain-error';
import { DOSSIERS_QUEUE, DossierJob } from '../../infra/queue/queues';
import { StorageService } from '../../infra/storage/storage.service';
import { ApplicationAccessPolicy, type AccessGrants } from '../applications/application-access.policy';
import { DossierBuilder, judgeViewer, type DossierRow } from './dossier-builder';
import type { DossierVariant } from './dossier-view';

export type DossierAnswer =
  | { ready: true; stream: Readable; size: number; sha256: string; fileName: string }
  | { ready: false; status: string; progress: number; snapshotId: string };

interface StoredRow extends DossierRow {
  progress: number;
  sha256: string | null;
  size: string | null;
}

/** BullMQ job ids may not contain ':'; this one is the render's identity. */
export const renderJobId = (row: Pick<DossierRow, 'snapshot_id' | 'variant' | 'viewer' | 'template_version'>) =>
  `render_${row.snapshot_id}_${row.variant}_${row.viewer.replace('/', '_') || 'all'}_${row.template_version}`;

@Injectable()
export class DossiersService {
  private readonly logger = new Logger(DossiersService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(DOSSIERS_QUEUE) private readonly queue: Queue,
    private readonly storage: StorageService,
    private readonly access: ApplicationAccessPolicy,
    private readonly rows: DossierBuilder,
  ) {}

  /** The row of this copy (created if new) with its render queued unless it is ready. */
  async request(snapshotId: string, variant: DossierVariant, viewer = ''): Promise<StoredRow> {
    const row = await this.rows.ensureRow(snapshotId, variant, viewer);
    if (row.status !== 'ready') await this.enqueue(row);
    return row;
  }

  /** After a seal commits: the applicant's copy is wanted at once. Best effort (GET queues it again). */
  async afterSeal(snapshotId: string): Promise<void> {
    await this.request(snapshotId, 'applicant').catch((e: Error) => this.logger.warn(`queueing the dossier of ${snapshotId} failed: ${e.message}`));
  }

  /**
   * `GET /api/applications/:id/dossier`. Members get the applicant copy; staff the staff copy, or
   * a preview of the judge copy (`variant=judge`, `blind`) watermarked with their own name.
   */
  async forApplication(actor: Actor, applicationId: string, query: { variant?: string; blind?: string }): Promise<DossierAnswer> {
    const app = await this.access.readable(actor, applicationId);
    const variant = this.variantFor(app, query.variant);
    const [current] = await this.db.query('SELECT snapshot_id, entry_code FROM applications WHERE id = $1', [applicationId]);
    if (!current.snapshot_id) throw wrongState(app.state);
    if (query.blind !== undefined && !['true', 'false'].includes(query.blind)) throw validationError([{ path: 'blind', code: 'invalid' }]);
    const viewer = variant === 'judge' ? judgeViewer(actor.userId, query.blind !== 'false') : '';
    let row = await this.request(current.snapshot_id, variant, viewer);
    if (row.status === 'failed') row = await this.retry(row);
    if (row.status === 'ready' && row.storage_key) {
      return { ready: true, stream: await this.storage.getStream(row.storage_key), size: Number(row.size), sha256: row.sha256!, fileName: `${current.entry_code}-${variant}.pdf` };
    }
    return { ready: false, status: row.status, progress: row.progress, snapshotId: row.snapshot_id };
  }

  /** Those who decide on the entry get every copy; its applicants their own. */
  private variantFor(access: AccessGrants, asked?: string): DossierVariant {
    const allowed: DossierVariant[] = access.may_manage ? ['staff', 'judge', 'applicant'] : access.may_write ? ['applicant'] : [];
    const variant = (asked ?? allowed[0]) as DossierVariant;
    if (!allowed.includes(variant)) throw validationError([{ path: 'variant', code: 'not_in_options', params: { allowed } }]);
    return variant;
  }

  /** A copy whose job ran out of attempts is tried again when someone asks for it. */
  private async retry(row: StoredRow): Promise<StoredRow> {
    await (await this.queue.getJob(renderJobId(row)))?.remove().catch(() => undefined);
    const [[updated]] = await this.db.query(`UPDATE dossiers SET status = 'queued', progress = 0, updated_at = now() WHERE id = $1 RETURNING *`, [row.id]);
    await this.enqueue(updated);
    return updated;
  }

  private async enqueue(row: StoredRow): Promise<void> {
    await this.queue.add(DossierJob.render, { dossierId: row.id }, { jobId: renderJobId(row), attempts: 5, backoff: { type: 'exponential', delay: 3000 } });
  }
}

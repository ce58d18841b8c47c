/**
 * The API side of dossiers: make sure the wanted copy is rendered (a row + a queued job, both
 * idempotent) and hand it out when ready. Rendering itself happens in worker processes.
 */
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Readable } from 'node:stream';
import type { Actor } from '../../common/auth/actor';
import { DomainError, validationError, wrongState } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Sql } from '../../infra/database/sql';
import { DOSSIERS_QUEUE, DossierJob } from '../../infra/queue/queues';
import { StorageService } from '../../infra/storage/storage.service';
import { ApplicationAccessPolicy, type AccessGrants } from '../applications/application-access.policy';
import { AuditService } from '../audit/audit.service';
import { DossierBuilder, judgeViewer, type DossierRow, type StoredDossierRow } from './dossier-builder';
import type { DossierVariant } from './dossier-view';

/** Where a copy stands, without touching the object store. */
export interface DossierStatus {
  status: 'queued' | 'rendering' | 'ready' | 'failed';
  progress: number;
  snapshotId: string;
  /** Why the last render failed (status `failed`), else null. */
  reason: string | null;
  failedAt: string | null;
}

export type DossierAnswer =
  { ready: true; stream: Readable; size: number; sha256: string; fileName: string } | ({ ready: false } & DossierStatus);

interface DossierQuery {
  variant?: string;
  blind?: string;
}

/** BullMQ job ids may not contain ':'; this one is the render's identity (a retry is a new round). */
export const renderJobId = (row: Pick<DossierRow, 'snapshot_id' | 'variant' | 'viewer' | 'template_version' | 'retries'>) =>
  `render_${row.snapshot_id}_${row.variant}_${row.viewer.replace('/', '_') || 'all'}_${row.template_version}${row.retries ? `_retry${row.retries}` : ''}`;

const statusOf = (row: StoredDossierRow): DossierStatus => ({
  status: row.status as DossierStatus['status'],
  progress: row.progress,
  snapshotId: row.snapshot_id,
  reason: row.status === 'failed' ? row.error : null,
  failedAt: row.status === 'failed' && row.failed_at ? new Date(row.failed_at).toISOString() : null,
});

/** 409: the copy's render failed for good; the reason is in the details, `POST …/dossier/retry` starts again. */
const dossierFailed = (row: StoredDossierRow) =>
  new DomainError(
    'conflict',
    'dossier_failed',
    [{ path: 'dossier', code: 'dossier_failed', params: { reason: row.error ?? '' } }],
    { status: 'failed', reason: row.error },
    {},
  );

@Injectable()
export class DossiersService {
  private readonly logger = new Logger(DossiersService.name);

  constructor(
    private readonly db: Sql,
    @InjectQueue(DOSSIERS_QUEUE) private readonly queue: Queue,
    private readonly storage: StorageService,
    private readonly access: ApplicationAccessPolicy,
    private readonly rows: DossierBuilder,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The row of this copy (created if new) with its render queued while it waits. A failed copy
   * stays failed (re-adding its job id would do nothing: BullMQ keeps the failed job) until
   * `retry`.
   */
  async request(snapshotId: string, variant: DossierVariant, viewer = ''): Promise<StoredDossierRow> {
    const row = await this.rows.ensureRow(snapshotId, variant, viewer);
    if (row.status !== 'queued' && row.status !== 'rendering') return row;
    const job = await this.queue.getJob(renderJobId(row));
    if (!job) {
      await this.enqueue(row); // new, or its enqueue was lost (Redis down at seal time)
      return row;
    }
    // given up without the worker saying so (stalled too often, or the worker died before it
    // could record it): the queue's verdict is the row's
    if (await job.isFailed()) return (await this.rows.markFailed(row.id, row.retries, job.failedReason)) ?? row;
    return row;
  }

  /** After a seal commits: the applicant's copy is wanted at once. Best effort (GET queues it again). */
  async afterSeal(snapshotId: string): Promise<void> {
    await this.request(snapshotId, 'applicant').catch((e: Error) =>
      this.logger.warn(`queueing the dossier of ${snapshotId} failed: ${e.message}`),
    );
  }

  /**
   * `GET /api/applications/:id/dossier`. Members get the applicant copy; staff the staff copy, or
   * a preview of the judge copy (`variant=judge`, `blind`) watermarked with their own name.
   */
  async forApplication(actor: Actor, applicationId: string, query: DossierQuery): Promise<DossierAnswer> {
    const copy = await this.copyFor(actor, applicationId, query);
    const row = await this.request(copy.snapshotId, copy.variant, copy.viewer);
    if (row.status === 'failed') throw dossierFailed(row);
    if (row.status === 'ready' && row.storage_key) {
      return {
        ready: true,
        stream: await this.storage.getStream(row.storage_key),
        size: Number(row.size),
        sha256: row.sha256!,
        fileName: `${copy.entryCode}-${copy.variant}.pdf`,
      };
    }
    return { ready: false, ...statusOf(row) };
  }

  /** `GET …/dossier/status`: the same copy's state (queued while new), never opening the object store. */
  async status(actor: Actor, applicationId: string, query: DossierQuery): Promise<DossierStatus> {
    const copy = await this.copyFor(actor, applicationId, query);
    return statusOf(await this.request(copy.snapshotId, copy.variant, copy.viewer));
  }

  /**
   * `POST …/dossier/retry`: a failed copy gets a new round (a new job id), audited. Anything else
   * is 409 — a render that waits or succeeded needs no retry.
   */
  async retry(actor: Actor, applicationId: string, query: DossierQuery): Promise<DossierStatus> {
    const copy = await this.copyFor(actor, applicationId, query);
    const row = await this.rows.ensureRow(copy.snapshotId, copy.variant, copy.viewer);
    const updated = await this.db.transaction(async (tx) => {
      const [next] = await tx.rows<StoredDossierRow>(
        `UPDATE dossiers SET status = 'queued', progress = 0, error = NULL, failed_at = NULL, retries = retries + 1, updated_at = now()
          WHERE id = $1 AND status = 'failed' RETURNING *`,
        [row.id],
      );
      if (!next) return undefined;
      await this.audit.record(
        {
          action: 'dossier.retry',
          actor,
          applicationId,
          entity: 'dossier',
          entityId: row.id,
          details: { variant: copy.variant, viewer: copy.viewer || undefined, reason: row.error, round: next.retries },
        },
        tx,
      );
      return next;
    });
    if (!updated) {
      const [current] = await this.db.rows<{ status: string }>('SELECT status FROM dossiers WHERE id = $1', [row.id]);
      throw new DomainError(
        'conflict',
        'dossier_not_failed',
        [{ path: 'status', code: 'dossier_not_failed', params: { status: current.status } }],
        { status: current.status },
        { status: current.status },
      );
    }
    // the failed round's job is of no further use (BullMQ would keep it until removeOnFail trims it)
    await (await this.queue.getJob(renderJobId(row)))?.remove().catch(() => undefined);
    // if Redis refuses now, the row is `queued` without a job and the next GET queues it
    await this.enqueue(updated).catch((e: Error) => this.logger.warn(`queueing the retry of dossier ${row.id} failed: ${e.message}`));
    return statusOf(updated);
  }

  /** Which copy this caller gets of the application's current snapshot (404 not yours, 409 a draft, 400 a bad variant). */
  private async copyFor(actor: Actor, applicationId: string, query: DossierQuery) {
    const app = await this.access.readable(actor, applicationId);
    const variant = this.variantFor(app, query.variant);
    const [current] = await this.db.rows<{ snapshot_id: string | null; entry_code: string }>(
      'SELECT snapshot_id, entry_code FROM applications WHERE id = $1',
      [applicationId],
    );
    if (!current.snapshot_id) throw wrongState(app.state);
    if (query.blind !== undefined && !['true', 'false'].includes(query.blind)) throw validationError([{ path: 'blind', code: 'invalid' }]);
    const viewer = variant === 'judge' ? judgeViewer(actor.userId, query.blind !== 'false') : '';
    return { snapshotId: current.snapshot_id, entryCode: current.entry_code, variant, viewer };
  }

  /** Those who decide on the entry get every copy; its applicants their own. */
  private variantFor(access: AccessGrants, asked?: string): DossierVariant {
    const allowed: DossierVariant[] = access.may_manage ? ['staff', 'judge', 'applicant'] : access.may_write ? ['applicant'] : [];
    const variant = (asked ?? allowed[0]) as DossierVariant;
    if (!allowed.includes(variant)) throw validationError([{ path: 'variant', code: 'not_in_options', params: { options: allowed } }]);
    return variant;
  }

  private async enqueue(row: StoredDossierRow): Promise<void> {
    await this.queue.add(
      DossierJob.render,
      { dossierId: row.id, round: row.retries },
      { jobId: renderJobId(row), attempts: this.config.dossiers.renderAttempts, backoff: { type: 'exponential', delay: 3000 } },
    );
  }
}

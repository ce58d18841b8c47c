import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobTableProcessor } from '../../infra/queue/job-table.processor';
import { loadConfig } from '../../config/app-config';
import { DOSSIERS_QUEUE, DossierJob, type DossierJobName } from '../../infra/queue/queues';
import { DossierBuilder } from './dossier-builder';
import { DossierExportBuilder } from './dossier-exports.service';
import { ReceiptChecker } from './receipt-check';

/**
 * Decorator options are fixed when the class loads, so they come from the environment then.
 * A job whose worker died (no lock renewal for `lockMs`) goes back to the queue and another
 * worker — or this one restarted — takes it over.
 */
function workerOptions() {
  let d = { concurrency: 2, lockMs: 30_000 };
  try {
    d = loadConfig(process.env).dossiers;
  } catch {
    // not a fully configured process (e.g. a unit test importing the class): defaults
  }
  // two jobs per Chromium page: while one prints, the other reads its snapshot or assembles and
  // stores its PDF, so the pages never wait for Node (bench/RESULTS.md, dossiers)
  return { concurrency: 2 * d.concurrency, lockDuration: d.lockMs, stalledInterval: Math.max(1000, Math.floor(d.lockMs / 2)), maxStalledCount: 3 };
}

/** Runs in worker processes only: Chromium never runs in the API. */
@Processor(DOSSIERS_QUEUE, workerOptions())
export class DossiersProcessor extends JobTableProcessor<DossierJobName> {
  constructor(
    private readonly builder: DossierBuilder,
    private readonly receipts: ReceiptChecker,
    private readonly exports: DossierExportBuilder,
  ) {
    super();
  }

  /** A render that will not be tried again leaves its copy `failed` with the reason, until a retry. */
  protected override async onGaveUp(job: Job, error: Error): Promise<void> {
    if (job.name === DossierJob.render) await this.builder.markFailed(job.data.dossierId, Number(job.data.round ?? 0), error.message);
  }

  readonly handlers: Record<DossierJobName, (job: Job) => Promise<unknown>> = {
    [DossierJob.render]: (job) => this.builder.build(job.data.dossierId, (p) => job.updateProgress(p)),
    [DossierJob.receiptCheck]: (job) => this.receipts.check(job.data.attachmentId),
    [DossierJob.exportZip]: (job) => this.exports.run(job.data.exportId, (p) => job.updateProgress(p)),
  };
}

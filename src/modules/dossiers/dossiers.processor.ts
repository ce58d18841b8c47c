import { Processor } from '@nestjs/bullmq';
import { Injectable, type Type } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobTableProcessor } from '../../infra/queue/job-table.processor';
import type { AppConfig } from '../../config/app-config';
import { DOSSIERS_QUEUE, DossierJob, type DossierJobName } from '../../infra/queue/queues';
import { DossierBuilder } from './dossier-builder';
import { DossierExportBuilder } from './dossier-exports.service';
import { ReceiptChecker } from './receipt-check';

/**
 * The worker's options from the configuration. A job whose worker died (no lock renewal for
 * `lockMs`) goes back to the queue and another worker — or this one restarted — takes it over.
 * Two jobs per Chromium page: while one prints, the other reads its snapshot or assembles and
 * stores its PDF, so the pages never wait for Node (bench/RESULTS.md, dossiers).
 */
export const dossierWorkerOptions = (d: AppConfig['dossiers']) => ({
  concurrency: 2 * d.concurrency,
  lockDuration: d.lockMs,
  stalledInterval: Math.max(1000, Math.floor(d.lockMs / 2)),
  maxStalledCount: 3,
});

/**
 * Runs in worker processes only: Chromium never runs in the API. `@Processor`'s options are fixed
 * when a class is decorated, so this class is not: the worker module registers
 * `dossiersProcessorFor(config)`, a subclass decorated with the configuration it was given.
 */
@Injectable()
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

/** The processor as the worker module registers it, with BullMQ options from `config`. */
export function dossiersProcessorFor(config: AppConfig['dossiers']): Type<DossiersProcessor> {
  @Processor(DOSSIERS_QUEUE, dossierWorkerOptions(config))
  class ConfiguredDossiersProcessor extends DossiersProcessor {}
  return ConfiguredDossiersProcessor;
}

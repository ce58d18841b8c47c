import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

/**
 * A queue's consumer as a table from job name to handler. The worker module checks at start
 * that every job name of the queue has a row, so a job the API can produce is never orphaned.
 */
export abstract class JobTableProcessor<Name extends string> extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);

  abstract readonly handlers: Record<Name, (job: Job) => Promise<unknown>>;

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as Name];
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    return handler(job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job, error: Error): void {
    this.logger.warn(`${job.name} ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`);
  }
}

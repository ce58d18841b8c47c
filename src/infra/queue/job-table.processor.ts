import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';

/**
 * The row a job names is not in this database. Retrying cannot help, and answering success would
 * hide it (the job may belong to another deployment on the same Redis: see QUEUE_PREFIX), so the
 * job fails at once and visibly.
 */
export const missingRow = (what: string, id: unknown) =>
  new UnrecoverableError(
    `${what} ${String(id)} does not exist in this database (a job of another deployment sharing this Redis? check QUEUE_PREFIX)`,
  );

/**
 * A queue's consumer as a table from job name to handler. The worker module checks at start
 * that every job name of the queue has a row, so a job the API can produce is never orphaned.
 */
export abstract class JobTableProcessor<Name extends string> extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);

  abstract readonly handlers: Record<Name, (job: Job) => Promise<unknown>>;

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as Name];
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    return handler(job);
  }

  /** A job that will not be tried again (attempts used up, or unrecoverable); after BullMQ recorded it as failed. */
  protected onGaveUp(_job: Job, _error: Error): Promise<void> | void {}

  @OnWorkerEvent('failed')
  onFailed(job: Job, error: Error): void {
    // `finishedOn` is set only when the job is failed for good (not when it waits for a retry)
    if (job.finishedOn === undefined) {
      this.logger.warn(`${job.name} ${job.id} failed (attempt ${job.attemptsMade}), will retry: ${error.message}`);
      return;
    }
    this.logger.error(`${job.name} ${job.id} failed for good after ${job.attemptsMade} attempt(s): ${error.message}`);
    void Promise.resolve()
      .then(() => this.onGaveUp(job, error))
      .catch((e: Error) => this.logger.error(`recording the failure of ${job.name} ${job.id} failed: ${e.message}`));
  }
}

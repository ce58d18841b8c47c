import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { NOTIFICATIONS_QUEUE, NotificationJob, type NotificationJobName } from '../../infra/queue/queues';
import { OutboxService } from './outbox.service';

/** Runs in the worker process (src/worker.ts). Every job name has its handler here. */
@Processor(NOTIFICATIONS_QUEUE)
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(private readonly outbox: OutboxService) {
    super();
  }

  readonly handlers: Record<NotificationJobName, (job: Job) => Promise<unknown>> = {
    [NotificationJob.deliver]: (job) => this.outbox.deliver(job.data.outboxId),
    [NotificationJob.sweep]: () => this.outbox.sweep(),
    [NotificationJob.deadlineReminders]: () => this.outbox.queueDeadlineReminders(),
  };

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as NotificationJobName];
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    return handler(job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job, error: Error): void {
    this.logger.warn(`${job.name} ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`);
  }
}

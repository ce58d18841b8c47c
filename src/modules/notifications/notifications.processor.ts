import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobTableProcessor } from '../../infra/queue/job-table.processor';
import { NOTIFICATIONS_QUEUE, NotificationJob, type NotificationJobName } from '../../infra/queue/queues';
import { OutboxService } from './outbox.service';

/** Runs in the worker process (src/worker.ts). Every job name has its handler here. */
@Processor(NOTIFICATIONS_QUEUE)
export class NotificationsProcessor extends JobTableProcessor<NotificationJobName> {
  constructor(private readonly outbox: OutboxService) {
    super();
  }

  readonly handlers: Record<NotificationJobName, (job: Job) => Promise<unknown>> = {
    [NotificationJob.deliver]: (job) => this.outbox.deliver(job.data.outboxId),
    [NotificationJob.sweep]: () => this.outbox.sweep(),
    [NotificationJob.deadlineReminders]: () => this.outbox.queueDeadlineReminders(),
  };
}

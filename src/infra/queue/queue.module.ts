import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DOSSIERS_QUEUE, NOTIFICATIONS_QUEUE } from './queues';

/** BullMQ on Redis: the API enqueues, the worker process (src/worker.ts) consumes. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({
        connection: { url: c.redisUrl, maxRetriesPerRequest: null },
        prefix: c.queuePrefix,
        defaultJobOptions: { attempts: 6, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 1000, removeOnFail: 5000 },
      }),
    }),
    BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE }, { name: DOSSIERS_QUEUE }),
  ],
  exports: [BullModule],
})
export class QueueModule {}

import { InjectQueue } from '@nestjs/bullmq';
import { Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './infra/database/database.module';
import { databaseOptions } from './database-options';
import { QueueModule } from './infra/queue/queue.module';
import { DossierJob, NOTIFICATIONS_QUEUE, NotificationJob } from './infra/queue/queues';
import { StorageModule } from './infra/storage/storage.module';
import { FormModule } from './form/form.module';
import { DossiersWorkerModule } from './modules/dossiers/dossiers.module';
import { DossiersProcessor, dossiersProcessorFor } from './modules/dossiers/dossiers.processor';
import { ResetLinksModule } from './modules/identity/reset-links.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { InvitationLinksModule } from './modules/organisations/invitation-links.module';
import { NotificationsProcessor } from './modules/notifications/notifications.processor';

/** Periodic jobs; one scheduler per name, so many worker processes do not multiply them. */
const SCHEDULES = [
  { name: NotificationJob.sweep, everyMs: 30_000 },
  { name: NotificationJob.deadlineReminders, everyMs: 60 * 60_000 },
];

@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue,
    private readonly notifications: NotificationsProcessor,
    private readonly dossiers: DossiersProcessor,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => databaseOptions(c.databaseUrl, c.databasePoolSize),
        }),
        DatabaseModule,
        QueueModule,
        StorageModule,
        FormModule,
        NotificationsModule,
        // the features whose mails carry a one-time link register its issuer with the outbox
        ResetLinksModule,
        InvitationLinksModule,
        DossiersWorkerModule,
      ],
      providers: [NotificationsProcessor, { provide: DossiersProcessor, useClass: dossiersProcessorFor(config.dossiers) }],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    // every job name the API or a schedule can produce must have a handler (house style: fail at start)
    const missing = [
      ...Object.values(NotificationJob).filter((name) => !(name in this.notifications.handlers)),
      ...Object.values(DossierJob).filter((name) => !(name in this.dossiers.handlers)),
    ];
    if (missing.length) throw new Error(`no handler for jobs: ${missing.join(', ')}`);
    for (const s of SCHEDULES) await this.queue.upsertJobScheduler(s.name, { every: s.everyMs }, { name: s.name });
  }
}

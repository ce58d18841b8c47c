import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from './common/auth/auth.guard';
import { HttpErrorFilter } from './common/errors/http-error.filter';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { FormModule } from './form/form.module';
import { DatabaseModule } from './infra/database/database.module';
import { databaseOptions } from './database-options';
import { QueueModule } from './infra/queue/queue.module';
import { RedisModule } from './infra/redis/redis.module';
import { StorageModule } from './infra/storage/storage.module';
import { AttachmentsModule } from './modules/attachments/attachments.module';
import { ApplicationsModule } from './modules/applications/applications.module';
import { AuditModule } from './modules/audit/audit.module';
import { CyclesModule } from './modules/cycles/cycles.module';
import { DossiersModule } from './modules/dossiers/dossiers.module';
import { HealthModule } from './modules/health/health.module';
import { IdentityModule } from './modules/identity/identity.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { StaffModule } from './modules/staff/staff.module';
import { WorkflowModule } from './modules/workflow/workflow.module';

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => databaseOptions(c.databaseUrl, c.databasePoolSize),
        }),
        DatabaseModule,
        RedisModule,
        QueueModule,
        StorageModule,
        FormModule,
        IdentityModule,
        OrganisationsModule,
        CyclesModule,
        AuditModule,
        ApplicationsModule,
        DossiersModule,
        AttachmentsModule,
        WorkflowModule,
        StaffModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}

import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { DossiersModule } from '../dossiers/dossiers.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SnapshotsService } from './snapshots.service';
import { SnapshotsController, WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

/** The application life cycle: transitions, sealed snapshots, deadline extensions. */
@Module({
  imports: [ApplicationsModule, NotificationsModule, DossiersModule],
  controllers: [WorkflowController, SnapshotsController],
  providers: [WorkflowService, SnapshotsService],
  exports: [SnapshotsService, WorkflowService],
})
export class WorkflowModule {}

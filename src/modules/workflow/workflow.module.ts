import { Module } from '@nestjs/common';
import { SnapshotsService } from './snapshots.service';
import { SnapshotsController, WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

/** The application life cycle: transitions, sealed snapshots, deadline extensions. */
@Module({ controllers: [WorkflowController, SnapshotsController], providers: [WorkflowService, SnapshotsService], exports: [SnapshotsService] })
export class WorkflowModule {}

import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { DashboardService } from './dashboard.service';
import { EntriesService } from './entries.service';
import { ScreeningService } from './screening.service';
import { CycleEntriesController, ScreeningController } from './staff.controller';

/** The staff console's API (issue 13): entries table and exports, dashboard, bulk screening, snapshot diffs, the entry page. */
@Module({
  imports: [WorkflowModule],
  controllers: [CycleEntriesController, ScreeningController],
  providers: [EntriesService, DashboardService, ScreeningService],
})
export class StaffModule {}

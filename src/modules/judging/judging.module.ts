import { Module } from '@nestjs/common';
import { DossiersModule } from '../dossiers/dossiers.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AssignmentAccess } from './assignments/assignment-access';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
import { JudgeEntriesController } from './assignments/judge-entries.controller';
import { JudgeEntriesService } from './assignments/judge-entries.service';
import { BenchmarksController } from './benchmarks/benchmarks.controller';
import { BenchmarksService } from './benchmarks/benchmarks.service';
import { ConflictsController } from './conflicts/conflicts.controller';
import { ConflictsService } from './conflicts/conflicts.service';
import { JudgesController } from './judges/judges.controller';
import { JudgesService } from './judges/judges.service';
import { ReviewsController } from './reviews/reviews.controller';
import { ReviewsService } from './reviews/reviews.service';
import { RoundsController } from './rounds/rounds.controller';
import { RoundsService } from './rounds/rounds.service';
import { RubricsController } from './rubrics/rubrics.controller';
import { RubricsService } from './rubrics/rubrics.service';

/**
 * Review rounds (issue 14): rubrics, rounds, judges, confidentiality and conflicts, assignments
 * (the solver in assignment/, the routes in assignments/), reviews, and the KPI benchmark judges
 * read beside the rubric (benchmarks/).
 */
@Module({
  imports: [NotificationsModule, DossiersModule],
  controllers: [
    RubricsController,
    RoundsController,
    JudgesController,
    ConflictsController,
    AssignmentsController,
    ReviewsController,
    JudgeEntriesController,
    BenchmarksController,
  ],
  providers: [
    RubricsService,
    RoundsService,
    JudgesService,
    ConflictsService,
    AssignmentsService,
    AssignmentAccess,
    ReviewsService,
    JudgeEntriesService,
    BenchmarksService,
  ],
  exports: [RubricsService, RoundsService, JudgesService, ConflictsService, AssignmentsService],
})
export class JudgingModule {}

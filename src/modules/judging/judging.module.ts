import { Module } from '@nestjs/common';
import { AssignmentAccess } from './assignments/assignment-access';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
import { ReviewsController } from './reviews/reviews.controller';
import { ReviewsService } from './reviews/reviews.service';
import { RoundsController } from './rounds/rounds.controller';
import { RoundsService } from './rounds/rounds.service';
import { RubricsController } from './rubrics/rubrics.controller';
import { RubricsService } from './rubrics/rubrics.service';

/**
 * Review rounds (issue 14): rubrics, rounds, judges, confidentiality and conflicts. Assignments
 * (the solver in assignment/) and reviews are wired by the next step on the same tables.
 */
@Module({
  controllers: [RubricsController, RoundsController, AssignmentsController, ReviewsController],
  providers: [RubricsService, RoundsService, AssignmentsService, AssignmentAccess, ReviewsService],
  exports: [RubricsService, RoundsService, AssignmentsService],
})
export class JudgingModule {}

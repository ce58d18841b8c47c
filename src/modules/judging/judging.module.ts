import { Module } from '@nestjs/common';
import { RoundsController } from './rounds/rounds.controller';
import { RoundsService } from './rounds/rounds.service';
import { RubricsController } from './rubrics/rubrics.controller';
import { RubricsService } from './rubrics/rubrics.service';

/**
 * Review rounds (issue 14): rubrics, rounds, judges, confidentiality and conflicts. Assignments
 * (the solver in assignment/) and reviews are wired by the next step on the same tables.
 */
@Module({
  controllers: [RubricsController, RoundsController],
  providers: [RubricsService, RoundsService],
  exports: [RubricsService, RoundsService],
})
export class JudgingModule {}

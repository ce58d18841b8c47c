import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ConflictsController } from './conflicts/conflicts.controller';
import { ConflictsService } from './conflicts/conflicts.service';
import { JudgesController } from './judges/judges.controller';
import { JudgesService } from './judges/judges.service';
import { RoundsController } from './rounds/rounds.controller';
import { RoundsService } from './rounds/rounds.service';
import { RubricsController } from './rubrics/rubrics.controller';
import { RubricsService } from './rubrics/rubrics.service';

/**
 * Review rounds (issue 14): rubrics, rounds, judges, confidentiality and conflicts. Assignments
 * (the solver in assignment/) and reviews are wired by the next step on the same tables.
 */
@Module({
  imports: [NotificationsModule],
  controllers: [RubricsController, RoundsController, JudgesController, ConflictsController],
  providers: [RubricsService, RoundsService, JudgesService, ConflictsService],
  exports: [RubricsService, RoundsService, JudgesService, ConflictsService],
})
export class JudgingModule {}

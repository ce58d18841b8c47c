import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Roles } from '../../../common/auth/decorators';
import { langOf } from '../../../common/i18n/messages';
import { ApiErrors } from '../../../common/openapi/api-errors';
import { IdParam } from '../../../common/pipes/params';
import { AutoAssignDto, ManualAssignmentDto } from './assignments.dto';
import {
  AssignmentMatrixResponse,
  AutoAssignmentResponse,
  RoundAssignmentResponse,
  RoundProgressResponse,
  RemindersResponse,
} from './assignments.response';
import { AssignmentsService } from './assignments.service';

/** Staff's side of assignments: the solver, the list, manual pairs and removals. */
@ApiTags('judging')
@Controller()
@Roles('staff')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post('rounds/:id/assignments/auto')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Automatic assignment of an open round (staff): dryRun previews loads, per-entry panels, expertise matches and shortfalls with their reason; dryRun false applies it (audited) keeping pairs with a submitted review and moving as little as possible, and answers the diff (added, removed)',
  })
  @ApiOkResponse({ type: AutoAssignmentResponse })
  @ApiErrors(404, 409)
  auto(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: AutoAssignDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ) {
    return this.assignments.auto(actor, id, dto.dryRun, langOf(acceptLanguage));
  }

  @Get('rounds/:id/assignments')
  @ApiOperation({ summary: 'The round’s live assignments with judge names, entry codes and progress (staff)' })
  @ApiOkResponse({ type: [RoundAssignmentResponse] })
  @ApiErrors(404)
  list(@Param('id', IdParam) id: string) {
    return this.assignments.list(id);
  }

  @Get('rounds/:id/assignments/matrix')
  @ApiOperation({
    summary:
      'The entries × judges matrix of a round (staff): entries with entry code and company, the panel with capacity and load, live pairs and conflicted pairs',
  })
  @ApiOkResponse({ type: AssignmentMatrixResponse })
  @ApiErrors(404)
  matrix(@Param('id', IdParam) id: string) {
    return this.assignments.matrix(id);
  }

  @Get('rounds/:id/progress')
  @ApiOperation({ summary: 'Review progress of the round per judge and per entry: assigned, draft, submitted (staff)' })
  @ApiOkResponse({ type: RoundProgressResponse })
  @ApiErrors(404)
  progress(@Param('id', IdParam) id: string) {
    return this.assignments.progress(id);
  }

  @Post('rounds/:id/reminders')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a reminder e-mail to every judge of the open round with reviews not yet submitted (staff)' })
  @ApiAcceptedResponse({ type: RemindersResponse })
  @ApiErrors(404, 409)
  remind(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.assignments.remind(actor, id);
  }

  @Post('rounds/:id/assignments')
  @ApiOperation({
    summary:
      'Assign one judge to one entry by hand (staff); 409 judge_conflicted, judge_at_capacity or already_assigned; 400 when the entry is not in the round or the judge not on its panel',
  })
  @ApiCreatedResponse({ type: RoundAssignmentResponse })
  @ApiErrors(404, 409)
  add(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: ManualAssignmentDto) {
    return this.assignments.addManual(actor, id, dto.applicationId, dto.judgeId);
  }

  @Delete('assignments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End an assignment (staff); its review stays in the audit trail and is no longer counted' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(404, 409)
  async remove(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<void> {
    await this.assignments.removeOne(actor, id);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Roles } from '../../../common/auth/decorators';
import { ApiErrors } from '../../../common/openapi/api-errors';
import { IdParam } from '../../../common/pipes/params';
import { DeclareConflictDto, DismissConflictDto } from './conflicts.dto';
import { ConflictResponse, DeclaredConflictResponse, EntrantOrganisationResponse, MyConflictResponse } from './conflicts.response';
import { ConflictsService } from './conflicts.service';

class DismissedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() dismissed!: boolean;
  @ApiProperty() dismissReason!: string;
}

@ApiTags('judging')
@Controller()
export class ConflictsController {
  constructor(private readonly conflicts: ConflictsService) {}

  @Get('cycles/:id/entrants')
  @Roles('judge')
  @ApiOperation({
    summary: 'Organisations with an entry in the cycle, in random order, to declare conflicts (judge, after confidentiality)',
  })
  @ApiOkResponse({ type: [EntrantOrganisationResponse] })
  @ApiErrors(404)
  entrants(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.conflicts.entrants(actor, id);
  }

  @Get('judges/me/conflicts')
  @Roles('judge')
  @ApiOperation({ summary: 'The conflicts of interest the caller declared, with the organisations’ names, newest first (judge)' })
  @ApiOkResponse({ type: [MyConflictResponse] })
  mine(@CurrentActor() actor: Actor) {
    return this.conflicts.mine(actor);
  }

  @Post('judges/me/conflicts')
  @Roles('judge')
  @ApiOperation({ summary: 'Declare a conflict of interest with an organisation (judge); removes live assignments to its entries' })
  @ApiCreatedResponse({ type: DeclaredConflictResponse })
  @ApiErrors(404)
  declare(@CurrentActor() actor: Actor, @Body() dto: DeclareConflictDto) {
    return this.conflicts.declare(actor, dto);
  }

  @Get('rounds/:id/conflicts')
  @Roles('staff')
  @ApiOperation({ summary: 'Conflicts between the round’s panel and the cycle’s entrants, declared and inferred (staff)' })
  @ApiOkResponse({ type: [ConflictResponse] })
  @ApiErrors(404)
  forRound(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.conflicts.listForRound(actor, id);
  }

  @Post('conflicts/:id/dismiss')
  @Roles('staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss an inferred conflict with a reason (staff; audited); declared ones are 409' })
  @ApiOkResponse({ type: DismissedResponse })
  @ApiErrors(404, 409)
  dismiss(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: DismissConflictDto) {
    return this.conflicts.dismiss(actor, id, dto.reason);
  }
}

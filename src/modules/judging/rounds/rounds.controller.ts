import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Roles } from '../../../common/auth/decorators';
import { ApiErrors } from '../../../common/openapi/api-errors';
import { IdParam } from '../../../common/pipes/params';
import { CreateRoundDto, UpdateRoundDto } from './rounds.dto';
import { RoundResponse } from './rounds.response';
import { RoundsService } from './rounds.service';

@ApiTags('judging')
@Controller()
@Roles('staff')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Post('cycles/:id/rounds')
  @ApiOperation({ summary: 'A review round of the cycle, as a draft (staff)' })
  @ApiCreatedResponse({ type: RoundResponse })
  @ApiErrors(404, 409)
  create(@CurrentActor() actor: Actor, @Param('id', IdParam) cycleId: string, @Body() dto: CreateRoundDto) {
    return this.rounds.create(actor, cycleId, dto);
  }

  @Get('cycles/:id/rounds')
  @ApiOperation({ summary: 'The cycle’s rounds in order (staff)' })
  @ApiOkResponse({ type: [RoundResponse] })
  @ApiErrors(404)
  list(@Param('id', IdParam) cycleId: string) {
    return this.rounds.listForCycle(cycleId);
  }

  @Get('rounds/:id')
  @ApiOperation({ summary: 'One round with its panel (staff)' })
  @ApiOkResponse({ type: RoundResponse })
  @ApiErrors(404)
  get(@Param('id', IdParam) id: string) {
    return this.rounds.get(id);
  }

  @Patch('rounds/:id')
  @ApiOperation({ summary: 'Change a draft round’s settings (staff); the members given replace the stored ones; 409 once opened' })
  @ApiOkResponse({ type: RoundResponse })
  @ApiErrors(404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: UpdateRoundDto) {
    return this.rounds.update(actor, id, dto);
  }

  @Post('rounds/:id/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open a draft round: fixes its entrants and moves them to in_review (staff)' })
  @ApiOkResponse({ type: RoundResponse })
  @ApiErrors(404, 409)
  open(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.rounds.open(actor, id);
  }

  @Post('rounds/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close an open round (staff)' })
  @ApiOkResponse({ type: RoundResponse })
  @ApiErrors(404, 409)
  close(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.rounds.close(actor, id);
  }
}

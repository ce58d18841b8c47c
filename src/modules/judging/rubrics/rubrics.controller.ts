import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Roles } from '../../../common/auth/decorators';
import { ApiErrors } from '../../../common/openapi/api-errors';
import { IdParam } from '../../../common/pipes/params';
import { CreateRubricDto, UpdateRubricDto } from './rubrics.dto';
import { RubricCreatedResponse, RubricPresetResponse, RubricResponse, RubricSummaryResponse } from './rubrics.response';
import { RubricsService } from './rubrics.service';

@ApiTags('judging')
@Controller('rubrics')
export class RubricsController {
  constructor(private readonly rubrics: RubricsService) {}

  @Get('presets')
  @Roles('staff')
  @ApiOperation({ summary: 'The preset rubrics to start from (staff)' })
  @ApiOkResponse({ type: [RubricPresetResponse] })
  presets() {
    return this.rubrics.presets();
  }

  @Get()
  @Roles('staff')
  @ApiOperation({ summary: 'Every rubric, with its warnings (staff)' })
  @ApiOkResponse({ type: [RubricSummaryResponse] })
  list() {
    return this.rubrics.list();
  }

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'A rubric from a preset or an imported tree (staff); answers the warnings' })
  @ApiCreatedResponse({ type: RubricCreatedResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRubricDto) {
    return this.rubrics.create(actor, dto);
  }

  @Put(':id')
  @Roles('staff')
  @ApiOperation({
    summary: 'Replace a rubric’s name and tree (staff) while no open or closed round uses it (409 rubric_in_use); answers the warnings',
  })
  @ApiOkResponse({ type: RubricCreatedResponse })
  @ApiErrors(404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: UpdateRubricDto) {
    return this.rubrics.update(actor, id, dto);
  }

  @Get(':id')
  @Roles('staff', 'judge')
  @ApiOperation({ summary: 'A rubric as importable JSON (staff; judges of a round using it)' })
  @ApiOkResponse({ type: RubricResponse })
  @ApiErrors(404)
  get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.rubrics.get(actor, id);
  }
}

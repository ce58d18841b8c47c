import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Roles } from '../../../common/auth/decorators';
import { ApiErrors } from '../../../common/openapi/api-errors';
import { IdParam } from '../../../common/pipes/params';
import { AssignmentBenchmarkResponse } from './benchmarks.response';
import { BenchmarksService } from './benchmarks.service';

@ApiTags('judging')
@Controller()
export class BenchmarksController {
  constructor(private readonly benchmarks: BenchmarksService) {}

  @Get('assignments/:id/benchmark')
  @Roles('judge', 'staff')
  @ApiOperation({
    summary:
      'The KPI benchmark of the entry’s cycle and category (per required KPI: reporting entrants, quartiles of the actuals, share that met its target) and the entry’s standing (the assigned judge, staff)',
  })
  @ApiOkResponse({ type: AssignmentBenchmarkResponse })
  @ApiErrors(404)
  benchmark(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.benchmarks.forAssignment(actor, id);
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { IdParam } from '../../common/pipes/params';
import { versionFromIfMatch } from '../applications/etag';
import type { Action } from './transitions';
import { EmptyDto, ExtensionDto, ReasonDto } from './workflow.dto';
import { SnapshotsService } from './snapshots.service';
import { WorkflowService, type TransitionResult } from './workflow.service';

/**
 * State transitions are commands: `If-Match` is optional (when sent, a stale one is 412), the
 * row lock decides races — the first request wins, the others get 409 with the new state.
 */
@ApiTags('workflow')
@ApiHeader({ name: 'If-Match', required: false })
@Controller('applications/:id')
export class WorkflowController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly snapshots: SnapshotsService,
  ) {}

  @Post('seal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Seal (owner organisation, draft, before the deadline): 422 lists every incomplete path; freezes a hashed snapshot' })
  seal(@CurrentActor() a: Actor, @Param('id') id: string, @Headers('if-match') m: string | undefined, @Body() _: EmptyDto, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(a, id, 'seal', m, r);
  }

  @Post('unseal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Back to draft (owner organisation, sealed, before the deadline); the snapshot is kept as superseded' })
  unseal(@CurrentActor() a: Actor, @Param('id') id: string, @Headers('if-match') m: string | undefined, @Body() _: EmptyDto, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(a, id, 'unseal', m, r);
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit (owner organisation, sealed, before the deadline); needs the stamped receipt' })
  submit(@CurrentActor() a: Actor, @Param('id') id: string, @Headers('if-match') m: string | undefined, @Body() _: EmptyDto, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(a, id, 'submit', m, r);
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw (owner organisation, any state before results)' })
  withdraw(@CurrentActor() a: Actor, @Param('id') id: string, @Headers('if-match') m: string | undefined, @Body() _: EmptyDto, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(a, id, 'withdraw', m, r);
  }

  @Post('accept')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Screening: accept a submitted entry (staff)' })
  accept(@CurrentActor() a: Actor, @Param('id') id: string, @Headers('if-match') m: string | undefined, @Body() dto: ReasonDto, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(a, id, 'accept', m, r, dto.reason);
  }

  @Post('return')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Screening: return to the applicant as a draft, with a reason (staff)' })
  return(@CurrentActor() a: Actor, @Param('id') id: string, @Headers('if-match') m: string | undefined, @Body() dto: ReasonDto, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(a, id, 'return', m, r, dto.reason);
  }

  @Post('reject')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Screening: reject a submitted entry (staff)' })
  reject(@CurrentActor() a: Actor, @Param('id') id: string, @Headers('if-match') m: string | undefined, @Body() dto: ReasonDto, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(a, id, 'reject', m, r, dto.reason);
  }

  @Post('extension')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Grant this one application a later deadline (staff)' })
  extend(@CurrentActor() a: Actor, @Param('id') id: string, @Body() dto: ExtensionDto) {
    return this.workflow.extendDeadline(a, id, dto.until, dto.reason);
  }

  @Get('snapshots')
  @ApiOperation({ summary: 'Sealed snapshots of the application, current and superseded' })
  listSnapshots(@CurrentActor() a: Actor, @Param('id') id: string) {
    return this.snapshots.list(a, id);
  }

  private async run(actor: Actor, id: string, action: Action, ifMatch: string | undefined, res: FastifyReply, reason?: string): Promise<TransitionResult> {
    const result = await this.workflow.transition(actor, id, action, { reason, baseVersion: ifMatch === undefined ? undefined : versionFromIfMatch(ifMatch) });
    res.header('ETag', result.etag);
    return result;
  }
}

@ApiTags('workflow')
@Controller('snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'A sealed snapshot’s document and hash (owner organisation, staff)' })
  get(@CurrentActor() a: Actor, @Param('id') id: string) {
    return this.snapshots.get(a, id);
  }

  @Get(':id/verify')
  @Roles('staff')
  @ApiOperation({ summary: 'Recompute the hash from the stored snapshot and compare: { valid, expected, actual } (staff)' })
  verify(@Param('id', IdParam) id: string) {
    return this.snapshots.verify(id);
  }
}

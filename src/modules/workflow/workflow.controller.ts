import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors';
import {
  ExtensionResponse,
  SnapshotListItemResponse,
  SnapshotResponse,
  SnapshotVerifyResponse,
  TransitionResponse,
} from './workflow.response';
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
  @ApiOperation({
    summary: 'Seal (owner organisation, draft, before the deadline): 422 lists every incomplete path; freezes a hashed snapshot',
  })
  @ApiOkResponse({ type: TransitionResponse, description: 'Sealed: snapshotId and sha256 of the frozen snapshot; ETag' })
  @ApiErrors(404, 409, 412, 422)
  seal(
    @CurrentActor() a: Actor,
    @Param('id') id: string,
    @Headers('if-match') m: string | undefined,
    @Body() _: EmptyDto,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(a, id, 'seal', m, r);
  }

  @Post('unseal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Back to draft (owner organisation, sealed, before the deadline); the snapshot is kept as superseded' })
  @ApiOkResponse({ type: TransitionResponse, description: 'The new state; ETag' })
  @ApiErrors(404, 409, 412)
  unseal(
    @CurrentActor() a: Actor,
    @Param('id') id: string,
    @Headers('if-match') m: string | undefined,
    @Body() _: EmptyDto,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(a, id, 'unseal', m, r);
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit (owner organisation, sealed, before the deadline); needs the stamped receipt' })
  @ApiOkResponse({ type: TransitionResponse, description: 'The new state; ETag' })
  @ApiErrors(404, 409, 412, 422)
  submit(
    @CurrentActor() a: Actor,
    @Param('id') id: string,
    @Headers('if-match') m: string | undefined,
    @Body() _: EmptyDto,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(a, id, 'submit', m, r);
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw (owner organisation, any state before results)' })
  @ApiOkResponse({ type: TransitionResponse, description: 'The new state; ETag' })
  @ApiErrors(404, 409, 412)
  withdraw(
    @CurrentActor() a: Actor,
    @Param('id') id: string,
    @Headers('if-match') m: string | undefined,
    @Body() _: EmptyDto,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(a, id, 'withdraw', m, r);
  }

  @Post('accept')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Screening: accept a submitted entry (staff)' })
  @ApiOkResponse({ type: TransitionResponse, description: 'The new state; ETag' })
  @ApiErrors(404, 409, 412)
  accept(
    @CurrentActor() a: Actor,
    @Param('id') id: string,
    @Headers('if-match') m: string | undefined,
    @Body() dto: ReasonDto,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(a, id, 'accept', m, r, dto.reason);
  }

  @Post('return')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Screening: return to the applicant as a draft, with a reason (staff)' })
  @ApiOkResponse({ type: TransitionResponse, description: 'The new state; ETag' })
  @ApiErrors(404, 409, 412)
  return(
    @CurrentActor() a: Actor,
    @Param('id') id: string,
    @Headers('if-match') m: string | undefined,
    @Body() dto: ReasonDto,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(a, id, 'return', m, r, dto.reason);
  }

  @Post('reject')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Screening: reject a submitted entry (staff)' })
  @ApiOkResponse({ type: TransitionResponse, description: 'The new state; ETag' })
  @ApiErrors(404, 409, 412)
  reject(
    @CurrentActor() a: Actor,
    @Param('id') id: string,
    @Headers('if-match') m: string | undefined,
    @Body() dto: ReasonDto,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(a, id, 'reject', m, r, dto.reason);
  }

  @Post('extension')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Grant this one application a later deadline (staff)' })
  @ApiOkResponse({ type: ExtensionResponse })
  @ApiErrors(404)
  extend(@CurrentActor() a: Actor, @Param('id') id: string, @Body() dto: ExtensionDto) {
    return this.workflow.extendDeadline(a, id, dto.until, dto.reason);
  }

  @Get('snapshots')
  @ApiOperation({ summary: 'Sealed snapshots of the application, current and superseded' })
  @ApiOkResponse({ type: [SnapshotListItemResponse] })
  @ApiErrors(404)
  listSnapshots(@CurrentActor() a: Actor, @Param('id') id: string) {
    return this.snapshots.list(a, id);
  }

  private async run(
    actor: Actor,
    id: string,
    action: Action,
    ifMatch: string | undefined,
    res: FastifyReply,
    reason?: string,
  ): Promise<TransitionResult> {
    const result = await this.workflow.transition(actor, id, action, {
      reason,
      baseVersion: ifMatch === undefined ? undefined : versionFromIfMatch(ifMatch),
    });
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
  @ApiOkResponse({ type: SnapshotResponse })
  @ApiErrors(404)
  get(@CurrentActor() a: Actor, @Param('id') id: string) {
    return this.snapshots.get(a, id);
  }

  @Get(':id/verify')
  @Roles('staff')
  @ApiOperation({ summary: 'Recompute the hash from the stored snapshot and compare: { valid, expected, actual } (staff)' })
  @ApiOkResponse({ type: SnapshotVerifyResponse })
  @ApiErrors(403, 404)
  verify(@Param('id', IdParam) id: string) {
    return this.snapshots.verify(id);
  }
}

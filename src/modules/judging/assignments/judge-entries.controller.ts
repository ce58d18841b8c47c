import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Roles } from '../../../common/auth/decorators';
import { ApiErrors } from '../../../common/openapi/api-errors';
import { IdParam } from '../../../common/pipes/params';
import { contentDisposition } from '../../../infra/storage/storage.service';
import { JudgeAssignmentResponse, JudgeDossierPendingResponse, JudgeEntryResponse } from './judge-entries.response';
import { JudgeEntriesService } from './judge-entries.service';

const RETRY_AFTER_SECONDS = 2;

/**
 * The judge's side: own assignments, each entry as the round lets them see it, its files and the
 * judge copy of the dossier. Not assigned, before confidentiality acceptance, or conflicted: 404.
 */
@ApiTags('judging')
@Controller()
export class JudgeEntriesController {
  constructor(private readonly entries: JudgeEntriesService) {}

  @Get('judge/assignments')
  @Roles('judge')
  @ApiOperation({ summary: 'The caller’s assignments (judge): entry codes, review state and progress — own only' })
  @ApiOkResponse({ type: [JudgeAssignmentResponse] })
  mine(@CurrentActor() actor: Actor) {
    return this.entries.mine(actor);
  }

  @Get('assignments/:id')
  @Roles('judge', 'staff')
  @ApiOperation({
    summary:
      'The entry as the assigned judge may see it (blind rounds: entry code, no identifying field, names redacted, files under neutral names), with the rubric and the sections each criterion reads (the assigned judge, staff)',
  })
  @ApiOkResponse({ type: JudgeEntryResponse })
  @ApiErrors(404)
  entry(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.entries.entry(actor, id);
  }

  @Get('assignments/:id/attachments/:attachmentId')
  @Roles('judge', 'staff')
  @ApiOperation({ summary: 'One attachment of the entry, named by kind and number in blind rounds (the assigned judge, staff)' })
  @ApiOkResponse({ description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(404)
  async attachment(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Param('attachmentId', IdParam) attachmentId: string,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.entries.attachment(actor, id, attachmentId);
    return reply
      .header('Content-Type', file.contentType)
      .header('Content-Length', String(file.size))
      .header('Content-Disposition', contentDisposition(file.fileName))
      .header('X-Content-SHA256', file.sha256)
      .header('Cache-Control', 'private, no-store')
      .send(file.stream);
  }

  @Get('assignments/:id/dossier')
  @Roles('judge')
  @ApiOperation({
    summary:
      'The judge copy of the dossier (blind as the round is, watermarked with the judge’s name); 202 + Retry-After while it renders (the assigned judge)',
  })
  @ApiOkResponse({ description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiAcceptedResponse({ type: JudgeDossierPendingResponse, headers: { 'Retry-After': { schema: { type: 'integer' } } } })
  @ApiErrors(404, 409)
  async dossier(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Res() reply: FastifyReply) {
    const answer = await this.entries.dossier(actor, id);
    if (!answer.ready)
      return reply
        .status(202)
        .header('Retry-After', String(RETRY_AFTER_SECONDS))
        .header('Cache-Control', 'no-store')
        .send({ status: answer.status, progress: answer.progress });
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Length', String(answer.size))
      .header('Content-Disposition', contentDisposition(answer.fileName))
      .header('ETag', `"${answer.sha256}"`)
      .header('Cache-Control', 'private, no-store')
      .send(answer.stream);
  }
}

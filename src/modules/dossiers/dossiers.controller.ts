import { applyDecorators, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors';
import { DossierPendingResponse, DossierStatusResponse } from './dossiers.response';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { IdParam } from '../../common/pipes/params';
import { contentDisposition } from '../../infra/storage/storage.service';
import { DossiersService } from './dossiers.service';

/** Seconds a client should wait before asking again while a dossier renders. */
const RETRY_AFTER_SECONDS = 2;

/** Which copy: the caller's by default; staff may name `variant` (and `blind` for a judge copy). */
const copyQueries = () =>
  applyDecorators(
    ApiQuery({ name: 'variant', required: false, enum: ['applicant', 'staff', 'judge'] }),
    ApiQuery({ name: 'blind', required: false, enum: ['true', 'false'] }),
  );

@ApiTags('dossiers')
@Controller('applications/:id/dossier')
export class DossiersController {
  constructor(private readonly dossiers: DossiersService) {}

  @Get()
  @ApiOperation({
    summary:
      'PDF dossier of the current sealed snapshot: the applicant copy for the organisation, the staff copy for staff (variant=judge&blind=true|false previews a judge copy). 202 + Retry-After with { status, progress } while it renders; 409 dossier_failed (reason in details) when rendering failed — see POST …/dossier/retry; 409 while the entry is a draft',
  })
  @copyQueries()
  @ApiOkResponse({
    description: 'The PDF (ETag and X-Content-SHA256: its SHA-256)',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiAcceptedResponse({
    type: DossierPendingResponse,
    description: 'Still rendering: ask again after Retry-After seconds',
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
  })
  @ApiErrors(404, 409)
  async get(
    @CurrentActor() a: Actor,
    @Param('id', IdParam) id: string,
    @Query() query: { variant?: string; blind?: string },
    @Res() reply: FastifyReply,
  ) {
    const answer = await this.dossiers.forApplication(a, id, query);
    if (!answer.ready) {
      const { status, progress, snapshotId } = answer;
      return reply
        .status(202)
        .header('Retry-After', String(RETRY_AFTER_SECONDS))
        .header('Cache-Control', 'no-store')
        .send({ status, progress, snapshotId });
    }
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Length', String(answer.size))
      .header('Content-Disposition', contentDisposition(answer.fileName))
      .header('ETag', `"${answer.sha256}"`)
      .header('X-Content-SHA256', answer.sha256)
      .header('Cache-Control', 'private, no-cache')
      .send(answer.stream);
  }

  @Get('status')
  @ApiOperation({
    summary:
      'Where the same copy stands, without the PDF: { status: queued|rendering|ready|failed, progress, reason } (queues the render like GET …/dossier); for polling',
  })
  @ApiOkResponse({ type: DossierStatusResponse })
  @ApiErrors(404, 409)
  @copyQueries()
  async status(
    @CurrentActor() a: Actor,
    @Param('id', IdParam) id: string,
    @Query() query: { variant?: string; blind?: string },
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const answer = await this.dossiers.status(a, id, query);
    reply.header('Cache-Control', 'no-store');
    if (answer.status === 'queued' || answer.status === 'rendering') reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return answer;
  }

  @Post('retry')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Render a failed copy again (the organisation for its copy, staff for theirs): 202 { status: queued }; 409 dossier_not_failed unless it failed',
  })
  @ApiAcceptedResponse({ type: DossierStatusResponse, headers: { 'Retry-After': { schema: { type: 'integer' } } } })
  @ApiErrors(404, 409)
  @copyQueries()
  async retry(
    @CurrentActor() a: Actor,
    @Param('id', IdParam) id: string,
    @Query() query: { variant?: string; blind?: string },
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const answer = await this.dossiers.retry(a, id, query);
    reply.header('Retry-After', String(RETRY_AFTER_SECONDS)).header('Cache-Control', 'no-store');
    return answer;
  }
}

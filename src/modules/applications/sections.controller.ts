import { Controller, Get, Headers, Param, Patch, Put, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors';
import { SECTION_BODY_SCHEMA, SectionResponse } from './applications.response';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { RawBody } from './raw-body.decorator';
import { versionFromIfMatch } from './etag';
import { SectionsService, type Answer, type SectionView } from './sections.service';

import { SECTION_KEYS } from '../../form/sections';

/**
 * The form, section by section. Bodies are validated against the section's descriptor-built DTO
 * (see src/form), not by the global pipe, because the shape depends on `:key`.
 */
@ApiTags('sections')
@ApiParam({ name: 'key', enum: SECTION_KEYS })
@Controller('applications/:id/sections')
export class SectionsController {
  constructor(private readonly sections: SectionsService) {}

  @Get(':key')
  @ApiOperation({ summary: 'Section data and server-computed fields; ETag' })
  @ApiOkResponse({ type: SectionResponse })
  @ApiErrors(404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('key') key: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return withEtag(res, await this.sections.get(actor, id, key));
  }

  @Put(':key')
  @ApiOperation({
    summary:
      'Replace the whole section (partial allowed in draft); If-Match required; `Prefer: return=minimal` answers 204 with the new ETag',
  })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiBody({ schema: { ...SECTION_BODY_SCHEMA, description: 'The section document of `:key` (fields as GET /api/form describes them)' } })
  @ApiOkResponse({ type: SectionResponse })
  @ApiNoContentResponse({ description: 'Prefer: return=minimal — saved; the new ETag only' })
  @ApiErrors(404, 409, 412, 428)
  async replace(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('key') key: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @RawBody() body: unknown,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return respond(res, prefer, (answer) => this.sections.replace(actor, id, key, versionFromIfMatch(ifMatch), body, answer));
  }

  @Patch(':key')
  @ApiOperation({
    summary: 'JSON merge patch (RFC 7396) for autosave; If-Match required; `Prefer: return=minimal` answers 204 with the new ETag',
  })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiBody({ schema: { ...SECTION_BODY_SCHEMA, description: 'A JSON merge patch of the section document of `:key` (null removes a key)' } })
  @ApiOkResponse({ type: SectionResponse })
  @ApiNoContentResponse({ description: 'Prefer: return=minimal — saved; the new ETag only' })
  @ApiErrors(404, 409, 412, 428)
  async patch(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('key') key: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @RawBody() body: unknown,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return respond(res, prefer, (answer) => this.sections.patch(actor, id, key, versionFromIfMatch(ifMatch), body, answer));
  }
}

/**
 * RFC 7240 `Prefer: return=minimal`: an autosave client already holds what it sent and needs
 * only the new ETag, so it gets 204 and no body, and the write skips the computed values (they
 * may read the other sections).
 */
async function respond(
  res: FastifyReply,
  prefer: string | undefined,
  write: (answer: Answer) => Promise<SectionView>,
): Promise<SectionView | undefined> {
  const minimal = !!prefer && /\breturn=minimal\b/i.test(prefer);
  const view = withEtag(res, await write({ computed: !minimal }));
  if (!minimal) return view;
  res.status(204).header('Preference-Applied', 'return=minimal');
  return undefined;
}

function withEtag(res: FastifyReply, view: SectionView): SectionView {
  res.header('ETag', view.etag);
  return view;
}

import { Controller, Get, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Roles } from '../../../common/auth/decorators';
import { ApiErrors } from '../../../common/openapi/api-errors';
import { IdParam } from '../../../common/pipes/params';
import { versionFromIfMatch } from '../../applications/etag';
import { RawBody } from '../../applications/raw-body.decorator';
import { REVIEW_PATCH_SCHEMA, ReviewResponse } from './reviews.response';
import { ReviewsService, type ReviewView } from './reviews.service';

const withEtag = (res: FastifyReply, view: ReviewView) => {
  res.header('ETag', view.etag).header('Cache-Control', 'no-store');
  return view;
};

/** The assigned judge's review of one assignment. Anyone else (or before confidentiality, or conflicted): 404. */
@ApiTags('judging')
@Controller('assignments/:id/review')
@Roles('judge')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @ApiOperation({ summary: 'The review (version 0 and empty until the first change); ETag (the assigned judge)' })
  @ApiOkResponse({ type: ReviewResponse })
  @ApiErrors(404)
  async get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Res({ passthrough: true }) res: FastifyReply) {
    return withEtag(res, await this.reviews.get(actor, id));
  }

  @Patch()
  @ApiOperation({
    summary:
      'JSON merge patch of ratings, comments and overallComment, validated against the rubric (400 naming ratings.<key>); If-Match required (428), a stale one 412 with the current review; 409 once the round is closed (the assigned judge)',
  })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiBody({ schema: REVIEW_PATCH_SCHEMA })
  @ApiOkResponse({ type: ReviewResponse })
  @ApiErrors(404, 409, 412, 422, 428)
  async patch(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @RawBody() body: unknown,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return withEtag(res, await this.reviews.patch(actor, id, versionFromIfMatch(ifMatch), body));
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Submit: { state: "submitted", total }, or 422 listing unrated criteria (ratings.<key>) and missing comments at the extremes (comments.<key>); 409 once the round is closed (the assigned judge)',
  })
  @ApiOkResponse({ type: ReviewResponse })
  @ApiErrors(404, 409, 422)
  async submit(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Res({ passthrough: true }) res: FastifyReply) {
    return withEtag(res, await this.reviews.submit(actor, id));
  }
}

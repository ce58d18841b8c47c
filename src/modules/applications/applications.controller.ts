import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors';
import { ApplicationResponse, CompletenessResponse } from './applications.response';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { CreateApplicationDto, UpdateApplicationDto } from './applications.dto';
import { ApplicationsService } from './applications.service';
import { versionFromIfMatch } from './etag';
import { optionalBoolQuery, optionalUuidQuery } from '../../common/pipes/params';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @ApiOperation({ summary: 'Start an application (applicant): one live per organisation × cycle × category' })
  @ApiCreatedResponse({ type: ApplicationResponse, description: 'The new draft; ETag and Location' })
  @ApiErrors(404, 409)
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateApplicationDto, @Res({ passthrough: true }) res: FastifyReply) {
    const app = await this.applications.create(actor, dto);
    res.header('ETag', app.etag).header('Location', `/api/applications/${app.id}`);
    return app;
  }

  @Get()
  @ApiOperation({ summary: 'My organisations’ applications; staff: all, filterable' })
  @ApiQuery({ name: 'cycleId', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'memberUnit', required: false, type: Boolean })
  @ApiOkResponse({ type: [ApplicationResponse] })
  list(
    @CurrentActor() actor: Actor,
    @Query('cycleId', optionalUuidQuery('cycleId')) cycleId?: string,
    @Query('state') state?: string,
    @Query('memberUnit', optionalBoolQuery('memberUnit')) memberUnit?: boolean,
  ) {
    return this.applications.list(actor, { cycleId, state, memberUnit });
  }

  @Get(':id')
  @ApiOperation({ summary: 'State, version, completeness per section; ETag' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(404)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) res: FastifyReply) {
    const app = await this.applications.get(actor, id);
    res.header('ETag', app.etag);
    return app;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the nomination (owner organisation, draft); If-Match' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiErrors(404, 409, 412, 428)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateApplicationDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const app = await this.applications.updateNomination(actor, id, versionFromIfMatch(ifMatch), dto.nomination);
    res.header('ETag', app.etag);
    return app;
  }

  @Get(':id/completeness')
  @ApiOperation({ summary: 'Every missing or failing dotted path, per section' })
  @ApiOkResponse({ type: CompletenessResponse })
  @ApiErrors(404)
  completeness(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.applications.completeness(actor, id);
  }
}

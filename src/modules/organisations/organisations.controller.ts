import { Body, Controller, Get, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors';
import {
  InvitationAcceptedResponse,
  InvitationResponse,
  MemberUnitResponse,
  OrganisationListItemResponse,
  OrganisationWithMembersResponse,
} from './organisations.response';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import { setSessionCookie } from '../../common/auth/session-cookie';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AcceptInvitationDto, InviteDto, MemberUnitDto, OrganisationsQueryDto, UpdateOrganisationDto } from './organisations.dto';
import { OrganisationsService } from './organisations.service';
import { IdParam } from '../../common/pipes/params';

@ApiTags('organisations')
@Controller()
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('organisations')
  @Roles('staff')
  @ApiOperation({ summary: 'All organisations (staff), searched by name, USCC or group; member units first' })
  @ApiOkResponse({ type: [OrganisationListItemResponse] })
  @ApiErrors(403)
  list(@Query() query: OrganisationsQueryDto) {
    return this.organisations.listAll(query.memberUnit, query.q);
  }

  @Get('organisations/:id')
  @ApiOperation({ summary: 'An organisation with its members and entries (members, staff)' })
  @ApiOkResponse({ type: OrganisationWithMembersResponse })
  @ApiErrors(404)
  get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.organisations.get(actor, id);
  }

  @Patch('organisations/:id')
  @ApiOperation({ summary: 'Edit name, USCC, parent group (owner)' })
  @ApiOkResponse({ type: OrganisationWithMembersResponse })
  @ApiErrors(404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: UpdateOrganisationDto) {
    return this.organisations.update(actor, id, dto);
  }

  @Patch('organisations/:id/member-unit')
  @Roles('staff')
  @ApiOperation({ summary: 'Verify (or revoke, with a reason) member/council unit status (staff); audited' })
  @ApiOkResponse({ type: MemberUnitResponse })
  @ApiErrors(404)
  setMemberUnit(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: MemberUnitDto) {
    return this.organisations.setMemberUnit(actor, id, dto.memberUnit, dto.reason);
  }

  @Post('organisations/:id/invitations')
  @ApiOperation({ summary: 'Invite a colleague by e-mail (owner); returns the one-time token' })
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiErrors(404, 409)
  invite(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: InviteDto) {
    return this.organisations.invite(actor, id, dto.email);
  }

  @Public()
  @Post('invitations/:token/accept')
  @ApiOperation({ summary: 'Join the inviting organisation (signed in with the invited e-mail, or sign up with name + password)' })
  @ApiCreatedResponse({ type: InvitationAcceptedResponse })
  @ApiErrors(404, 409)
  async accept(
    @CurrentActor() actor: Actor | undefined,
    @Param('token') token: string,
    @Body() dto: AcceptInvitationDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { session, ...joined } = await this.organisations.accept(actor, token, dto, req.headers['user-agent']);
    if (!session) return joined;
    setSessionCookie(res, session, this.config.publicUrl);
    return { ...joined, accessToken: session.token };
  }
}

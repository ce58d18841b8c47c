import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../../common/auth/decorators';
import { setSessionCookie } from '../../../common/auth/session-cookie';
import { ApiErrors } from '../../../common/openapi/api-errors';
import { IdParam } from '../../../common/pipes/params';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { PanelJudgeResponse } from '../rounds/rounds.response';
import { AcceptJudgeInvitationDto, AddPanelDto, InviteJudgeDto, UpdateJudgeProfileDto } from './judges.dto';
import {
  ConfidentialityResponse,
  JudgeCycleResponse,
  JudgeInvitationResponse,
  JudgeProfileResponse,
  JudgeSignedInResponse,
  JudgesOverviewResponse,
} from './judges.response';
import { JudgesService } from './judges.service';

@ApiTags('judging')
@Controller()
export class JudgesController {
  constructor(
    private readonly judges: JudgesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('judges')
  @Roles('staff')
  @ApiOperation({ summary: 'Judge accounts with their profiles, and the invitations not yet accepted nor expired (staff)' })
  @ApiOkResponse({ type: JudgesOverviewResponse })
  list() {
    return this.judges.overview();
  }

  @Post('judges/invitations')
  @Roles('staff')
  @ApiOperation({ summary: 'Invite a judge by e-mail (staff); the link is mailed and answered' })
  @ApiCreatedResponse({ type: JudgeInvitationResponse })
  @ApiErrors(409)
  invite(@CurrentActor() actor: Actor, @Body() dto: InviteJudgeDto) {
    return this.judges.invite(actor, dto);
  }

  @Public()
  @Post('judges/invitations/:token/accept')
  @ApiOperation({ summary: 'Accept a judge invitation: a new judge account, signed in (cookie and bearer token)' })
  @ApiCreatedResponse({ type: JudgeSignedInResponse })
  @ApiErrors(404, 409)
  async accept(
    @Param('token') token: string,
    @Body() dto: AcceptJudgeInvitationDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { userId, session } = await this.judges.accept(token, dto, req.headers['user-agent']);
    setSessionCookie(res, session, this.config.publicUrl);
    return { accessToken: session.token, userId };
  }

  @Get('judges/me')
  @Roles('judge')
  @ApiOperation({ summary: 'The judge’s own profile' })
  @ApiOkResponse({ type: JudgeProfileResponse })
  me(@CurrentActor() actor: Actor) {
    return this.judges.profile(actor);
  }

  @Get('judges/me/cycles')
  @Roles('judge')
  @ApiOperation({
    summary:
      'The cycles where the caller sits on the panel of a draft or open round, with those rounds (judge): where the home page asks for confidentiality and conflicts',
  })
  @ApiOkResponse({ type: [JudgeCycleResponse] })
  myCycles(@CurrentActor() actor: Actor) {
    return this.judges.cycles(actor);
  }

  @Patch('judges/me')
  @Roles('judge')
  @ApiOperation({ summary: 'Change the judge’s own profile (industries, employer, USCC, group, capacity)' })
  @ApiOkResponse({ type: JudgeProfileResponse })
  updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateJudgeProfileDto) {
    return this.judges.updateProfile(actor, dto);
  }

  @Post('rounds/:id/judges')
  @Roles('staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add judges to a round’s panel (staff); answers the panel' })
  @ApiOkResponse({ type: [PanelJudgeResponse] })
  @ApiErrors(404, 409)
  addPanel(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: AddPanelDto) {
    return this.judges.addToPanel(actor, id, dto);
  }

  @Get('rounds/:id/judges')
  @Roles('staff')
  @ApiOperation({ summary: 'A round’s panel with each judge’s assignments there (staff)' })
  @ApiOkResponse({ type: [PanelJudgeResponse] })
  @ApiErrors(404)
  panel(@Param('id', IdParam) id: string) {
    return this.judges.panelOf(id);
  }

  @Delete('rounds/:id/judges/:judgeId')
  @Roles('staff')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a judge off a round’s panel (staff); 409 judge_has_assignments while entries are assigned to them there' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(404, 409)
  async removePanel(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Param('judgeId', IdParam) judgeId: string,
  ): Promise<void> {
    await this.judges.removeFromPanel(actor, id, judgeId);
  }

  @Get('cycles/:id/confidentiality')
  @Roles('judge')
  @ApiOperation({ summary: 'The cycle’s confidentiality terms (zh, en) and whether this judge accepted them' })
  @ApiOkResponse({ type: ConfidentialityResponse })
  @ApiErrors(404)
  terms(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.judges.confidentiality(actor, id);
  }

  @Post('cycles/:id/confidentiality')
  @Roles('judge')
  @ApiOperation({ summary: 'Accept the cycle’s confidentiality terms (before it, no entry is visible)' })
  @ApiCreatedResponse({ type: ConfidentialityResponse })
  @ApiErrors(404)
  acceptTerms(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.judges.acceptConfidentiality(actor, id);
  }
}

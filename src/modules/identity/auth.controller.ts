import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public } from '../../common/auth/decorators';
import { clearSessionCookie, setSessionCookie } from '../../common/auth/session-cookie';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { LoginDto, PasswordResetConfirmDto, PasswordResetRequestDto, RegisterDto } from './auth.dto';
import { PasswordResetService } from './password-reset.service';
import { AuthService, type SignedIn } from './auth.service';
import { RateLimited } from './rate-limit.guard';
import { SessionService } from './session.service';
import { AcceptedResponse, RegisteredResponse, SignedInResponse } from './identity.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly passwordReset: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @RateLimited({ bucket: 'register' })
  @Post('register')
  @ApiOperation({ summary: 'Register an applicant who owns a new organisation (signs in at once)' })
  @ApiCreatedResponse({ type: RegisteredResponse })
  @ApiErrors(409, 429)
  async register(@Body() dto: RegisterDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const signedIn = await this.auth.register(dto, req.headers['user-agent']);
    return { ...this.signIn(res, signedIn), organisation: signedIn.organisation };
  }

  @Public()
  @RateLimited({ bucket: 'login', perAccount: true })
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: sets the httpOnly session cookie and returns a bearer token' })
  @ApiOkResponse({ type: SignedInResponse })
  @ApiErrors(401, 429)
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.signIn(res, await this.auth.login(dto.email, dto.password, req.headers['user-agent']));
  }

  @Public()
  @RateLimited({ bucket: 'password-reset', perAccount: true })
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({ summary: 'Mail a one-time reset link (the same answer whether or not the e-mail has an account)' })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiErrors(429)
  async requestPasswordReset(@Body() dto: PasswordResetRequestDto) {
    await this.passwordReset.request(dto.email);
    return { accepted: true };
  }

  @Public()
  @RateLimited({ bucket: 'password-reset-confirm' })
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the token from the mail; signs out every session' })
  @ApiNoContentResponse({ description: 'Password set' })
  @ApiErrors(429)
  async confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    await this.passwordReset.confirm(dto.token, dto.password);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session and clear the cookie' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    await this.sessions.revoke(actor.sessionId);
    clearSessionCookie(res);
  }

  private signIn(res: FastifyReply, s: SignedIn) {
    setSessionCookie(res, s, this.config.publicUrl);
    return { accessToken: s.token, expiresAt: s.expiresAt.toISOString(), user: s.user };
  }
}

import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, forbidden } from '../errors/domain-error';
import type { Actor } from './actor';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { assertBodyType, assertSameOriginWrite } from './browser-requests';
import { PUBLIC_KEY, ROLES_KEY, UPLOAD_KEY } from './decorators';
import type { Role } from './roles';
import { SessionResolver } from './session-resolver';
import { SESSION_COOKIE } from './tokens';

/**
 * Global guard: every route needs a signed-in actor unless marked @Public(); @Roles narrows it.
 * The token comes from `Authorization: Bearer …` or the httpOnly session cookie. Before anything
 * else, every write — public ones (login, register, invitations) included — must come from this
 * site's own pages or a non-browser client, with a JSON body (multipart on @UploadRoute()).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SessionResolver) private readonly sessions: SessionResolver,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicOrigin = new URL(config.publicUrl).origin;
  }

  private readonly publicOrigin: string;

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const targets = [ctx.getHandler(), ctx.getClass()];
    assertSameOriginWrite(req, this.publicOrigin);
    assertBodyType(req, this.reflector.getAllAndOverride<boolean>(UPLOAD_KEY, targets) === true);

    const token = tokenOf(req);
    if (token) req.actor = (await this.sessions.resolve(token)) ?? undefined;

    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (!req.actor) throw new DomainError('unauthorized', 'unauthorized');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(req.actor.role) && !(req.actor.role === 'admin' && roles.includes('staff'))) throw forbidden();
    return true;
  }
}

export function tokenOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  const cookie = req.cookies?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie ? cookie : undefined;
}

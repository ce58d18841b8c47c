import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, forbidden } from '../errors/domain-error';
import type { Role } from '../../modules/identity/user.entity';
import { SessionService } from '../../modules/identity/session.service';
import type { Actor } from './actor';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';
import { SESSION_COOKIE } from './tokens';

/**
 * Global guard: every route needs a signed-in actor unless marked @Public(); @Roles narrows it.
 * The token comes from `Authorization: Bearer …` or the httpOnly session cookie.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const token = tokenOf(req);
    if (token) req.actor = (await this.sessions.resolve(token)) ?? undefined;

    const targets = [ctx.getHandler(), ctx.getClass()];
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

import { applyDecorators, Inject, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RateLimiter } from '../../infra/redis/rate-limiter';

/** What a route counts: attempts per client address and, for routes naming an account, per e-mail. */
export interface RateLimitRule {
  /** The counter's name (routes with the same name share counters). */
  bucket: string;
  /** Also count per e-mail in the body (known or not: an unknown one is counted exactly alike). */
  perAccount?: boolean;
}

const RULE = Symbol('rate-limit-rule');
const WINDOW_MS = 60_000;

/** Limits a public account route to LOGIN_RATE_LIMIT attempts a minute per client address (and per account). */
export const RateLimited = (rule: RateLimitRule) => applyDecorators(SetMetadata(RULE, rule), UseGuards(RateLimitGuard));

/** An IPv6 client is counted by its /64 (one subscriber's usual allocation), IPv4 by address. */
export function clientKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (v4 || !isIPv6(ip)) return v4 ?? ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Counts before anything else runs (guards precede validation), in Redis so that every API
 * instance shares the counts. Over the limit: 429 with Retry-After, the same answer whether or
 * not the e-mail has an account.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<RateLimitRule | undefined>(RULE, ctx.getHandler());
    if (!rule) return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const keys = [`${rule.bucket}:ip:${clientKey(req.ip)}`];
    const email = (req.body as { email?: unknown } | undefined)?.email;
    if (rule.perAccount && typeof email === 'string') {
      // hashed: the counters say nothing about which addresses were tried
      keys.push(`${rule.bucket}:account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}`);
    }
    const hits = await Promise.all(keys.map((k) => this.limiter.hit(k, this.config.loginRateLimit, WINDOW_MS)));
    const refused = hits.filter((h) => !h.allowed);
    if (!refused.length) return true;
    void ctx
      .switchToHttp()
      .getResponse<FastifyReply>()
      .header('Retry-After', String(Math.max(...refused.map((h) => h.retryAfterSeconds))));
    throw new DomainError('too_many_requests', 'too_many_requests');
  }
}

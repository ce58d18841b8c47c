import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { REDIS } from './redis.tokens';

export interface RateLimitHit {
  allowed: boolean;
  /** Attempts counted in the current window, this one included. */
  count: number;
  /** Whole seconds until the window ends (for Retry-After). */
  retryAfterSeconds: number;
}

/** One atomic step: count the attempt, start the window with the first one, report what is left of it. */
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if n == 1 or ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/**
 * Fixed-window attempt counters in Redis, shared by every API instance. Keys carry the
 * deployment's prefix (the queue prefix), so two deployments on one Redis count apart. If Redis
 * cannot answer, this process counts alone in memory until it can: limits get looser (per
 * instance), never absent.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly prefix: string;
  private readonly local = new LRUCache<string, { count: number; resetAt: number }>({ max: 100_000 });
  private warnedAt = 0;
  private connecting?: Promise<unknown>;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:ratelimit:`;
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateLimitHit> {
    let count: number;
    let ttlMs: number;
    try {
      // the shared connection is lazy and queues nothing while offline: connect once, first
      if (this.redis.status === 'wait') this.connecting ??= this.redis.connect().catch(() => undefined);
      await this.connecting;
      [count, ttlMs] = (await this.redis.eval(HIT, 1, this.prefix + key, windowMs)) as [number, number];
    } catch (e) {
      if (Date.now() - this.warnedAt > 60_000) {
        this.warnedAt = Date.now();
        this.logger.warn(`rate limits counted in this process only (Redis: ${(e as Error).message})`);
      }
      [count, ttlMs] = this.hitLocally(key, windowMs);
    }
    return { allowed: count <= limit, count, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
  }

  private hitLocally(key: string, windowMs: number): [number, number] {
    const now = Date.now();
    let entry = this.local.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs };
      this.local.set(key, entry);
    }
    entry.count += 1;
    return [entry.count, entry.resetAt - now];
  }
}

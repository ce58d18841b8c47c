import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { LRUCache } from 'lru-cache';
import { SessionResolver } from '../../common/auth/session-resolver';
import { hashToken, newToken } from '../../common/auth/tokens';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Sql, type SqlRunner } from '../../infra/database/sql';

/**
 * Opaque, revocable sessions: the same token works as cookie and as bearer token. Resolved
 * sessions are remembered for a few seconds (SESSION_CACHE_SECONDS) so that autosave does not pay
 * a lookup per keystroke; this process forgets a revoked session at once.
 */
@Injectable()
export class SessionService implements SessionResolver {
  /** Absent when SESSION_CACHE_SECONDS is 0 (lru-cache reads a ttl of 0 as "never expires"). */
  private readonly cache?: LRUCache<string, Actor>;

  constructor(
    private readonly db: Sql,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (config.sessionCacheSeconds > 0) this.cache = new LRUCache({ max: 10_000, ttl: config.sessionCacheSeconds * 1000 });
  }

  async create(userId: string, userAgent?: string): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.db.rows('INSERT INTO sessions (user_id, token_hash, user_agent, expires_at) VALUES ($1, $2, $3, $4)', [
      userId,
      hashToken(token),
      userAgent?.slice(0, 300) ?? null,
      expiresAt,
    ]);
    return { token, expiresAt };
  }

  /** The actor behind a token, or null when unknown, expired or the user is disabled. */
  async resolve(token: string): Promise<Actor | null> {
    const tokenHash = hashToken(token);
    const cached = this.cache?.get(tokenHash);
    if (cached) return cached;
    const rows = await this.db.prepared<{ session_id: string; id: string; email: string; name: string; role: Actor['role'] }>(
      'session-resolve',
      `SELECT s.id AS session_id, u.id, u.email, u.name, u.role
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return null;
    const actor: Actor = { userId: r.id, sessionId: r.session_id, email: r.email, name: r.name, role: r.role };
    this.cache?.set(tokenHash, actor);
    return actor;
  }

  async revoke(sessionId: string): Promise<void> {
    this.forget((a) => a.sessionId === sessionId);
    await this.db.rows('DELETE FROM sessions WHERE id = $1', [sessionId]);
  }

  /**
   * Sign a user out everywhere (role change, password reset). With `tx`, the sessions end in the
   * caller's transaction, so no request authenticates with an old session against the committed
   * change; call `forgetAllOf` after the commit to drop what this process's cache picked up meanwhile.
   */
  async revokeAllOf(userId: string, tx: SqlRunner = this.db): Promise<void> {
    this.forgetAllOf(userId);
    await tx.run('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  /** Drops the user's sessions from this process's cache (they are re-read, and found gone). */
  forgetAllOf(userId: string): void {
    this.forget((a) => a.userId === userId);
  }

  private forget(match: (a: Actor) => boolean): void {
    if (!this.cache) return;
    const keys = [...this.cache.entries()].filter(([, a]) => match(a)).map(([k]) => k);
    for (const k of keys) this.cache.delete(k);
  }
}

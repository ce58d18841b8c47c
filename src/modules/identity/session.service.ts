import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { hashToken, newToken } from '../../common/auth/tokens';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** Opaque, revocable sessions: the same token works as cookie and as bearer token. */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(userId: string, userAgent?: string): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.db.query('INSERT INTO sessions (user_id, token_hash, user_agent, expires_at) VALUES ($1, $2, $3, $4)', [
      userId, hashToken(token), userAgent?.slice(0, 300) ?? null, expiresAt,
    ]);
    return { token, expiresAt };
  }

  /** The actor behind a token, or null when unknown, expired or the user is disabled. */
  async resolve(token: string): Promise<Actor | null> {
    const rows: Array<{ session_id: string; id: string; email: string; name: string; role: Actor['role'] }> = await this.db.query(
      `SELECT s.id AS session_id, u.id, u.email, u.name, u.role
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
      [hashToken(token)],
    );
    const r = rows[0];
    return r ? { userId: r.id, sessionId: r.session_id, email: r.email, name: r.name, role: r.role } : null;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
  }

  /** Sign a user out everywhere (role change, password reset). */
  async revokeAllOf(userId: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }
}

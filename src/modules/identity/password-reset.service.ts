import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hashToken, newToken } from '../../common/auth/tokens';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Mailer } from '../../infra/mail/mailer';
import { AuditService } from '../audit/audit.service';
import { renderNotification } from '../notifications/notification-renderer';
import { hashPassword } from './password';
import { SessionService } from './session.service';

const VALID_MINUTES = 60;

/**
 * Forgotten passwords: a one-time link by mail. The answer never says whether the e-mail has an
 * account. The mail is sent directly, not through the outbox, so the token never rests in the
 * database in the clear (only its SHA-256).
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: Mailer,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async request(emailRaw: string): Promise<void> {
    const email = emailRaw.trim().toLowerCase();
    const [user] = await this.db.query('SELECT id, email FROM users WHERE lower(email) = $1 AND NOT disabled', [email]);
    if (!user) return;
    const token = newToken();
    await this.db.query(
      `INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))`,
      [user.id, hashToken(token), VALID_MINUTES],
    );
    const link = `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await this.mailer
      .send(renderNotification('password_reset', { link }, [user.email]))
      .catch((e: Error) => this.logger.error(`password-reset mail to ${user.email} failed: ${e.message}`));
  }

  async confirm(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const userId = await this.db.transaction(async (tx) => {
      // single use: the UPDATE claims the token, a second request finds nothing to claim
      const [claimed]: [Array<{ user_id: string }>, number] = await tx.query(
        `UPDATE password_resets SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
        [hashToken(token)],
      );
      if (!claimed.length) throw new DomainError('validation', 'invalid', [{ path: 'token', code: 'reset_token_invalid' }]);
      const id = claimed[0].user_id;
      await tx.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, passwordHash]);
      await this.audit.record({ action: 'auth.password_reset', actor: { userId: id, role: 'applicant' }, entity: 'user', entityId: id }, tx);
      return id;
    });
    await this.sessions.revokeAllOf(userId); // every old sign-in ends with the old password
  }
}

import { Injectable } from '@nestjs/common';
import { hashToken } from '../../common/auth/tokens';
import { DomainError } from '../../common/errors/domain-error';
import { Sql } from '../../infra/database/sql';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../notifications/outbox.service';
import { hashPassword } from './password';
import { invalidateResetTokens } from './reset-tokens';
import { SessionService } from './session.service';

/**
 * Forgotten passwords: a one-time link by mail. The answer never says whether the e-mail has an
 * account, and neither does its timing: the request writes one outbox row whatever the address
 * (a known one's row names the user, an unknown one's names nobody) and queues its delivery; the
 * worker sends the mail and only then issues the token (reset-tokens.ts), so no secret rests in
 * the outbox and no SMTP work happens inside the request.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly db: Sql,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async request(emailRaw: string): Promise<void> {
    const email = emailRaw.trim().toLowerCase();
    // an aggregate always yields one row: the same statement, the same write, for every address
    const [row] = await this.db.rows<{ id: string }>(
      `INSERT INTO notification_outbox (kind, recipient_user_ids)
       SELECT 'password_reset', coalesce(array_agg(id), '{}') FROM users WHERE lower(email) = $1 AND NOT disabled
       RETURNING id`,
      [email],
    );
    await this.outbox.enqueue([row.id]);
  }

  async confirm(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const userId = await this.db.transaction(async (tx) => {
      // single use: the UPDATE claims the token, a second request finds nothing to claim
      const claimed = await tx.rows<{ user_id: string }>(
        `UPDATE password_resets SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
        [hashToken(token)],
      );
      if (!claimed.length) throw new DomainError('validation', 'invalid', [{ path: 'token', code: 'reset_token_invalid' }]);
      const id = claimed[0].user_id;
      await tx.run('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, passwordHash]);
      await invalidateResetTokens(tx, id); // the other links mailed before this one end too
      await this.audit.record(
        { action: 'auth.password_reset', actor: { userId: id, role: 'applicant' }, entity: 'user', entityId: id },
        tx,
      );
      return id;
    });
    await this.sessions.revokeAllOf(userId); // every old sign-in ends with the old password
  }
}

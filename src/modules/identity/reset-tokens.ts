import { hashToken, newToken } from '../../common/auth/tokens';
import type { SqlRunner } from '../../infra/database/sql';

/** How long a reset link works, counted from when its mail is sent (the mail text says one hour). */
export const RESET_VALID_MINUTES = 60;

/**
 * A new reset link for a user, issued by the worker as it sends the mail (in the delivery's
 * transaction, so a failed send leaves no usable token). Only the token's SHA-256 is stored; the
 * outbox row carries no secret.
 */
export async function issueResetLink(db: SqlRunner, userId: string, publicUrl: string): Promise<string> {
  const token = newToken();
  await db.run(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))`, [
    userId,
    hashToken(token),
    RESET_VALID_MINUTES,
  ]);
  return `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

/** Ends every outstanding reset link of a user (after a reset or any other password change). */
export async function invalidateResetTokens(db: SqlRunner, userId: string): Promise<void> {
  await db.run('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [userId]);
}

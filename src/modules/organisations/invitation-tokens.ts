import { hashToken, newToken } from '../../common/auth/tokens';
import type { SqlRunner } from '../../infra/database/sql';

/**
 * The mailed link of a pending invitation, issued by the worker as it sends the mail (in the
 * delivery's transaction, so a failed send leaves no usable token; only its SHA-256 is stored,
 * the outbox row carries no secret). Undefined when the invitation was accepted, revoked or has
 * expired meanwhile: nothing is sent then.
 */
export async function issueInvitationLink(db: SqlRunner, invitationId: string, publicUrl: string): Promise<string | undefined> {
  const token = newToken();
  const claimed = await db.run(
    `UPDATE invitations SET mail_token_hash = $2
      WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
    [invitationId, hashToken(token)],
  );
  return claimed ? `${publicUrl}/invitations/${encodeURIComponent(token)}` : undefined;
}

import { hashToken, newToken } from '../../common/auth/tokens';

/** Anything that runs SQL: a DataSource or a transaction's EntityManager. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * The mailed link of a pending invitation, issued by the worker as it sends the mail (in the
 * delivery's transaction, so a failed send leaves no usable token; only its SHA-256 is stored,
 * the outbox row carries no secret). Undefined when the invitation was accepted, revoked or has
 * expired meanwhile: nothing is sent then.
 */
export async function issueInvitationLink(db: Queryable, invitationId: string, publicUrl: string): Promise<string | undefined> {
  const token = newToken();
  const claimed = (await db.query(
    `UPDATE invitations SET mail_token_hash = $2
      WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
    [invitationId, hashToken(token)],
  )) as [unknown[], number] | unknown[];
  // TypeORM answers an UPDATE … RETURNING with [rows, count]
  const rows = Array.isArray(claimed[0]) ? (claimed[0] as unknown[]) : (claimed as unknown[]);
  return rows.length ? `${publicUrl}/invitations/${encodeURIComponent(token)}` : undefined;
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations by e-mail, listed and revocable: the invitation mail carries its own token, issued
 * by the worker when it sends (`mail_token_hash`; the outbox row never holds the secret), the
 * outbox row names an address rather than a user (`recipient_emails`, added with judging), and an
 * owner may revoke a pending invitation (`revoked_at`, `revoked_by`): neither link works after.
 */
export class InvitationMailAndRevoke1764000000020 implements MigrationInterface {
  name = 'InvitationMailAndRevoke1764000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE invitations
        ADD COLUMN mail_token_hash text UNIQUE,
        ADD COLUMN revoked_at timestamptz,
        ADD COLUMN revoked_by uuid REFERENCES users(id);
      CREATE INDEX invitations_pending_idx ON invitations (organisation_id, created_at)
        WHERE accepted_at IS NULL AND revoked_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX invitations_pending_idx;
      ALTER TABLE invitations DROP COLUMN revoked_by, DROP COLUMN revoked_at, DROP COLUMN mail_token_hash;
    `);
  }
}

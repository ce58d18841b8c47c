import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time password-reset tokens (stored as SHA-256 only, valid for an hour). */
export class PasswordResets1764000000004 implements MigrationInterface {
  name = 'PasswordResets1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE password_resets');
  }
}

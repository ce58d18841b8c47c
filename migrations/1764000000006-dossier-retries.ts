import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dossier whose render used up its attempts is `failed` (reason in `error`) until someone asks
 * for a retry. Each retry is a new round with its own BullMQ job id, so a retry never collides
 * with the failed job BullMQ keeps, and a late event of an old round cannot touch the new one.
 */
export class DossierRetries1764000000006 implements MigrationInterface {
  name = 'DossierRetries1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossiers ADD COLUMN retries int NOT NULL DEFAULT 0, ADD COLUMN failed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE dossiers DROP COLUMN retries, DROP COLUMN failed_at');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rendered dossiers (one per snapshot × variant × viewer × template version: the job's identity),
 * bulk exports, and the receipt QR check recorded on a stamped receipt.
 */
export class Dossiers1764000000005 implements MigrationInterface {
  name = 'Dossiers1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossiers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        snapshot_id uuid NOT NULL REFERENCES snapshots(id),
        variant text NOT NULL CHECK (variant IN ('applicant', 'staff', 'judge')),
        -- '' for applicant/staff; the judge's user id (watermark) and blindness for judge copies
        viewer text NOT NULL DEFAULT '',
        template_version text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'rendering', 'ready', 'failed')),
        progress int NOT NULL DEFAULT 0,
        storage_key text,
        sha256 text,
        size bigint,
        error text,
        renders int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        UNIQUE (snapshot_id, variant, viewer, template_version)
      );

      CREATE TABLE exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('dossiers_zip')),
        cycle_id uuid NOT NULL REFERENCES cycles(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'ready', 'failed')),
        total int NOT NULL DEFAULT 0,
        done int NOT NULL DEFAULT 0,
        storage_key text,
        sha256 text,
        size bigint,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      );

      ALTER TABLE attachments
        ADD COLUMN receipt_check text CHECK (receipt_check IN ('pending', 'matched', 'different', 'unreadable')),
        ADD COLUMN receipt_checked_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE attachments DROP COLUMN receipt_check, DROP COLUMN receipt_checked_at');
    await q.query('DROP TABLE exports');
    await q.query('DROP TABLE dossiers');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff console (issue 13):
 * - `entry_summaries`: what the entries table shows of each entry's form data — completeness,
 *   company (basics.enterprise.name), industry — as last computed, with the fingerprint of what it
 *   was computed from (the sum of its section versions — every write adds one — and its live
 *   files). The entries list recomputes only rows whose fingerprint moved, then sorts, filters and
 *   pages in SQL without reading any JSONB.
 * - the decoded text of a stamped receipt's QR code, beside its verdict, so staff see what was read.
 * - indexes for the entries list (per cycle, newest change first) and the users list.
 */
export class StaffConsole1764000000030 implements MigrationInterface {
  name = 'StaffConsole1764000000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE entry_summaries (
        application_id uuid PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
        fingerprint text NOT NULL,
        percent smallint NOT NULL CHECK (percent BETWEEN 0 AND 100),
        complete boolean NOT NULL,
        issues integer NOT NULL,
        company text,
        industry text,
        content_updated_at timestamptz NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE attachments ADD COLUMN receipt_decoded text;
      CREATE INDEX applications_cycle_updated_idx ON applications (cycle_id, updated_at DESC);
      CREATE INDEX attachments_receipt_idx ON attachments (application_id, created_at DESC)
        WHERE kind = 'stamped_receipt' AND deleted_at IS NULL;
      CREATE INDEX users_role_idx ON users (role, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX users_role_idx;
      DROP INDEX attachments_receipt_idx;
      DROP INDEX applications_cycle_updated_idx;
      ALTER TABLE attachments DROP COLUMN receipt_decoded;
      DROP TABLE entry_summaries;
    `);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded files: the bytes live in S3 under storage_key; here, what they are and who sent them. */
export class Attachments1764000000001 implements MigrationInterface {
  name = 'Attachments1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        kind text NOT NULL CHECK (kind IN ('org_chart', 'layout_photo', 'supporting_doc', 'stamped_receipt')),
        storage_key text NOT NULL UNIQUE,
        size bigint NOT NULL,
        sha256 text NOT NULL,
        content_type text NOT NULL,
        original_name text,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE INDEX attachments_application_idx ON attachments (application_id) WHERE deleted_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE attachments');
  }
}

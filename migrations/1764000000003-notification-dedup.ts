import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminders are queued by a periodic job: a key per (kind, application, deadline) makes them once-only. */
export class NotificationDedup1764000000003 implements MigrationInterface {
  name = 'NotificationDedup1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_outbox ADD COLUMN dedup_key text UNIQUE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_outbox DROP COLUMN dedup_key`);
  }
}

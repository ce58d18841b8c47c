import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sealed snapshots, the application life cycle, the audit trail and the notification outbox. */
export class Workflow1764000000002 implements MigrationInterface {
  name = 'Workflow1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE applications
        ADD COLUMN deadline_extension timestamptz,
        ADD COLUMN return_reason text,
        ADD COLUMN state_changed_at timestamptz NOT NULL DEFAULT now();

      -- What an applicant sealed: the canonical JSON text exactly as hashed, never changed.
      CREATE TABLE snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        canonical text NOT NULL,
        sha256 text NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz
      );
      CREATE INDEX snapshots_application_idx ON snapshots (application_id, created_at);
      ALTER TABLE applications ADD COLUMN snapshot_id uuid REFERENCES snapshots(id);

      CREATE FUNCTION snapshots_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'snapshots are immutable';
        END IF;
        IF NEW.canonical IS DISTINCT FROM OLD.canonical OR NEW.sha256 IS DISTINCT FROM OLD.sha256
           OR NEW.application_id IS DISTINCT FROM OLD.application_id OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
          RAISE EXCEPTION 'snapshots are immutable';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER snapshots_immutable BEFORE UPDATE OR DELETE ON snapshots
        FOR EACH ROW EXECUTE FUNCTION snapshots_immutable();

      -- Who did what, when: transitions, section writes, attachments, sign-ins, roles.
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id),
        actor_role text,
        action text NOT NULL,
        application_id uuid REFERENCES applications(id),
        entity text,
        entity_id text,
        from_state text,
        to_state text,
        snapshot_sha256 text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      CREATE INDEX audit_application_idx ON audit_log (application_id, at);
      CREATE INDEX audit_action_idx ON audit_log (action, at);

      -- Written in the transaction that causes it; delivered after commit by a job.
      CREATE TABLE notification_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL,
        application_id uuid REFERENCES applications(id),
        recipient_user_ids uuid[] NOT NULL DEFAULT '{}',
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        delivered_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      );
      CREATE INDEX outbox_pending_idx ON notification_outbox (created_at) WHERE delivered_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE notification_outbox; DROP TABLE audit_log;
      ALTER TABLE applications DROP COLUMN snapshot_id;
      DROP TRIGGER snapshots_immutable ON snapshots; DROP FUNCTION snapshots_immutable(); DROP TABLE snapshots;
      ALTER TABLE applications DROP COLUMN deadline_extension, DROP COLUMN return_reason, DROP COLUMN state_changed_at;
    `);
  }
}

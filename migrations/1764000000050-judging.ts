import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole judging schema (issue 14): rubrics, review rounds with their entries and panels,
 * judge profiles and invitations, confidentiality acceptances, conflicts of interest,
 * assignments and reviews. Assignment and review routes come later and only add code.
 * Also: the outbox can mail an address that has no account yet (a judge invitation).
 */
export class Judging1764000000050 implements MigrationInterface {
  name = 'Judging1764000000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notification_outbox ADD COLUMN recipient_emails text[] NOT NULL DEFAULT '{}';

      -- A rubric is data: a tree of groups whose leaves are criteria (src/modules/judging/rubrics/rubric-tree.ts).
      CREATE TABLE rubrics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        tree jsonb NOT NULL,
        preset_key text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES cycles(id),
        name text NOT NULL,
        ordinal integer NOT NULL,
        rubric_id uuid NOT NULL REFERENCES rubrics(id),
        reviews_per_application integer NOT NULL CHECK (reviews_per_application BETWEEN 1 AND 50),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        blind boolean NOT NULL,
        aggregation text NOT NULL CHECK (aggregation IN ('mean', 'trimmed_mean', 'zscore')),
        advancement jsonb NOT NULL,
        entrants text NOT NULL CHECK (entrants IN ('accepted', 'previous_round')),
        state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (cycle_id, ordinal),
        CHECK (closes_at > opens_at)
      );

      -- The applications a round reviews, fixed when it opens.
      CREATE TABLE round_entries (
        round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        application_id uuid NOT NULL REFERENCES applications(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, application_id)
      );
      CREATE INDEX round_entries_application_idx ON round_entries (application_id);

      -- The round's panel; capacity (entries at most) overrides the judge's profile capacity.
      CREATE TABLE round_judges (
        round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        judge_id uuid NOT NULL REFERENCES users(id),
        capacity integer CHECK (capacity BETWEEN 0 AND 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, judge_id)
      );
      CREATE INDEX round_judges_judge_idx ON round_judges (judge_id);

      CREATE TABLE judge_profiles (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        industries text[] NOT NULL DEFAULT '{}',
        employer text,
        employer_uscc text,
        group_name text,
        capacity integer CHECK (capacity BETWEEN 0 AND 10000),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE judge_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        invited_by uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      -- A judge accepted a cycle's confidentiality terms: which version, its text's SHA-256, when.
      CREATE TABLE confidentiality_acceptances (
        cycle_id uuid NOT NULL REFERENCES cycles(id),
        judge_id uuid NOT NULL REFERENCES users(id),
        terms_version text NOT NULL,
        text_sha256 text NOT NULL,
        accepted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cycle_id, judge_id)
      );

      -- Judge × organisation. Declared by the judge (any cycle when cycle_id is null) or inferred by
      -- the server for a cycle; staff may dismiss an inferred one with a reason.
      CREATE TABLE conflicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        judge_id uuid NOT NULL REFERENCES users(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        cycle_id uuid REFERENCES cycles(id),
        source text NOT NULL CHECK (source IN ('declared', 'inferred')),
        kind text NOT NULL CHECK (kind IN ('employment', 'consulting', 'competitor', 'family', 'other', 'email_domain', 'employer_uscc', 'group')),
        reason text NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        dismissed_at timestamptz,
        dismissed_by uuid REFERENCES users(id),
        dismiss_reason text,
        CHECK (source = 'inferred' OR dismissed_at IS NULL),
        CHECK ((dismissed_at IS NULL) = (dismiss_reason IS NULL))
      );
      CREATE INDEX conflicts_judge_idx ON conflicts (judge_id, organisation_id);
      CREATE UNIQUE INDEX conflicts_inferred_key ON conflicts (judge_id, organisation_id, cycle_id, kind) WHERE source = 'inferred';

      CREATE TABLE assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES rounds(id),
        application_id uuid NOT NULL REFERENCES applications(id),
        judge_id uuid NOT NULL REFERENCES users(id),
        state text NOT NULL DEFAULT 'assigned' CHECK (state IN ('assigned', 'removed')),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        removed_reason text,
        CHECK ((state = 'removed') = (removed_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX assignments_live_key ON assignments (round_id, application_id, judge_id) WHERE state = 'assigned';
      CREATE INDEX assignments_judge_idx ON assignments (judge_id, application_id);

      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL UNIQUE REFERENCES assignments(id),
        ratings jsonb NOT NULL DEFAULT '{}'::jsonb,
        comments jsonb NOT NULL DEFAULT '{}'::jsonb,
        overall_comment text,
        state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),
        version integer NOT NULL DEFAULT 1,
        total numeric,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        CHECK ((state = 'submitted') = (submitted_at IS NOT NULL))
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE reviews; DROP TABLE assignments; DROP TABLE conflicts; DROP TABLE confidentiality_acceptances;
      DROP TABLE judge_invitations; DROP TABLE judge_profiles; DROP TABLE round_judges; DROP TABLE round_entries;
      DROP TABLE rounds; DROP TABLE rubrics;
      ALTER TABLE notification_outbox DROP COLUMN recipient_emails;
    `);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which entry summaries are out of date, without reading any section row: every section write and
 * every file added, removed or re-kinded bumps the entry's generation (a trigger, in the writing
 * transaction); a summary remembers the generation it was computed at. Replaces the fingerprint of
 * 1764000000030, whose per-entry aggregate over section rows cost ~0.1 ms per entry on every list.
 */
export class EntryGenerations1764000000031 implements MigrationInterface {
  name = 'EntryGenerations1764000000031';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE entry_generations (
        application_id uuid PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
        generation bigint NOT NULL DEFAULT 1
      );
      ALTER TABLE entry_summaries DROP COLUMN fingerprint, ADD COLUMN generation bigint NOT NULL DEFAULT 0;

      CREATE FUNCTION entry_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO entry_generations (application_id) VALUES (NEW.application_id)
          ON CONFLICT (application_id) DO UPDATE SET generation = entry_generations.generation + 1;
        RETURN NULL;
      END $$;
      CREATE TRIGGER application_sections_generation AFTER UPDATE OF data ON application_sections
        FOR EACH ROW EXECUTE FUNCTION entry_generation_bump();
      CREATE TRIGGER attachments_generation AFTER INSERT OR UPDATE OF deleted_at, kind ON attachments
        FOR EACH ROW EXECUTE FUNCTION entry_generation_bump();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER attachments_generation ON attachments;
      DROP TRIGGER application_sections_generation ON application_sections;
      DROP FUNCTION entry_generation_bump();
      ALTER TABLE entry_summaries DROP COLUMN generation, ADD COLUMN fingerprint text NOT NULL DEFAULT '';
      DROP TABLE entry_generations;
    `);
  }
}

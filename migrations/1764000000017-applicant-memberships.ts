import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Only applicant accounts are organisation members (issue 10): a membership of a non-applicant is
 * refused, and so is a role change of a user who has memberships. The API says so first with a
 * 409; these triggers keep the rule for every other writer. The user row is read FOR SHARE, so a
 * join and a concurrent role change serialise on it. Rows made before this migration are left
 * as they are: queries count only applicant members (src/modules/organisations/membership-sql.ts).
 */
export class ApplicantMemberships1764000000017 implements MigrationInterface {
  name = 'ApplicantMemberships1764000000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION memberships_applicants_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r text;
      BEGIN
        SELECT role INTO r FROM users WHERE id = NEW.user_id FOR SHARE;
        IF r IS DISTINCT FROM 'applicant' THEN
          RAISE EXCEPTION 'only applicant accounts can be organisation members (user %, role %)', NEW.user_id, r
            USING ERRCODE = 'check_violation', CONSTRAINT = 'memberships_applicants_only';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER memberships_applicants_only BEFORE INSERT OR UPDATE OF user_id ON memberships
        FOR EACH ROW EXECUTE FUNCTION memberships_applicants_only();

      CREATE FUNCTION users_members_stay_applicants() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.role <> 'applicant' AND EXISTS (SELECT 1 FROM memberships WHERE user_id = NEW.id) THEN
          RAISE EXCEPTION 'user % is an organisation member and must stay an applicant', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'users_members_stay_applicants';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER users_members_stay_applicants BEFORE UPDATE OF role ON users
        FOR EACH ROW WHEN (NEW.role IS DISTINCT FROM OLD.role) EXECUTE FUNCTION users_members_stay_applicants();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER users_members_stay_applicants ON users; DROP FUNCTION users_members_stay_applicants()');
    await q.query('DROP TRIGGER memberships_applicants_only ON memberships; DROP FUNCTION memberships_applicants_only()');
  }
}

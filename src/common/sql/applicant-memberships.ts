/**
 * Memberships that count. Only applicant accounts are members of an organisation: judge, staff
 * and admin accounts never are (the API refuses to make them members and a role change of a
 * member, and a trigger refuses both in the database), and should a row exist anyway, it grants
 * nothing — every query that asks "is this user a member" reads memberships through this.
 */
export const APPLICANT_MEMBERSHIPS = `(SELECT m.organisation_id, m.user_id, m.role, m.created_at
    FROM memberships m JOIN users mu ON mu.id = m.user_id AND mu.role = 'applicant')`;

/** SQL boolean: `userId` (a parameter or column) is an applicant member of `organisationId`. */
export const isApplicantMember = (organisationId: string, userId: string): string =>
  `EXISTS (SELECT 1 FROM memberships m JOIN users mu ON mu.id = m.user_id AND mu.role = 'applicant'
            WHERE m.organisation_id = ${organisationId} AND m.user_id = ${userId})`;

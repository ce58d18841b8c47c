/** The four kinds of account. Declared here (not in identity) because guards and policies everywhere read it. */
export type Role = 'applicant' | 'judge' | 'staff' | 'admin';
export const ROLES: Role[] = ['applicant', 'judge', 'staff', 'admin'];

/**
 * What each role may open: its navigation and its start page. The routes in main.tsx are built
 * from the same table, so a page a role may not see is simply not routed for it (not found).
 */
import type { Reply } from '../api/client';
import type { TextKey } from '../i18n';

export type Role = Reply<'UserResponse'>['role'];

export interface NavItem {
  path: string;
  label: TextKey;
  roles: readonly Role[];
}

const STAFF = ['staff', 'admin'] as const;

export const NAV: readonly NavItem[] = [
  { path: '/', label: 'myApplications', roles: ['applicant'] },
  { path: '/organisation', label: 'members', roles: ['applicant'] },
  { path: '/', label: 'navMyReviews', roles: ['judge'] },
  { path: '/profile', label: 'navJudgeProfile', roles: ['judge'] },
  { path: '/', label: 'navDashboard', roles: STAFF },
  { path: '/staff/cycles', label: 'navCycles', roles: STAFF },
  { path: '/staff/entries', label: 'navEntries', roles: STAFF },
  { path: '/staff/organisations', label: 'navOrganisations', roles: STAFF },
  { path: '/staff/rounds', label: 'navRounds', roles: STAFF },
  { path: '/staff/rubrics', label: 'navRubrics', roles: STAFF },
  { path: '/staff/judges', label: 'navJudges', roles: STAFF },
  { path: '/staff/audit', label: 'navAudit', roles: STAFF },
  { path: '/staff/users', label: 'navUsers', roles: ['admin'] },
];

export const navFor = (role: Role) => NAV.filter((n) => n.roles.includes(role));

export const isStaff = (role: Role | undefined) => role === 'staff' || role === 'admin';

/** The menu entry a path belongs to (the longest prefix; "/" only for itself). */
export function selectedNav(items: readonly NavItem[], pathname: string): string | undefined {
  const hits = items.filter((n) => (n.path === '/' ? pathname === '/' : pathname === n.path || pathname.startsWith(`${n.path}/`)));
  return hits.sort((a, b) => b.path.length - a.path.length)[0]?.path;
}

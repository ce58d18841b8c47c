import type { Role } from './roles';

/** Who is calling: resolved once per request by the AuthGuard from the cookie or bearer token. */
export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  role: Role;
}

/** Staff powers: staff and admin. */
export const isStaff = (a: Actor | undefined): boolean => a?.role === 'staff' || a?.role === 'admin';

import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from './tokens';

/** The httpOnly session cookie; `Secure` whenever the platform is served over https. */
export function setSessionCookie(reply: FastifyReply, session: { token: string; expiresAt: Date }, publicUrl: string): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: publicUrl.startsWith('https:'),
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

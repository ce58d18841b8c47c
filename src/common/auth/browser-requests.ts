import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';

/**
 * Defences against requests a browser sends on another site's behalf (CSRF, login CSRF). An HTML
 * form can only send urlencoded, multipart or text/plain bodies, and `fetch(no-cors)` no more,
 * so JSON-only bodies stop them from carrying data; the Origin / Sec-Fetch-Site check stops the
 * body-less ones and anything from a same-site page (another port, a sibling subdomain), which
 * `SameSite=Lax` lets through with the session cookie.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const JSON_BODY_TYPES = ['application/json', 'application/merge-patch+json'];
export const MULTIPART = 'multipart/form-data';
/** Sec-Fetch-Site values of a request this site's own pages (or the user, typing) made. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

const mediaType = (header: string | undefined): string | undefined => header?.split(';')[0].trim().toLowerCase() || undefined;

/** A bearer token cannot be attached by a form or a no-cors fetch (and CORS is not enabled). */
const bearerAuthenticated = (req: FastifyRequest): boolean => /^Bearer\s/i.test(req.headers.authorization ?? '');

/**
 * 403 `cross_site_request` for a write made by a browser on behalf of another origin. Requests
 * with a bearer token are API clients and pass; so do those without Origin and Sec-Fetch-Site
 * (not a browser: every current browser sends Origin on a POST). Allowed origins: PUBLIC_URL's
 * and the one the request itself was addressed to (the API serves its pages itself).
 */
export function assertSameOriginWrite(req: FastifyRequest, publicOrigin: string): void {
  if (SAFE_METHODS.has(req.method) || bearerAuthenticated(req)) return;
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  const siteOk = site === undefined || OWN_FETCH_SITES.has(String(site).toLowerCase());
  const originOk = origin === undefined || origin === publicOrigin || origin === `${req.protocol}://${req.host}`;
  if (!siteOk || !originOk) throw new DomainError('forbidden', 'cross_site_request');
}

/**
 * 415 unless the body (or a declared Content-Type, even with an empty body: an empty form is a
 * form) is JSON — or, on an upload route, multipart. Bodies without a type are refused as well.
 */
export function assertBodyType(req: FastifyRequest, upload: boolean): void {
  if (SAFE_METHODS.has(req.method)) return;
  const type = mediaType(req.headers['content-type']);
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (type === undefined && !hasBody) return;
  const allowed = upload ? [MULTIPART] : JSON_BODY_TYPES;
  if (type !== undefined && allowed.includes(type)) return;
  throw new DomainError('unsupported_media_type', 'unsupported_media_type', [
    upload ? { path: 'file', code: 'not_multipart' } : { path: '$', code: 'body_type', params: { allowed } },
  ]);
}

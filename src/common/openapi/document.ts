import type { OpenAPIObject } from '@nestjs/swagger';
import { errorDescription, type ErrorStatus } from './api-errors';

/** Security scheme names given to DocumentBuilder (`addBearerAuth()`, `addCookieAuth(…)`). */
export const SIGNED_IN: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const WRITES = new Set(['put', 'post', 'delete', 'patch']);

/** `@Public()` marks its operations with the anonymous requirement `{}`. */
const isPublic = (security: unknown): boolean => Array.isArray(security) && security.some((s) => Object.keys(s as object).length === 0);

/**
 * What the global guards answer on every route, so that no controller repeats it: every
 * operation not `@Public()` requires the bearer token or the session cookie (401 without);
 * InputGuard refuses malformed input on every route (400); every write may be a cross-site
 * browser request (403), over the body limit (413) or not JSON (415).
 */
export function documentCommonAnswers(doc: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const open = isPublic(op.security);
      op.security = open ? [] : SIGNED_IN;
      const statuses: ErrorStatus[] = [400];
      if (!open) statuses.push(401);
      if (WRITES.has(method)) statuses.push(403, 413, 415);
      for (const status of statuses) {
        op.responses[status] ??= {
          description: errorDescription(status),
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
        };
      }
    }
  }
  return doc;
}

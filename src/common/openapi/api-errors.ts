import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './error-response';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429;

const MEANING: Record<ErrorStatus, string> = {
  400: 'Malformed input; details[] names every offending field',
  401: 'Not signed in (no or an expired session)',
  403: 'Not allowed for this role, or a cross-site browser write (cross_site_request)',
  404: 'No such resource, or not yours',
  409: 'Wrong state (state), deadline passed, or a conflicting record',
  412: 'If-Match names an old version (stale_version)',
  413: 'Body or file over its limit',
  415: 'Body not JSON (or not multipart on an upload), or a file of a refused type',
  422: 'Incomplete: details[] lists every missing or failing path',
  428: 'If-Match required',
  429: 'Too many requests; see Retry-After',
};

/**
 * The error answers a route can give beyond those of the global guards (which
 * `documentCommonAnswers` adds to every operation), all with the one error body.
 */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: MEANING[status], type: ErrorResponse })));

export const errorDescription = (status: ErrorStatus) => MEANING[status];

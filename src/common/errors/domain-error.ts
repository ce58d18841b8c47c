/**
 * Errors independent of HTTP: services throw these; the one global filter turns them into the
 * JSON error contract of `shared/spec/api.md`.
 */
export interface ErrorDetail {
  path: string;
  code: string;
  params?: Record<string, unknown>;
  /** Filled in by the filter from the message catalogue when absent. */
  message?: string;
}

export type DomainErrorKind =
  | 'validation' // 400
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'precondition_failed' // 412
  | 'payload_too_large' // 413
  | 'unsupported_media_type' // 415
  | 'unprocessable' // 422
  | 'precondition_required' // 428
  | 'too_many_requests'; // 429

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly details: ErrorDetail[] = [],
    /** Extra top-level body fields (e.g. the current version on a 412). */
    readonly extra: Record<string, unknown> = {},
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const validationError = (details: ErrorDetail[]) => new DomainError('validation', 'invalid', details);
export const notFound = () => new DomainError('not_found', 'not_found');
export const forbidden = () => new DomainError('forbidden', 'forbidden');
export const wrongState = (state: string) =>
  new DomainError('conflict', 'wrong_state', [{ path: 'state', code: 'wrong_state', params: { state } }], { state }, { state });

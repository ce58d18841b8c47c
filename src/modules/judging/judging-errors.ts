import { DomainError } from '../../common/errors/domain-error';

/** 409 with the round's current state in `details` and at the top level (like wrong_state). */
export const roundWrongState = (state: string) =>
  new DomainError('conflict', 'round_wrong_state', [{ path: 'state', code: 'round_wrong_state', params: { state } }], { state }, { state });

/** 409 naming the field and the reason, with a catalogue code. */
export const conflictOn = (path: string, code: string, params?: Record<string, unknown>) =>
  new DomainError('conflict', code, [{ path, code, ...(params ? { params } : {}) }], {}, params ?? {});

export const isUniqueViolation = (e: unknown): boolean => (e as { code?: string })?.code === '23505';

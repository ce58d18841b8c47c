import { DomainError } from '../../common/errors/domain-error';

/** Strong ETag of a versioned resource: `"<version>"`. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version a write is based on, from `If-Match`. Missing → 428; anything but one of our
 * ETags → 412 (it cannot match the current version).
 */
export function versionFromIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new DomainError('precondition_required', 'if_match_required', [{ path: 'If-Match', code: 'if_match_required' }]);
  }
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  return m ? Number(m[1]) : -1;
}

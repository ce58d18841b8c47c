import { DomainError } from '../../common/errors/domain-error';
import { isoInZone } from '../../common/time/zoned-time';

/** What every deadline check needs of an application: its cycle's deadline, its own extension, the zone. */
export interface DeadlineFields {
  submission_deadline: Date;
  deadline_extension: Date | null;
  time_zone: string;
}

/** SQL for "the entry's effective deadline", given aliases `a` (applications) and `c` (cycles). */
export const EFFECTIVE_DEADLINE_SQL = 'greatest(c.submission_deadline, coalesce(a.deadline_extension, c.submission_deadline))';

/** The cycle's deadline, or a later one staff granted this entry. */
export const effectiveDeadline = (a: DeadlineFields): Date =>
  a.deadline_extension && a.deadline_extension > a.submission_deadline ? a.deadline_extension : a.submission_deadline;

/** 409 naming the deadline in the cycle's zone (message and detail carry the same parameter). */
export function deadlinePassed(a: DeadlineFields): DomainError {
  const deadline = isoInZone(effectiveDeadline(a), a.time_zone);
  return new DomainError(
    'conflict',
    'deadline_passed',
    [{ path: 'deadline', code: 'deadline_passed', params: { deadline } }],
    { deadline },
    { deadline },
  );
}

/** Every applicant write (sections, nomination, files, seal, unseal, submit) stops at the deadline, by the server's clock. */
export function assertBeforeDeadline(a: DeadlineFields, now = Date.now()): void {
  if (now >= effectiveDeadline(a).getTime()) throw deadlinePassed(a);
}

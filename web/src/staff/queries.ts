/**
 * The staff console's reads, on the one TanStack Query cache of web/src/api/queries.ts (writes
 * invalidate by these keys). Kept beside the staff pages so the applicant chunks do not carry them.
 */
import { queryOptions } from '@tanstack/react-query';
import { get, type Reply } from '../api/client';
import { queryClient } from '../api/queries';

export type Cycle = Reply<'CycleResponse'>;
export type Entry = Reply<'ApplicationResponse'>;
export type AuditEntry = Reply<'AuditEntryResponse'>;

const qs = (params: Record<string, string | number | boolean | undefined | null>) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
};
export { qs as queryString };

export const cyclesQuery = queryOptions({ queryKey: ['staff', 'cycles'], queryFn: () => get<Cycle[]>('/api/cycles') });
export const cycleQuery = (id: string) =>
  queryOptions({ queryKey: ['staff', 'cycle', id], queryFn: () => get<Cycle>(`/api/cycles/${id}`) });

export const entriesQuery = (params: { cycleId?: string; state?: string; memberUnit?: boolean }) =>
  queryOptions({ queryKey: ['staff', 'entries', params], queryFn: () => get<Entry[]>(`/api/applications${qs(params)}`) });

export const entryQuery = (id: string) =>
  queryOptions({ queryKey: ['staff', 'entry', id], queryFn: () => get<Entry>(`/api/applications/${id}`) });

export const completenessQuery = (id: string) =>
  queryOptions({
    queryKey: ['staff', 'completeness', id],
    queryFn: () => get<Reply<'CompletenessResponse'>>(`/api/applications/${id}/completeness`),
  });

export const snapshotsQuery = (id: string) =>
  queryOptions({
    queryKey: ['staff', 'snapshots', id],
    queryFn: () => get<Reply<'SnapshotListItemResponse'>[]>(`/api/applications/${id}/snapshots`),
  });

export const snapshotQuery = (id: string) =>
  queryOptions({
    queryKey: ['staff', 'snapshot', id],
    queryFn: () => get<Reply<'SnapshotResponse'>>(`/api/snapshots/${id}`),
    staleTime: Infinity, // a snapshot never changes
  });

export const attachmentsQuery = (id: string) =>
  queryOptions({
    queryKey: ['staff', 'attachments', id],
    queryFn: () => get<Reply<'AttachmentResponse'>[]>(`/api/applications/${id}/attachments`),
  });

export const auditQuery = (params: { applicationId?: string; action?: string; actorId?: string; from?: string; to?: string }) =>
  queryOptions({ queryKey: ['staff', 'audit', params], queryFn: () => get<AuditEntry[]>(`/api/audit${qs(params)}`) });

export const organisationsQuery = (memberUnit?: boolean) =>
  queryOptions({
    queryKey: ['staff', 'organisations', memberUnit],
    queryFn: () => get<Reply<'OrganisationResponse'>[]>(`/api/organisations${qs({ memberUnit })}`),
  });

export const organisationQuery = (id: string) =>
  queryOptions({
    queryKey: ['staff', 'organisation', id],
    queryFn: () => get<Reply<'OrganisationWithMembersResponse'>>(`/api/organisations/${id}`),
  });

export const usersQuery = queryOptions({ queryKey: ['staff', 'users'], queryFn: () => get<Reply<'UserListItemResponse'>[]>('/api/users') });

/** After a screening action: the entry, its history and every list that shows it. */
export function invalidateEntry(id: string): void {
  void queryClient.invalidateQueries({ queryKey: ['staff', 'entry', id] });
  void queryClient.invalidateQueries({ queryKey: ['staff', 'snapshots', id] });
  void queryClient.invalidateQueries({ queryKey: ['staff', 'audit'] });
  void queryClient.invalidateQueries({ queryKey: ['staff', 'entries'] });
}

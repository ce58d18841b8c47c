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

export type EntryRow = Reply<'EntryRowResponse'>;
export interface EntriesParams {
  state?: string;
  categoryId?: string;
  industry?: string;
  memberUnit?: boolean;
  receiptCheck?: string;
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** One page of a cycle's entries, narrowed, sorted and paged by the server. */
export const entriesQuery = (cycleId: string, params: EntriesParams) =>
  queryOptions({
    queryKey: ['staff', 'entries', cycleId, params],
    queryFn: () => get<Reply<'EntriesPageResponse'>>(`/api/cycles/${cycleId}/entries${qs({ ...params })}`),
    placeholderData: (previous) => previous, // the table keeps its rows while the next page loads
  });

export const dashboardQuery = (cycleId: string) =>
  queryOptions({
    queryKey: ['staff', 'dashboard', cycleId],
    queryFn: () => get<Reply<'DashboardResponse'>>(`/api/cycles/${cycleId}/dashboard`),
  });

/** What the entry page reads beyond the entry: receipts, hash check, snapshots, dossier copies, audit trail. */
export const screeningQuery = (id: string) =>
  queryOptions({
    queryKey: ['staff', 'screening', id],
    queryFn: () => get<Reply<'ScreeningResponse'>>(`/api/applications/${id}/screening`),
  });

export const diffQuery = (id: string, from: string, to: string) =>
  queryOptions({
    queryKey: ['staff', 'diff', id, from, to],
    queryFn: () => get<Reply<'SnapshotDiffResponse'>>(`/api/applications/${id}/snapshots/diff${qs({ from, to })}`),
    staleTime: Infinity, // snapshots never change
  });

export const entryQuery = (id: string) =>
  queryOptions({ queryKey: ['staff', 'entry', id], queryFn: () => get<Entry>(`/api/applications/${id}`) });

export const completenessQuery = (id: string) =>
  queryOptions({
    queryKey: ['staff', 'completeness', id],
    queryFn: () => get<Reply<'CompletenessResponse'>>(`/api/applications/${id}/completeness`),
  });

export const attachmentsQuery = (id: string) =>
  queryOptions({
    queryKey: ['staff', 'attachments', id],
    queryFn: () => get<Reply<'AttachmentResponse'>[]>(`/api/applications/${id}/attachments`),
  });

export const auditQuery = (params: { applicationId?: string; action?: string; actorId?: string; from?: string; to?: string }) =>
  queryOptions({ queryKey: ['staff', 'audit', params], queryFn: () => get<AuditEntry[]>(`/api/audit${qs(params)}`) });

export const organisationsQuery = (params: { memberUnit?: boolean; q?: string }) =>
  queryOptions({
    queryKey: ['staff', 'organisations', params],
    queryFn: () => get<Reply<'OrganisationListItemResponse'>[]>(`/api/organisations${qs(params)}`),
  });

export const organisationQuery = (id: string) =>
  queryOptions({
    queryKey: ['staff', 'organisation', id],
    queryFn: () => get<Reply<'OrganisationWithMembersResponse'>>(`/api/organisations/${id}`),
  });

export const usersQuery = (params: { q?: string; role?: string; page?: number; pageSize?: number }) =>
  queryOptions({
    queryKey: ['staff', 'users', params],
    queryFn: () => get<Reply<'UsersPageResponse'>>(`/api/users${qs(params)}`),
    placeholderData: (previous) => previous,
  });

// --- a review round's staff pages (rounds/): header, assignment matrix, conflicts, progress

export type RoundHead = Reply<'RoundResponse'>;
export type AssignmentMatrix = Reply<'AssignmentMatrixResponse'>;
export type RoundConflict = Reply<'ConflictResponse'>;
export type RoundProgress = Reply<'RoundProgressResponse'>;

export const assignmentMatrixQuery = (roundId: string) =>
  queryOptions({
    queryKey: ['staff', 'round-matrix', roundId],
    queryFn: () => get<AssignmentMatrix>(`/api/rounds/${roundId}/assignments/matrix`),
  });

export const roundConflictsQuery = (roundId: string) =>
  queryOptions({
    queryKey: ['staff', 'round-conflicts', roundId],
    queryFn: () => get<RoundConflict[]>(`/api/rounds/${roundId}/conflicts`),
  });

export const roundProgressQuery = (roundId: string) =>
  queryOptions({
    queryKey: ['staff', 'round-progress', roundId],
    queryFn: () => get<RoundProgress>(`/api/rounds/${roundId}/progress`),
  });

/** After an assignment or a conflict changed: every view of the round's pairs is read again (a preview included). */
export function invalidateRoundAssignments(roundId: string): void {
  for (const key of ['round', 'round-matrix', 'round-conflicts', 'round-progress', 'round-preview'])
    void queryClient.invalidateQueries({ queryKey: ['staff', key, roundId] });
}

/** After a screening action: the entry, its history and every list that shows it. */
export function invalidateEntry(id: string): void {
  void queryClient.invalidateQueries({ queryKey: ['staff', 'entry', id] });
  void queryClient.invalidateQueries({ queryKey: ['staff', 'screening', id] });
  void queryClient.invalidateQueries({ queryKey: ['staff', 'dashboard'] });
  void queryClient.invalidateQueries({ queryKey: ['staff', 'audit'] });
  void queryClient.invalidateQueries({ queryKey: ['staff', 'entries'] });
}

// --- judging setup: rubrics, judges, rounds (issue 14) ---
export type RubricSummary = Reply<'RubricSummaryResponse'>;
export type Rubric = Reply<'RubricResponse'>;
export type RubricTree = Reply<'RubricTreeDoc'>;
export type RubricGroup = Reply<'RubricGroupDoc'>;
export type Criterion = Reply<'CriterionDoc'>;
export type RubricWarning = Reply<'RubricWarningResponse'>;
export type Round = Reply<'RoundResponse'>;
export type PanelJudge = Reply<'PanelJudgeResponse'>;

export const rubricsQuery = queryOptions({
  queryKey: ['staff', 'rubrics'],
  queryFn: () => get<RubricSummary[]>('/api/rubrics'),
});
export const rubricQuery = (id: string) =>
  queryOptions({ queryKey: ['staff', 'rubric', id], queryFn: () => get<Rubric>(`/api/rubrics/${id}`) });
export const presetsQuery = queryOptions({
  queryKey: ['staff', 'rubric-presets'],
  queryFn: () => get<Reply<'RubricPresetResponse'>[]>('/api/rubrics/presets'),
  staleTime: Infinity,
});
export const judgesQuery = queryOptions({
  queryKey: ['staff', 'judges'],
  queryFn: () => get<Reply<'JudgesOverviewResponse'>>('/api/judges'),
});
export const roundsQuery = (cycleId: string) =>
  queryOptions({ queryKey: ['staff', 'rounds', cycleId], queryFn: () => get<Round[]>(`/api/cycles/${cycleId}/rounds`) });
/** One round: settings, state, panel — the header of every round page and the settings page. */
export const roundQuery = (id: string) =>
  queryOptions({ queryKey: ['staff', 'round', id], queryFn: () => get<Round>(`/api/rounds/${id}`) });

/** After a change to a round (settings, state, panel): the round, its cycle's list and the rubrics' "used by". */
export function invalidateRound(id: string): void {
  void queryClient.invalidateQueries({ queryKey: ['staff', 'round', id] });
  void queryClient.invalidateQueries({ queryKey: ['staff', 'rounds'] });
  void queryClient.invalidateQueries({ queryKey: ['staff', 'rubrics'] });
}

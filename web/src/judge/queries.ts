/** The judge pages' reads (TanStack Query), shared by the home page and the scoring screen. */
import { queryOptions } from '@tanstack/react-query';
import { get, type Reply } from '../api/client';

export type JudgeAssignment = Reply<'JudgeAssignmentResponse'>;
export type JudgeCycle = Reply<'JudgeCycleResponse'>;
export type MyConflict = Reply<'MyConflictResponse'>;
export type KpiBenchmark = Reply<'KpiBenchmarkResponse'>;

export const assignmentsQuery = queryOptions({
  queryKey: ['judge', 'assignments'],
  queryFn: () => get<JudgeAssignment[]>('/api/judge/assignments'),
});

export const judgeCyclesQuery = queryOptions({
  queryKey: ['judge', 'cycles'],
  queryFn: () => get<JudgeCycle[]>('/api/judges/me/cycles'),
});

export const myConflictsQuery = queryOptions({
  queryKey: ['judge', 'conflicts'],
  queryFn: () => get<MyConflict[]>('/api/judges/me/conflicts'),
});

export const entryQuery = (id: string) =>
  queryOptions({ queryKey: ['judge', 'entry', id], queryFn: () => get<Reply<'JudgeEntryResponse'>>(`/api/assignments/${id}`) });

/** The cycle's KPI benchmark and this entry's standing (aggregates: the same in blind rounds). */
export const benchmarkQuery = (id: string) =>
  queryOptions({
    queryKey: ['judge', 'benchmark', id],
    queryFn: () => get<Reply<'AssignmentBenchmarkResponse'>>(`/api/assignments/${id}/benchmark`),
    staleTime: 5 * 60_000,
  });

/**
 * The pages' reads through TanStack Query: one cache, shared by the pages, refreshed by
 * invalidation after writes (autosave, seal, submit) instead of hand-written timers.
 * `prefetchFor` starts a page's reads beside its code, so a cold editor load asks for its code
 * and its data at the same time instead of one after the other.
 */
import { QueryClient, queryOptions } from '@tanstack/react-query';
import type { SectionDescriptor } from '../form/descriptor';
import { call, get, type Answer, type Reply } from './client';

export const queryClient = new QueryClient({
  // what the pages did before: no refetch on focus, an error is shown (not retried) unless a query says otherwise
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

export type EditorApplication = Reply<'ApplicationResponse'>;
export type SectionAnswer = Reply<'SectionResponse'>;

/** The descriptor is fixed per deploy (the server sends it with an ETag and max-age). */
export const formQuery = queryOptions({
  queryKey: ['form'],
  queryFn: () => get<Omit<Reply<'FormResponse'>, 'sections'> & { sections: SectionDescriptor[] }>('/api/form').then((f) => f.sections),
  staleTime: Infinity,
  gcTime: Infinity,
});

/**
 * Fresh for a few seconds: the page that mounts right after the prefetch takes its answer instead
 * of asking again; every write invalidates them at once (invalidateApplication).
 */
const FRESH_MS = 10_000;

export const applicationQuery = (id: string) =>
  queryOptions({ queryKey: ['application', id], queryFn: () => get<EditorApplication>(`/api/applications/${id}`), staleTime: FRESH_MS });

export const completenessQuery = (id: string) =>
  queryOptions({
    queryKey: ['completeness', id],
    queryFn: () => get<Reply<'CompletenessResponse'>>(`/api/applications/${id}/completeness`).then((c) => c.issues),
    staleTime: FRESH_MS,
  });

/** With its ETag (autosave's If-Match); read once per opening of a section (useSection). */
export const sectionQuery = (id: string, key: string) =>
  queryOptions({
    queryKey: ['section', id, key],
    queryFn: (): Promise<Answer<SectionAnswer>> => call<SectionAnswer>('GET', `/api/applications/${id}/sections/${key}`),
  });

/** After a write: the entry's state and what is missing are read again. */
export function invalidateApplication(id: string): void {
  void queryClient.invalidateQueries({ queryKey: ['application', id] });
  void queryClient.invalidateQueries({ queryKey: ['completeness', id] });
}

/** The editor's code and data at once, when the page is opened at /applications/:id (the first section is basics). */
export function prefetchFor(pathname: string, loadEditor: () => Promise<unknown>): void {
  const editor = /^\/applications\/([^/]+)\/?$/.exec(pathname);
  if (!editor) return;
  const id = decodeURIComponent(editor[1]);
  void loadEditor();
  void queryClient.prefetchQuery(formQuery);
  void queryClient.prefetchQuery(applicationQuery(id));
  void queryClient.prefetchQuery(completenessQuery(id));
  void queryClient.prefetchQuery({ ...sectionQuery(id, 'basics'), staleTime: 30_000 });
}

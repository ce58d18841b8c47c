/**
 * One review with autosave, as the applicant editor saves a section (form/useSection.ts): every
 * change is kept on this device at once, then sent as a debounced JSON merge patch with If-Match.
 * A 412 (another tab of the same review saved first) loads the latest review and puts this tab's
 * unsent changes on top of it, says so, and saves again — nothing typed here is lost, nothing
 * saved there is overwritten except where both changed the same rating or comment (this tab's
 * wins, and the message names it). Offline, the patch waits and goes when the network is back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call, OfflineError, type Reply } from '../api/client';
import { useAutosaveRetry } from '../api/useAutosaveRetry';

export type Review = Reply<'ReviewResponse'>;
export type Rating = number | boolean | { c: number; f: number };

export interface ReviewDoc {
  ratings: Record<string, Rating>;
  comments: Record<string, string>;
  overallComment: string | null;
}

export type SaveStatus =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'offline' } | { kind: 'error'; message: string };

/** A change path: `ratings.<key>`, `comments.<key>` or `overallComment`. */
type Path = string;

interface StoredDraft {
  values: Record<Path, unknown>;
  etag: string;
  base: ReviewDoc;
}

const DEBOUNCE_MS = 700;
const draftKey = (id: string) => `review-draft:${id}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const docOf = (r: Pick<Review, 'ratings' | 'comments' | 'overallComment'>): ReviewDoc => ({
  ratings: (r.ratings ?? {}) as Record<string, Rating>,
  comments: r.comments ?? {},
  overallComment: r.overallComment ?? null,
});

export function valueAt(doc: ReviewDoc, path: Path): unknown {
  if (path === 'overallComment') return doc.overallComment;
  const [member, key] = [path.slice(0, path.indexOf('.')), path.slice(path.indexOf('.') + 1)];
  return member === 'ratings' ? doc.ratings[key] : doc.comments[key];
}

export function withValue(doc: ReviewDoc, path: Path, value: unknown): ReviewDoc {
  if (path === 'overallComment') return { ...doc, overallComment: typeof value === 'string' && value !== '' ? value : null };
  const dot = path.indexOf('.');
  const member = path.slice(0, dot) as 'ratings' | 'comments';
  const key = path.slice(dot + 1);
  const next = { ...doc[member] } as Record<string, unknown>;
  if (value === undefined || value === null || value === '') delete next[key];
  else next[key] = value;
  return { ...doc, [member]: next };
}

/** The merge patch that writes `paths` of `doc` (a removed value is null). */
export function patchOf(doc: ReviewDoc, paths: Iterable<Path>): Record<string, unknown> {
  const patch: Record<string, Record<string, unknown> | unknown> = {};
  for (const p of paths) {
    const v = valueAt(doc, p);
    if (p === 'overallComment') patch.overallComment = v ?? null;
    else {
      const dot = p.indexOf('.');
      const member = p.slice(0, dot);
      patch[member] = { ...((patch[member] as Record<string, unknown>) ?? {}), [p.slice(dot + 1)]: v ?? null };
    }
  }
  return patch;
}

export function useReview(assignmentId: string, editable: boolean) {
  const [review, setReview] = useState<Review | null>(null);
  const [doc, setDoc] = useState<ReviewDoc | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  /** Shown after a 412 was merged: the paths both tabs changed (this tab's kept), or [] when none. */
  const [merged, setMerged] = useState<Path[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const etag = useRef<string | null>(null);
  const docRef = useRef<ReviewDoc>({ ratings: {}, comments: {}, overallComment: null });
  /** What the server holds as far as this tab knows. */
  const baseRef = useRef<ReviewDoc>({ ratings: {}, comments: {}, overallComment: null });
  const dirty = useRef(new Map<Path, number>());
  const revision = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);

  const persistDraft = useCallback(() => {
    if (!dirty.current.size || !etag.current) localStorage.removeItem(draftKey(assignmentId));
    else {
      const draft: StoredDraft = {
        values: Object.fromEntries([...dirty.current.keys()].map((p) => [p, valueAt(docRef.current, p) ?? null])),
        etag: etag.current,
        base: baseRef.current,
      };
      localStorage.setItem(draftKey(assignmentId), JSON.stringify(draft));
    }
  }, [assignmentId]);

  const accept = useCallback((r: Review) => {
    setReview(r);
    etag.current = r.etag;
  }, []);

  const saveOnce = useCallback(async (): Promise<void> => {
    if (!dirty.current.size || !etag.current) return;
    let again = false;
    setStatus({ kind: 'saving' });
    const sent = new Map(dirty.current);
    try {
      const answer = await call<Review>('PATCH', `/api/assignments/${assignmentId}/review`, {
        body: patchOf(docRef.current, sent.keys()),
        headers: { 'If-Match': etag.current, 'Content-Type': 'application/merge-patch+json' },
      });
      accept(answer.body);
      baseRef.current = docOf(answer.body);
      for (const [p, rev] of sent) if (dirty.current.get(p) === rev) dirty.current.delete(p);
      setStatus({ kind: 'saved', at: new Date() });
      again = dirty.current.size > 0;
    } catch (e) {
      if (e instanceof OfflineError) setStatus({ kind: 'offline' });
      else if (e instanceof ApiError && e.status === 412 && e.body.current) {
        // another tab saved first: theirs, with this tab's unsent changes on top
        const current = e.body.current as Review;
        const theirs = docOf(current);
        const both = [...dirty.current.keys()].filter(
          (p) => !same(valueAt(theirs, p), valueAt(baseRef.current, p)) && !same(valueAt(theirs, p), valueAt(docRef.current, p)),
        );
        let next = theirs;
        for (const p of dirty.current.keys()) next = withValue(next, p, valueAt(docRef.current, p));
        baseRef.current = theirs;
        docRef.current = next;
        setDoc(next);
        accept(current);
        setMerged(both);
        again = true;
      } else {
        const message =
          e instanceof ApiError
            ? [e.message, ...(e.body.details ?? []).map((d) => d.message)].join(' ')
            : e instanceof Error
              ? e.message
              : String(e);
        setStatus({ kind: 'error', message });
      }
    } finally {
      persistDraft();
    }
    if (again) await saveOnce();
  }, [assignmentId, accept, persistDraft]);

  /** Sends what is pending (one request at a time); resolves when this tab's changes are on the server or failed. */
  const save = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    const run = saveOnce().finally(() => {
      inFlight.current = null;
    });
    inFlight.current = run;
    await run;
  }, [saveOnce]);

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS);
  }, [save]);

  const load = useCallback(async () => {
    const a = await call<Review>('GET', `/api/assignments/${assignmentId}/review`);
    accept(a.body);
    let d = docOf(a.body);
    baseRef.current = d;
    dirty.current.clear();
    const stored = editable ? localStorage.getItem(draftKey(assignmentId)) : null;
    if (stored) {
      const draft = JSON.parse(stored) as StoredDraft;
      // sent against the version these changes were made on: a newer one answers 412 and is merged
      if (draft.etag !== a.body.etag) {
        etag.current = draft.etag;
        baseRef.current = draft.base;
      }
      for (const [p, v] of Object.entries(draft.values)) {
        d = withValue(d, p, v);
        dirty.current.set(p, ++revision.current);
      }
    }
    docRef.current = d;
    setDoc(d);
    if (dirty.current.size) schedule();
  }, [assignmentId, editable, accept, schedule]);

  useEffect(() => {
    load().catch(setLoadError);
  }, [load]);

  const hasPending = useCallback(() => dirty.current.size > 0, []);
  useAutosaveRetry(save, hasPending, status.kind === 'offline');

  const change = useCallback(
    (path: Path, value: unknown) => {
      const next = withValue(docRef.current, path, value);
      docRef.current = next;
      setDoc(next);
      dirty.current.set(path, ++revision.current);
      persistDraft();
      schedule();
    },
    [persistDraft, schedule],
  );

  /** Submits (pending changes first); answers the review, or throws the 422 with what is missing. */
  const submit = useCallback(async (): Promise<Review> => {
    await save();
    if (dirty.current.size) throw new Error(status.kind === 'error' ? status.message : 'not saved');
    const answer = await call<Review>('POST', `/api/assignments/${assignmentId}/review/submit`, { body: {} });
    accept(answer.body);
    return answer.body;
  }, [assignmentId, save, accept, status]);

  return {
    review,
    doc,
    status,
    merged,
    dismissMerged: () => setMerged(null),
    loadError,
    change,
    retry: () => void save(),
    submit,
    pending: () => dirty.current.size > 0,
  };
}

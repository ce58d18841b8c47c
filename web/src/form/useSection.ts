/**
 * One section's data with autosave: every change is kept on this device at once, then sent as a
 * debounced JSON merge patch with If-Match. Offline, the patch waits and goes when the network
 * is back; a 412 (someone else saved first) opens the conflict dialog instead of overwriting;
 * a 400 marks the failing fields and the rest of the patch is saved anyway.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call, OfflineError, type Answer } from '../api/client';
import { queryClient, sectionQuery, type SectionAnswer } from '../api/queries';
import { conflictingPaths, rebase } from './conflicts';
import { getPath, mergePatchOf, setPath, type Data } from './descriptor';
import { useAutosaveRetry } from '../api/useAutosaveRetry';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline' }
  | { kind: 'invalid' }
  | { kind: 'error'; message: string };

export interface Conflict {
  theirs: Data;
  theirsEtag: string;
  theirsBy?: string;
  paths: string[];
}

interface StoredDraft {
  paths: string[];
  data: Data;
  etag: string | null;
  base?: Data;
}

const DEBOUNCE_MS = 700;
const draftKey = (appId: string, key: string) => `draft:${appId}:${key}`;

/**
 * `withComputed`: the section shows values the server computes (招聘准确率, the KPIs' met and gap):
 * its saves ask for the whole answer and take the computed values from it, so they follow what
 * was typed instead of waiting for a reload.
 */
export function useSection(appId: string, key: string, editable: boolean, withComputed = false) {
  const [data, setData] = useState<Data | null>(null);
  const [computed, setComputed] = useState<Data>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const etag = useRef<string | null>(null);
  const dataRef = useRef<Data>({});
  /** What the server holds as far as this page knows: a conflict is a field both sides changed from it. */
  const baseRef = useRef<Data>({});
  /** path → revision of its latest change; a save clears only what it actually sent. */
  const dirty = useRef(new Map<string, number>());
  const revision = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef(false);
  const conflictOpen = useRef(false);

  const persistDraft = useCallback(() => {
    if (!dirty.current.size) localStorage.removeItem(draftKey(appId, key));
    else {
      // with the version the edits were made on: if the server moved on meanwhile, sending them
      // against that version gets a 412 and the conflict dialog, never a silent overwrite
      const draft: StoredDraft = { paths: [...dirty.current.keys()], data: dataRef.current, etag: etag.current, base: baseRef.current };
      localStorage.setItem(draftKey(appId, key), JSON.stringify(draft));
    }
  }, [appId, key]);

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current || !dirty.current.size || !etag.current) return;
    let retrySoon = false;
    let wentOffline = false;
    inFlight.current = true;
    setStatus({ kind: 'saving' });
    const sent = new Map(dirty.current);
    let paths = [...sent.keys()];
    try {
      for (let attempt = 0; attempt < 2 && paths.length; attempt++) {
        try {
          const answer: Answer<SectionAnswer | null> = await call<SectionAnswer | null>(
            'PATCH',
            `/api/applications/${appId}/sections/${key}`,
            {
              body: mergePatchOf(dataRef.current, paths, baseRef.current),
              headers: {
                'If-Match': etag.current!,
                Prefer: withComputed ? 'return=representation' : 'return=minimal',
                'Content-Type': 'application/merge-patch+json',
              },
            },
          );
          etag.current = answer.etag ?? etag.current;
          if (answer.body && typeof answer.body === 'object') setComputed(answer.body.computed ?? {});
          for (const p of paths) baseRef.current = setPath(baseRef.current, p, getPath(dataRef.current, p));
          for (const p of paths) if (dirty.current.get(p) === sent.get(p)) dirty.current.delete(p);
          setErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => !paths.includes(p))));
          setStatus({ kind: 'saved', at: new Date() });
          break;
        } catch (e) {
          if (!(e instanceof ApiError) || e.status !== 400) throw e;
          // keep the failing fields here (marked), save the others
          const failing = Object.fromEntries((e.body.details ?? []).map((d) => [d.path.replace(new RegExp(`^${key}\\.`), ''), d.message]));
          setErrors((prev) => ({ ...prev, ...failing }));
          paths = paths.filter((p) => !Object.keys(failing).some((f) => f === p || f.startsWith(`${p}.`) || p.startsWith(`${f}.`)));
          setStatus({ kind: 'invalid' });
        }
      }
    } catch (e) {
      if (e instanceof OfflineError) {
        wentOffline = true;
        setStatus({ kind: 'offline' });
      } else if (e instanceof ApiError && e.status === 412) {
        const current = e.body.current as { data: Data; etag: string; updatedBy?: { name?: string } | null };
        const conflicting = conflictingPaths(dataRef.current, baseRef.current, current.data, dirty.current.keys());
        if (conflicting.length) {
          conflictOpen.current = true;
          setConflict({
            theirs: current.data,
            theirsEtag: current.etag,
            theirsBy: current.updatedBy?.name ?? undefined,
            paths: conflicting,
          });
          setStatus({ kind: 'idle' });
        } else {
          // they changed other fields only: mine go on top of theirs, nothing to ask
          const next = rebase(current.data, dataRef.current, dirty.current.keys());
          baseRef.current = current.data;
          dataRef.current = next;
          setData(next);
          etag.current = current.etag;
          retrySoon = true;
        }
      } else setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) }); // e.g. 409: sealed meanwhile; 401: signed out
    } finally {
      inFlight.current = false;
      persistDraft();
    }
    // typed while that request was under way: those changes go now (not at the next keystroke)
    const changedMeanwhile = [...dirty.current].some(([p, rev]) => sent.get(p) !== rev);
    if (retrySoon || (changedMeanwhile && !wentOffline && !conflictOpen.current)) void save();
  }, [appId, key, persistDraft, withComputed]);

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS);
  }, [save]);

  // load: the server's version, then whatever this device still holds unsent
  useEffect(() => {
    let alive = true;
    dirty.current.clear();
    // the editor's first section may be on its way already (started beside the page's code: api/queries.ts);
    // taken once — opening the section again asks the server anew
    const query = sectionQuery(appId, key);
    queryClient.fetchQuery({ ...query, staleTime: 30_000 }).then((a) => {
      queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
      if (!alive) return;
      etag.current = a.etag;
      let d = a.body.data ?? {};
      baseRef.current = d;
      const stored = localStorage.getItem(draftKey(appId, key));
      if (stored && editable) {
        const { paths, data: local, etag: draftEtag, base } = JSON.parse(stored) as StoredDraft;
        if (draftEtag && draftEtag !== a.etag) {
          // saved elsewhere since: send against the version these edits were made on
          etag.current = draftEtag;
          baseRef.current = base ?? baseRef.current;
        }
        for (const p of paths) {
          d = setPath(d, p, getPath(local, p));
          dirty.current.set(p, ++revision.current);
        }
      }
      dataRef.current = d;
      setData(d);
      setComputed(a.body.computed ?? {});
      if (dirty.current.size) schedule();
    });
    return () => {
      alive = false;
    };
  }, [appId, key, editable, schedule]);

  const hasPending = useCallback(() => dirty.current.size > 0, []);
  useAutosaveRetry(save, hasPending, status.kind === 'offline');

  const change = useCallback(
    (path: string, value: unknown) => {
      const next = setPath(dataRef.current, path, value);
      dataRef.current = next;
      setData(next);
      dirty.current.set(path, ++revision.current);
      persistDraft();
      schedule();
    },
    [persistDraft, schedule],
  );

  /** The conflict dialog's answer: per path, keep mine or take theirs. */
  const resolve = useCallback(
    (keepMine: Set<string>) => {
      if (!conflict) return;
      const next = rebase(
        conflict.theirs,
        dataRef.current,
        [...dirty.current.keys()].filter((p) => !conflict.paths.includes(p) || keepMine.has(p)),
      );
      for (const p of conflict.paths) if (!keepMine.has(p)) dirty.current.delete(p);
      baseRef.current = conflict.theirs;
      dataRef.current = next;
      setData(next);
      etag.current = conflict.theirsEtag;
      conflictOpen.current = false;
      setConflict(null);
      persistDraft();
      void save();
    },
    [conflict, persistDraft, save],
  );

  return { data, computed, status, errors, conflict, change, resolve, mine: dataRef.current };
}

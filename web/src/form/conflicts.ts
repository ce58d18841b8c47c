/** Which of my unsent changes collide with someone else's save (the 412 answer of an autosave). */
import { getPath, setPath, type Data } from './descriptor';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The paths I changed that they changed too, to something else: a path is in conflict when the
 * server's value differs both from what I started from (`base`) and from mine. A field only they
 * changed, or that we both set to the same value, is not.
 */
export function conflictingPaths(mine: Data, base: Data, theirs: Data, dirty: Iterable<string>): string[] {
  return [...dirty].filter((p) => !same(getPath(theirs, p), getPath(base, p)) && !same(getPath(theirs, p), getPath(mine, p)));
}

/** Their version with my changes on top: `keep` are the paths of mine that win (all of them when nothing conflicts). */
export function rebase(theirs: Data, mine: Data, keep: Iterable<string>): Data {
  let next = theirs;
  for (const p of keep) next = setPath(next, p, getPath(mine, p));
  return next;
}

/**
 * Explicit garbage collection where the process knows better than V8's heuristics when memory
 * just died. Without `--expose-gc` on the command line: V8's `gc` function is taken from a fresh
 * context once, after enabling it for this process only (nothing global is exposed).
 *
 * Why (bench/RESULTS.md, "Upload memory"): every byte of an upload arrives in a fresh 64 KB
 * Buffer that dies at once, but the Buffers' memory is outside V8's heap, so with the default
 * young generation (16 MB semi-spaces, which autosave needs) nothing collects them for tens of MB.
 * A 1 MB young generation bounded that for every request and cost autosave 13 % of its CPU in GC.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type GcFunction = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async'; flavor?: 'regular' | 'last-resort' }) => void;

let gc: GcFunction | null | undefined;

function gcFunction(): GcFunction | null {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as GcFunction;
    } catch {
      gc = null; // not available on this runtime: V8's own heuristics decide, as before
    }
  }
  return gc;
}

/** A young-generation collection (a scavenge: well under a millisecond when little survives). */
export function collectYoung(): void {
  gcFunction()?.({ type: 'minor' });
}

/** Young generation (both semi-spaces) above which an idle process is asked to shrink it. */
const SMALL_YOUNG_GENERATION = 4 * 1024 * 1024;

const youngGenerationBytes = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;

/**
 * Start-up (and any burst of load) grows V8's young generation to its maximum, 32 MB resident; an
 * idle API need not keep that — under load V8 grows it again within a few collections. A full
 * collection (V8's low-memory path) drops start-up garbage now. V8 shrinks the young generation only
 * in a collection that sees a low allocation rate over its ~5 s window, and nothing collects an idle
 * process, so every `everyMs` a grown young generation gets a scavenge: under load V8 keeps it (one
 * scavenge among hundreds a second), once idle it returns the pages (149 → 121 MB resident
 * measured, bench/RESULTS.md).
 */
export function keepIdleMemorySmall(everyMs = 5_000): void {
  const collect = gcFunction();
  if (!collect) return;
  collect({ type: 'major', flavor: 'last-resort' });
  setInterval(() => {
    if (youngGenerationBytes() > SMALL_YOUNG_GENERATION) collect({ type: 'minor' });
  }, everyMs).unref();
}

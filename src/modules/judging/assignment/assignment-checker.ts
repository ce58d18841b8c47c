import type { AssignmentProblem, AssignmentResult } from './assignment-problem';

/**
 * An independent check of an assignment against the hard rules of the workflow spec — written
 * without the solver's code, so a bug in one is not hidden by the same bug in the other:
 *
 * - every pair names a known entry and judge, once; every fixed pair is kept;
 * - no pair has a conflict of interest (a fixed pair may: it is kept and warned about);
 * - every entry has exactly k judges, or fewer and is listed in `shortfalls` with the right count
 *   (more only when its fixed pairs alone exceed k);
 * - no judge above capacity (unless its fixed pairs alone are);
 * - `loads` are the real counts;
 * - maximum: no shortfall could be reduced — no chain of reassignments gives a short entry a
 *   judge without taking one from another entry (otherwise it was under-assigned silently);
 * - balanced: among judges of equal capacity, whenever one has ≥ 2 more than another (with
 *   room), no chain of reassignments moves a review from the first to the second. This is the
 *   spec's "max − min ≤ 1 among judges with equal capacity" exactly where conflicts, fixed pairs
 *   and capacities make it achievable.
 */
export interface CheckViolation {
  code:
    | 'unknown_pair'
    | 'duplicate_pair'
    | 'conflicted_pair'
    | 'fixed_pair_missing'
    | 'too_many_judges'
    | 'unlisted_shortfall'
    | 'wrong_shortfall'
    | 'over_capacity'
    | 'wrong_load'
    | 'not_maximum'
    | 'unbalanced';
  entryId?: string;
  judgeId?: string;
  detail: string;
}

export interface CheckReport {
  ok: boolean;
  violations: CheckViolation[];
}

export function checkAssignment(problem: AssignmentProblem, result: AssignmentResult): CheckReport {
  const violations: CheckViolation[] = [];
  const k = problem.reviewsPerEntry;
  const entryIds = problem.entries.map((e) => e.id);
  const judgeIds = problem.judges.map((j) => j.id);
  const capacity = problem.judges.map((j) => j.capacity);
  const entryAt = new Map(entryIds.map((id, i) => [id, i]));
  const judgeAt = new Map(judgeIds.map((id, i) => [id, i]));
  const n = entryIds.length;
  const m = judgeIds.length;
  const at = (entryId: string, judgeId: string): number => {
    const e = entryAt.get(entryId);
    const j = judgeAt.get(judgeId);
    return e === undefined || j === undefined ? -1 : e * m + j;
  };

  const conflicted = new Uint8Array(n * m);
  for (const c of problem.conflicts ?? []) {
    const p = at(c.entryId, c.judgeId);
    if (p >= 0) conflicted[p] = 1;
  }
  const fixed = new Uint8Array(n * m);
  for (const f of problem.fixed ?? []) {
    const p = at(f.entryId, f.judgeId);
    if (p >= 0) fixed[p] = 1;
  }

  const assigned = new Uint8Array(n * m);
  for (const pair of result.assignments) {
    const p = at(pair.entryId, pair.judgeId);
    if (p < 0) {
      violations.push({ code: 'unknown_pair', ...pair, detail: 'the pair names an entry or judge not in the problem' });
      continue;
    }
    if (assigned[p]) violations.push({ code: 'duplicate_pair', ...pair, detail: 'the pair is listed twice' });
    assigned[p] = 1;
    if (conflicted[p] && !fixed[p])
      violations.push({ code: 'conflicted_pair', ...pair, detail: 'the judge has a conflict with the entry' });
  }

  const count = new Int32Array(n);
  const load = new Int32Array(m);
  const fixedCount = new Int32Array(n);
  const fixedLoad = new Int32Array(m);
  for (let e = 0; e < n; e++)
    for (let j = 0; j < m; j++) {
      const p = e * m + j;
      if (fixed[p] && !assigned[p])
        violations.push({ code: 'fixed_pair_missing', entryId: entryIds[e], judgeId: judgeIds[j], detail: 'a fixed pair was dropped' });
      if (fixed[p]) {
        fixedCount[e]++;
        fixedLoad[j]++;
      }
      if (assigned[p]) {
        count[e]++;
        load[j]++;
      }
    }

  const listed = new Map(result.shortfalls.map((s) => [s.entryId, s.missing]));
  for (let e = 0; e < n; e++) {
    const entryId = entryIds[e];
    if (count[e] > k && count[e] > fixedCount[e])
      violations.push({ code: 'too_many_judges', entryId, detail: `${count[e]} judges for k = ${k}` });
    const missing = Math.max(0, k - count[e]);
    if (missing > 0 && !listed.has(entryId))
      violations.push({ code: 'unlisted_shortfall', entryId, detail: `${count[e]} of ${k} judges and no shortfall listed` });
    if (listed.has(entryId) && listed.get(entryId) !== missing)
      violations.push({ code: 'wrong_shortfall', entryId, detail: `listed missing ${listed.get(entryId)}, really ${missing}` });
  }
  for (const entryId of listed.keys())
    if (!entryAt.has(entryId)) violations.push({ code: 'wrong_shortfall', entryId, detail: 'shortfall for an unknown entry' });

  const reported = new Map(result.loads.map((l) => [l.judgeId, l.count]));
  for (let j = 0; j < m; j++) {
    if (load[j] > capacity[j] && load[j] > fixedLoad[j])
      violations.push({ code: 'over_capacity', judgeId: judgeIds[j], detail: `${load[j]} entries, capacity ${capacity[j]}` });
    if (reported.get(judgeIds[j]) !== load[j])
      violations.push({ code: 'wrong_load', judgeId: judgeIds[j], detail: `reported ${reported.get(judgeIds[j])}, really ${load[j]}` });
  }

  // Reassignment chains, on the judges: x → y when some entry of x (not fixed) could go to y instead
  // (no conflict, not already y's). A path a → … → b moves one review from a to b, every judge in
  // between keeping its load. Through `S` (an entry giving up a review to a short entry): x → S when
  // x has a movable pair, S → y when a short entry could take y.
  const canTake = (e: number, y: number) => !conflicted[e * m + y] && !assigned[e * m + y];
  const moves = new Uint8Array(m * m);
  const movable = new Uint8Array(m);
  const fromShort = new Uint8Array(m);
  for (let e = 0; e < n; e++) {
    for (let x = 0; x < m; x++) {
      if (!assigned[e * m + x] || fixed[e * m + x]) continue;
      movable[x] = 1;
      for (let y = 0; y < m; y++) if (y !== x && canTake(e, y)) moves[x * m + y] = 1;
    }
    if (count[e] < k) for (let y = 0; y < m; y++) if (canTake(e, y)) fromShort[y] = 1;
  }
  const hasRoom = (j: number) => load[j] < capacity[j];
  /** Judges reachable from `starts` by move arcs (and through S when `viaShort`). */
  const reach = (starts: number[], viaShort: boolean): Uint8Array => {
    const seen = new Uint8Array(m);
    const queue = [...starts];
    for (const s of starts) seen[s] = 1;
    let usedShort = false;
    while (queue.length > 0) {
      const x = queue.shift() as number;
      const next: number[] = [];
      for (let y = 0; y < m; y++) if (moves[x * m + y]) next.push(y);
      if (viaShort && movable[x] && !usedShort) {
        usedShort = true;
        for (let y = 0; y < m; y++) if (fromShort[y]) next.push(y);
      }
      for (const y of next)
        if (!seen[y]) {
          seen[y] = 1;
          queue.push(y);
        }
    }
    return seen;
  };

  const shortStarts = [...fromShort.keys()].filter((y) => fromShort[y]);
  if (shortStarts.length > 0) {
    const reached = reach(shortStarts, false);
    for (let j = 0; j < m; j++)
      if (reached[j] && hasRoom(j)) {
        violations.push({
          code: 'not_maximum',
          judgeId: judgeIds[j],
          detail: `a short entry could get a review by a chain of reassignments ending at ${judgeIds[j]}, who has room`,
        });
        break;
      }
  }

  for (let a = 0; a < m; a++) {
    const lighter: number[] = [];
    for (let b = 0; b < m; b++) if (capacity[b] === capacity[a] && load[b] + 2 <= load[a] && hasRoom(b)) lighter.push(b);
    if (lighter.length === 0) continue;
    const reached = reach([a], true);
    for (const b of lighter)
      if (reached[b]) {
        violations.push({
          code: 'unbalanced',
          judgeId: judgeIds[a],
          detail: `${judgeIds[a]} has ${load[a]}, ${judgeIds[b]} (same capacity ${capacity[a]}) has ${load[b]}, and a review could move between them`,
        });
        break;
      }
  }

  return { ok: violations.length === 0, violations };
}

import {
  AssignmentInputError,
  type AssignmentObjective,
  type AssignmentPair,
  type AssignmentProblem,
  type AssignmentResult,
  type AssignmentWarning,
  type JudgeLoad,
  type ObjectiveWeights,
  type Shortfall,
} from './assignment-problem';
import { MinCostFlow } from './min-cost-flow';

/**
 * Automatic judge assignment as one minimum-cost maximum flow.
 *
 *   source ──(k − fixed of e)──▶ entry e ──(1, pair cost)──▶ judge j ──(unit i: cost of the i-th load)──▶ sink
 *
 * A pair arc exists only when the judge has no conflict with the entry (and the pair is not fixed:
 * fixed pairs are taken out first and reduce both the entry's k and the judge's capacity). The
 * judge → sink side is one arc per unit of remaining capacity, the i-th costing
 * `balance × (2·load − 1)` for the load it brings the judge to, i.e. the marginal of load², so
 * the arcs are filled in order (convex) and the flow pays `balance × Σ load²`.
 *
 * Objective, lexicographic:
 *   1. assign as many reviews as possible — the flow is a *maximum* flow, so an entry is short
 *      only when no reshuffle could give it a judge without taking one from another entry
 *      (never silently under-assigned; the shortfall says why);
 *   2. balance the load: minimise Σ load². Its minimisers are the "decreasingly minimal" load
 *      vectors (Frank & Murota), so no review can be moved from a judge to one with ≥ 2 fewer
 *      (max − min ≤ 1 among comparable judges whenever the conflicts and capacities allow it);
 *   3. maximise expertise matches (judge's industries contain the entry's industry);
 *   4. keep the previous assignment: minimise the pairs that are not in `previous`.
 * The workflow spec makes balance a rule ("max − min ≤ 1 among judges with equal capacity") and
 * expertise a preference, hence balance before expertise.
 *
 * Levels 2–4 are one integer cost with weights that make the order strict: with U the reviews
 * still to assign, a pair costs `expertise` (U + 1) when not an expertise match plus `change` (1)
 * when not in `previous`. Changes sum to at most U < expertise, and expertise + change sum to at most
 * U(U + 1) + U < (U + 1)² = `balance`, so one unit of a higher level outweighs any amount of the lower.
 * All sums stay exact in doubles (checked; far above the platform's sizes).
 */
export function solveAssignment(problem: AssignmentProblem): AssignmentResult {
  const ix = indexProblem(problem);
  const { n, m, flags, entries, judges } = ix;

  const source = n + m;
  const sink = n + m + 1;
  const net = new MinCostFlow(n + m + 2);
  for (let e = 0; e < n; e++) if (ix.demand[e] > 0) net.addArc(source, e, ix.demand[e], 0);

  // Pair arcs in (entry id, judge id) order: the order Dijkstra and Dinic scan them in.
  const pairArc = new Int32Array(n * m).fill(-1);
  const candidates = new Int32Array(m);
  for (let e = 0; e < n; e++) {
    if (ix.demand[e] === 0) continue;
    for (let j = 0; j < m; j++) {
      const f = flags[e * m + j];
      if (f & (CONFLICT | FIXED) || ix.room[j] === 0) continue;
      pairArc[e * m + j] = net.addArc(e, n + j, 1, pairCost(ix, e, j));
      candidates[j]++;
    }
  }
  for (let j = 0; j < m; j++) {
    const units = Math.min(ix.room[j], candidates[j], ix.toAssign);
    for (let i = 1; i <= units; i++) net.addArc(n + j, sink, 1, ix.weights.balance * (2 * (ix.fixedPerJudge[j] + i) - 1));
  }
  net.solve(source, sink);

  const assigned = new Uint8Array(n * m);
  for (let p = 0; p < n * m; p++) if (flags[p] & FIXED || (pairArc[p] >= 0 && net.flowOn(pairArc[p]) > 0)) assigned[p] = 1;

  const assignments: AssignmentPair[] = [];
  for (let e = 0; e < n; e++)
    for (let j = 0; j < m; j++) if (assigned[e * m + j]) assignments.push({ entryId: entries[e].id, judgeId: judges[j].id });

  const load = new Int32Array(m);
  const perEntry = new Int32Array(n);
  for (let e = 0; e < n; e++)
    for (let j = 0; j < m; j++)
      if (assigned[e * m + j]) {
        load[j]++;
        perEntry[e]++;
      }
  const loads: JudgeLoad[] = judges.map((judge, j) => ({ judgeId: judge.id, count: load[j], capacity: judge.capacity }));

  return {
    assignments,
    loads,
    objective: objectiveOf(ix, assigned, load),
    shortfalls: shortfallsOf(ix, assigned, load, perEntry),
    warnings: warningsOf(ix),
  };
}

/** The objective of any assignment of `problem` (e.g. one from another solver), as `solveAssignment` reports it. */
export function evaluateAssignment(problem: AssignmentProblem, assignments: readonly AssignmentPair[]): AssignmentObjective {
  const ix = indexProblem(problem);
  const assigned = new Uint8Array(ix.n * ix.m);
  const load = new Int32Array(ix.m);
  for (let p = 0; p < ix.n * ix.m; p++) if (ix.flags[p] & FIXED) assigned[p] = 1;
  for (const pair of assignments) {
    const e = ix.entryIndex.get(pair.entryId);
    const j = ix.judgeIndex.get(pair.judgeId);
    if (e === undefined || j === undefined) throw new AssignmentInputError(`unknown pair ${pair.entryId} / ${pair.judgeId}`);
    assigned[e * ix.m + j] = 1;
  }
  for (let p = 0; p < ix.n * ix.m; p++) if (assigned[p]) load[p % ix.m]++;
  return objectiveOf(ix, assigned, load);
}

const CONFLICT = 1;
const FIXED = 2;
const PREVIOUS = 4;

interface ProblemIndex {
  n: number;
  m: number;
  k: number;
  entries: AssignmentProblem['entries'];
  judges: AssignmentProblem['judges'];
  entryIndex: Map<string, number>;
  judgeIndex: Map<string, number>;
  /** CONFLICT | FIXED | PREVIOUS per (entry, judge), row-major by entry. */
  flags: Uint8Array;
  expert: Uint8Array;
  fixedPerEntry: Int32Array;
  fixedPerJudge: Int32Array;
  /** Reviews each entry still needs, and each judge's capacity left, once fixed pairs are counted. */
  demand: Int32Array;
  room: Int32Array;
  toAssign: number;
  /** Pairs of `previous` naming an entry or judge no longer in the problem: moved whatever we do. */
  previousGone: number;
  weights: ObjectiveWeights;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function indexProblem(problem: AssignmentProblem): ProblemIndex {
  const k = problem.reviewsPerEntry;
  if (!Number.isInteger(k) || k < 0) throw new AssignmentInputError('reviewsPerEntry must be a non-negative integer');
  const entries = [...problem.entries].sort(byId);
  const judges = [...problem.judges].sort(byId);
  const n = entries.length;
  const m = judges.length;
  const entryIndex = new Map(entries.map((e, i) => [e.id, i]));
  const judgeIndex = new Map(judges.map((j, i) => [j.id, i]));
  if (entryIndex.size !== n) throw new AssignmentInputError('entry ids must be unique');
  if (judgeIndex.size !== m) throw new AssignmentInputError('judge ids must be unique');
  for (const judge of judges)
    if (!Number.isInteger(judge.capacity) || judge.capacity < 0)
      throw new AssignmentInputError(`judge ${judge.id}: capacity must be a non-negative integer`);

  const flags = new Uint8Array(n * m);
  const cell = (pair: AssignmentPair): number => {
    const e = entryIndex.get(pair.entryId);
    const j = judgeIndex.get(pair.judgeId);
    return e === undefined || j === undefined ? -1 : e * m + j;
  };
  for (const pair of problem.conflicts ?? []) {
    const p = cell(pair);
    if (p >= 0) flags[p] |= CONFLICT; // a conflict with someone outside the round changes nothing
  }
  for (const pair of problem.fixed ?? []) {
    const p = cell(pair);
    if (p < 0) throw new AssignmentInputError(`fixed pair ${pair.entryId} / ${pair.judgeId} names an entry or judge not in the problem`);
    flags[p] |= FIXED;
  }
  const previousSeen = new Set<string>();
  let previousGone = 0;
  for (const pair of problem.previous ?? []) {
    const p = cell(pair);
    if (p >= 0) flags[p] |= PREVIOUS;
    else if (!previousSeen.has(`${pair.entryId}\n${pair.judgeId}`)) previousGone++;
    previousSeen.add(`${pair.entryId}\n${pair.judgeId}`);
  }

  const expert = new Uint8Array(n * m);
  const judgeIndustries = judges.map((j) => new Set(j.industries));
  for (let e = 0; e < n; e++) {
    const industry = entries[e].industry;
    if (industry === null) continue;
    for (let j = 0; j < m; j++) if (judgeIndustries[j].has(industry)) expert[e * m + j] = 1;
  }

  const fixedPerEntry = new Int32Array(n);
  const fixedPerJudge = new Int32Array(m);
  for (let e = 0; e < n; e++)
    for (let j = 0; j < m; j++)
      if (flags[e * m + j] & FIXED) {
        fixedPerEntry[e]++;
        fixedPerJudge[j]++;
      }
  const demand = Int32Array.from(fixedPerEntry, (f) => Math.max(0, k - f));
  const room = Int32Array.from(judges, (judge, j) => Math.max(0, judge.capacity - fixedPerJudge[j]));
  const toAssign = demand.reduce((s, d) => s + d, 0);

  const weights: ObjectiveWeights = { change: 1, expertise: toAssign + 1, balance: (toAssign + 1) ** 2 };
  // Exactness guard: the largest cost the flow can reach (every judge full) must stay a safe integer.
  let worst = 0;
  for (let j = 0; j < m; j++) worst += (fixedPerJudge[j] + Math.min(room[j], toAssign)) ** 2;
  if (weights.balance * worst + (n + toAssign) * (weights.expertise + 1) > Number.MAX_SAFE_INTEGER / 4)
    throw new AssignmentInputError('problem too large for exact integer costs');

  return {
    n,
    m,
    k,
    entries,
    judges,
    entryIndex,
    judgeIndex,
    flags,
    expert,
    fixedPerEntry,
    fixedPerJudge,
    demand,
    room,
    toAssign,
    previousGone,
    weights,
  };
}

function pairCost(ix: ProblemIndex, e: number, j: number): number {
  const p = e * ix.m + j;
  return (ix.expert[p] ? 0 : ix.weights.expertise) + (ix.flags[p] & PREVIOUS ? 0 : ix.weights.change);
}

function objectiveOf(ix: ProblemIndex, assigned: Uint8Array, load: Int32Array): AssignmentObjective {
  const { n, m, flags, weights } = ix;
  let count = 0;
  let expertiseMatches = 0;
  let mismatched = 0;
  let changed = 0;
  let moved = ix.previousGone;
  for (let p = 0; p < n * m; p++) {
    if (assigned[p]) {
      count++;
      if (ix.expert[p]) expertiseMatches++;
      if (!(flags[p] & FIXED)) {
        if (!ix.expert[p]) mismatched++;
        if (!(flags[p] & PREVIOUS)) changed++;
      }
    } else if (flags[p] & PREVIOUS) moved++;
  }
  let loadSquares = 0;
  const range = new Map<number, { min: number; max: number }>();
  for (let j = 0; j < m; j++) {
    loadSquares += load[j] ** 2;
    const r = range.get(ix.judges[j].capacity) ?? { min: Infinity, max: -Infinity };
    range.set(ix.judges[j].capacity, { min: Math.min(r.min, load[j]), max: Math.max(r.max, load[j]) });
  }
  let loadSpread = 0;
  for (const r of range.values()) loadSpread = Math.max(loadSpread, r.max - r.min);
  return {
    assigned: count,
    expertiseMatches,
    loadSquares,
    loadSpread,
    moved,
    value: weights.balance * loadSquares + weights.expertise * mismatched + weights.change * changed,
    weights,
  };
}

function shortfallsOf(ix: ProblemIndex, assigned: Uint8Array, load: Int32Array, perEntry: Int32Array): Shortfall[] {
  const { n, m, k, flags, judges } = ix;
  const shortfalls: Shortfall[] = [];
  for (let e = 0; e < n; e++) {
    if (perEntry[e] >= k) continue;
    let conflicted = 0;
    let atCapacity = 0;
    for (let j = 0; j < m; j++) {
      const p = e * m + j;
      if (assigned[p]) continue;
      if (flags[p] & CONFLICT) conflicted++;
      else if (load[j] >= judges[j].capacity) atCapacity++;
    }
    const missing = k - perEntry[e];
    const eligible = m - conflicted - atCapacity;
    shortfalls.push({
      entryId: ix.entries[e].id,
      missing,
      reason: {
        code: m - conflicted < k ? 'too_few_judges' : 'judges_at_capacity',
        needed: k,
        assigned: perEntry[e],
        missing,
        judges: m,
        eligible,
        conflicted,
        atCapacity,
        message: shortfallMessage(k, missing, eligible, conflicted, atCapacity),
      },
    });
  }
  return shortfalls;
}

/** "1 of 3 judges missing: only 2 eligible judges left: 5 conflicted, 3 at capacity", in zh and en. */
export function shortfallMessage(
  needed: number,
  missing: number,
  eligible: number,
  conflicted: number,
  atCapacity: number,
): { zh: string; en: string } {
  const judgesWord = (count: number) => (count === 1 ? 'judge' : 'judges');
  return {
    zh: `缺 ${missing} 位评委（需 ${needed} 位）：仅剩 ${eligible} 位可分配评委——${conflicted} 位存在利益冲突，${atCapacity} 位已达评审上限`,
    en:
      `${missing} of ${needed} ${judgesWord(needed)} missing: only ${eligible} eligible ${judgesWord(eligible)} left: ` +
      `${conflicted} conflicted, ${atCapacity} at capacity`,
  };
}

function warningsOf(ix: ProblemIndex): AssignmentWarning[] {
  const warnings: AssignmentWarning[] = [];
  for (let e = 0; e < ix.n; e++) {
    for (let j = 0; j < ix.m; j++)
      if ((ix.flags[e * ix.m + j] & (FIXED | CONFLICT)) === (FIXED | CONFLICT))
        warnings.push({ code: 'fixed_pair_conflicted', entryId: ix.entries[e].id, judgeId: ix.judges[j].id });
    if (ix.fixedPerEntry[e] > ix.k) warnings.push({ code: 'fixed_pairs_exceed_reviews', entryId: ix.entries[e].id });
  }
  for (let j = 0; j < ix.m; j++)
    if (ix.fixedPerJudge[j] > ix.judges[j].capacity) warnings.push({ code: 'fixed_pairs_exceed_capacity', judgeId: ix.judges[j].id });
  return warnings;
}

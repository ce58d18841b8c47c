/**
 * The assignment objective as a linear program solved by HiGHS (the `highs` WASM build), to
 * certify the solver's optimum: written from the objective's definition (assignment-problem.ts
 * `ObjectiveWeights`), sharing no code with the solver.
 *
 * Two LPs: (1) maximise the assigned reviews (skipped when all of them fit); (2) with that many, minimise
 *   balance × Σ load² + expertise × mismatched pairs + change × pairs not in `previous`,
 * Σ load² written as one [0, 1] variable per unit of each judge's load costing the marginal
 * 2·load − 1 (convex, so the LP fills them in order). The constraint matrix is a network matrix,
 * so the LP optimum is the integer optimum; and an LP optimum is a lower bound on every
 * assignment anyway — equal values certify the solver's answer optimal.
 */
import loadHighs from 'highs';
import type { AssignmentProblem } from '../../src/modules/judging/assignment/assignment-problem';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | undefined;

export interface ReferenceOptimum {
  status: string;
  assigned: number;
  /** Same scale as `AssignmentObjective.value` (fixed pairs' load included). */
  value: number;
  /** Whether HiGHS's primal solution is integral (it should be: network LP). */
  integral: boolean;
  /** Σ load² and expertise matches of HiGHS's own solution (rounded), fixed pairs included. */
  loadSquares: number;
  expertiseMatches: number;
  seconds: number;
}

/**
 * `solver`: HiGHS's LP algorithm. `lexicographic`: one well-scaled LP per goal instead of one LP
 * whose costs span ten orders of magnitude (which HiGHS did not finish in 45 min on 2,000 × 100).
 */
export async function referenceOptimum(
  problem: AssignmentProblem,
  { solver: algorithm = 'choose', lexicographic = false }: { solver?: 'choose' | 'simplex' | 'ipm'; lexicographic?: boolean } = {},
): Promise<ReferenceOptimum> {
  const solver = await (highs ??= loadHighs());
  const started = performance.now();
  const k = problem.reviewsPerEntry;
  const key = (e: string, j: string) => `${e}\n${j}`;
  const conflicts = new Set([...(problem.conflicts ?? [])].map((c) => key(c.entryId, c.judgeId)));
  const fixed = new Set((problem.fixed ?? []).map((f) => key(f.entryId, f.judgeId)));
  const previous = new Set((problem.previous ?? []).map((p) => key(p.entryId, p.judgeId)));

  const fixedOfEntry = problem.entries.map((e) => problem.judges.filter((j) => fixed.has(key(e.id, j.id))).length);
  const fixedOfJudge = problem.judges.map((j) => problem.entries.filter((e) => fixed.has(key(e.id, j.id))).length);
  const demand = fixedOfEntry.map((f) => Math.max(0, k - f));
  const room = problem.judges.map((j, i) => Math.max(0, j.capacity - fixedOfJudge[i]));
  const U = demand.reduce((a, b) => a + b, 0);
  const weights = { change: 1, expertise: U + 1, balance: (U + 1) ** 2 };

  interface Pair {
    name: string;
    e: number;
    j: number;
    cost: number;
    expert: boolean;
  }
  const pairs: Pair[] = [];
  problem.entries.forEach((entry, e) => {
    problem.judges.forEach((judge, j) => {
      const p = key(entry.id, judge.id);
      if (demand[e] === 0 || room[j] === 0 || conflicts.has(p) || fixed.has(p)) return;
      const expert = entry.industry !== null && judge.industries.includes(entry.industry);
      const cost = (expert ? 0 : weights.expertise) + (previous.has(p) ? 0 : weights.change);
      pairs.push({ name: `x${e}_${j}`, e, j, cost, expert });
    });
  });
  const units = problem.judges.flatMap((_, j) =>
    Array.from({ length: Math.min(room[j], U) }, (_, i) => ({
      name: `u${j}_${i}`,
      j,
      cost: weights.balance * (2 * (fixedOfJudge[j] + i + 1) - 1),
    })),
  );

  const byEntry = problem.entries.map((): Pair[] => []);
  const byJudge = problem.judges.map((): Pair[] => []);
  for (const p of pairs) {
    byEntry[p.e].push(p);
    byJudge[p.j].push(p);
  }
  const unitsOf = problem.judges.map((_, j) => units.filter((u) => u.j === j).map((u) => u.name));
  const sum = (terms: string[], joiner = ' + ') => (terms.length === 0 ? '0 x_none' : chunk(terms, joiner).join(`\n  ${joiner}`));
  const entryRows = byEntry.flatMap((ps, e) => (ps.length ? [` ce${e}: ${sum(ps.map((p) => p.name))} <= ${demand[e]}`] : []));
  const bounds = [...pairs, ...units].map((v) => ` 0 <= ${v.name} <= 1`).join('\n');

  // LP 2: the cheapest assignment with `flow` reviews; a judge's load = its unit variables.
  const loadRows = byJudge.flatMap((ps, j) =>
    ps.length ? [` cl${j}: ${sum(ps.map((p) => p.name))}\n  - ${sum(unitsOf[j], ' - ')} = 0`] : [],
  );
  const weighted = (vars: Array<{ name: string; cost: number }>) => vars.filter((v) => v.cost !== 0).map((v) => `${v.cost} ${v.name}`);
  const minimise = (flow: number, objective: string[], extraRows: string[] = []) =>
    solver.solve(
      `Minimize\n obj: ${sum(objective)}\nSubject To\n` +
        [...entryRows, ...loadRows, ` total: ${sum(pairs.map((p) => p.name))} = ${flow}`, ...extraRows].join('\n') +
        `\nBounds\n${bounds}\nEnd\n`,
      { output_flag: false, solver: algorithm },
    );
  // One LP with the weighted objective (costs from 1 to ~1e10: fine for small instances), or —
  // `lexicographic` — three well-scaled LPs, each goal optimised with the earlier ones held at
  // their optimum (Σ load², then mismatches, then changes; each optimum is an integer, so it is
  // held exactly). Same optimum: the weights make the single objective lexicographic.
  const unitCost = (i: number, j: number) => 2 * (fixedOfJudge[j] + i + 1) - 1;
  const cheapest = (flow: number) => {
    if (!lexicographic) return minimise(flow, weighted([...pairs, ...units]));
    const squares = units.map((u) => ({ name: u.name, cost: unitCost(Number(u.name.split('_')[1]), u.j) }));
    const mismatches = pairs.filter((p) => !p.expert).map((p) => ({ name: p.name, cost: 1 }));
    const changes = pairs
      .filter((p) => !previous.has(key(problem.entries[p.e].id, problem.judges[p.j].id)))
      .map((p) => ({ name: p.name, cost: 1 }));
    const goals = [squares, mismatches, changes];
    const held: string[] = [];
    const optima: number[] = [];
    let last: ReturnType<typeof minimise> | undefined;
    for (const [g, goal] of goals.entries()) {
      const terms = weighted(goal);
      last = minimise(flow, terms.length ? terms : ['0 x_none'], held);
      if (last.Status !== 'Optimal') return last;
      optima.push(Math.round(last.ObjectiveValue));
      if (terms.length) held.push(` held${g}: ${sum(terms)} <= ${optima[g]}`);
    }
    const solved = last as NonNullable<typeof last>;
    return { ...solved, ObjectiveValue: weights.balance * optima[0] + weights.expertise * optima[1] + weights.change * optima[2] };
  };

  // Every review still to assign is the most there can be: try that first; only when it is
  // infeasible ask LP 1 for the maximum (each judge within its room).
  let flow = U;
  let best = cheapest(flow);
  if (best.Status !== 'Optimal') {
    const capacityRows = byJudge.flatMap((ps, j) => (ps.length ? [` cj${j}: ${sum(ps.map((p) => p.name))} <= ${room[j]}`] : []));
    const maxFlow = solver.solve(
      `Maximize\n obj: ${sum(pairs.map((p) => p.name))}\nSubject To\n${[...entryRows, ...capacityRows].join('\n')}\nBounds\n${bounds}\nEnd\n`,
      { output_flag: false, solver: algorithm },
    );
    if (maxFlow.Status !== 'Optimal') throw new Error(`HiGHS max-flow LP: ${maxFlow.Status}`);
    flow = Math.round(maxFlow.ObjectiveValue);
    best = cheapest(flow);
  }
  if (best.Status !== 'Optimal') throw new Error(`HiGHS min-cost LP: ${best.Status}`);

  const primal = (name: string) => (best.Columns[name] as { Primal: number } | undefined)?.Primal ?? 0;
  let integral = true;
  const load = fixedOfJudge.slice();
  let expertiseMatches = 0;
  for (const entry of problem.entries)
    for (const judge of problem.judges)
      if (fixed.has(key(entry.id, judge.id)) && entry.industry !== null && judge.industries.includes(entry.industry)) expertiseMatches++;
  for (const p of pairs) {
    const x = primal(p.name);
    if (Math.abs(x - Math.round(x)) > 1e-6) integral = false;
    if (Math.round(x) === 1) {
      load[p.j]++;
      if (p.expert) expertiseMatches++;
    }
  }
  const fixedSquares = fixedOfJudge.reduce((s, f) => s + f * f, 0);
  return {
    status: best.Status,
    assigned: flow + fixed.size,
    value: best.ObjectiveValue + weights.balance * fixedSquares,
    integral,
    loadSquares: load.reduce((s, l) => s + l * l, 0),
    expertiseMatches,
    seconds: (performance.now() - started) / 1000,
  };
}

/** LP files are read line by line: keep lines short. */
function chunk(terms: string[], joiner = ' + ', size = 12): string[] {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += size) lines.push(terms.slice(i, i + size).join(joiner));
  return lines;
}

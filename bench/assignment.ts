/**
 * Automatic judge assignment at the size of a large round: 2,000 entries × 100 judges × 3 reviews,
 * 5 % declared conflicts plus inferred-like ones (each judge tied to two company groups conflicts
 * with all their entries), mixed capacities, seeded so every run sees the same instance.
 *
 * Reports build + solve (`solveAssignment`: network and min-cost flow) and the independent check
 * (`checkAssignment`), wall and CPU time (the machine is shared: the load average is printed too);
 * that two runs — and a run on shuffled input — answer identically; the objective against HiGHS
 * (an LP solver, independent code) on 200 × 30 and on the full instance; and the shortfall
 * messages of the crafted infeasible instance.
 *
 *   npx ts-node --transpile-only bench/assignment.ts          (part of npm run bench)
 *   BENCH_ASSIGN_HIGHS_FULL=0 …   skip HiGHS on the full instance (about 4.5 min of CPU here)
 *   BENCH_ASSIGN_RUNS=5 …         timed runs of the full instance (median reported)
 */
import { loadavg } from 'node:os';
import { solveAssignment } from '../src/modules/judging/assignment/assigner';
import { checkAssignment } from '../src/modules/judging/assignment/assignment-checker';
import type { AssignmentProblem, AssignmentResult } from '../src/modules/judging/assignment/assignment-problem';
import { infeasibleInstance, prng, randomInstance } from '../test/support/assignment-instances';
import { referenceOptimum } from '../test/support/assignment-reference';

const RUNS = Number(process.env.BENCH_ASSIGN_RUNS ?? 3);
const HIGHS_FULL = process.env.BENCH_ASSIGN_HIGHS_FULL !== '0';

function timed<T>(run: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;

function shuffled<T>(xs: readonly T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function certify(label: string, problem: AssignmentProblem, result: AssignmentResult): Promise<void> {
  // one well-scaled LP per goal: the single weighted LP (costs 1 … 1e10) did not finish in 45 min at 2,000 × 100
  const reference = await referenceOptimum(problem, { lexicographic: true });
  const ratio = result.objective.value / reference.value;
  console.log(
    `  ${label}: solver ${result.objective.value}, HiGHS ${reference.value} (${reference.status}, ${reference.seconds.toFixed(1)} s, ` +
      `integral ${reference.integral}); ratio ${ratio.toFixed(3)}, difference ${result.objective.value - reference.value}; ` +
      `assigned ${result.objective.assigned} vs ${reference.assigned}`,
  );
}

async function main(): Promise<void> {
  const spec = { entries: 2000, judges: 100, reviewsPerEntry: 3, seed: 2026, declaredConflicts: 0.05, groupsPerJudge: 2 };
  const problem = randomInstance(spec);
  const pairs = spec.entries * spec.judges;
  const capacities = [...new Set(problem.judges.map((j) => j.capacity))].sort((a, b) => a - b);
  const capacityTotal = problem.judges.reduce((s, j) => s + j.capacity, 0);
  console.log(
    `judge assignment, ${spec.entries} entries × ${spec.judges} judges × ${spec.reviewsPerEntry} reviews (seed ${spec.seed}): ` +
      `${problem.conflicts.length} conflicts (${((100 * problem.conflicts.length) / pairs).toFixed(1)} % of pairs: 5 % declared + group ties), ` +
      `capacities ${capacities.join('/')} (total ${capacityTotal} for ${spec.entries * spec.reviewsPerEntry} reviews); load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );

  const solves: number[] = [];
  const solveCpu: number[] = [];
  const checks: number[] = [];
  const checkCpu: number[] = [];
  let first: AssignmentResult | undefined;
  let identical = true;
  let checkOk = true;
  for (let run = 0; run < RUNS; run++) {
    const solved = timed(() => solveAssignment(problem));
    const checked = timed(() => checkAssignment(problem, solved.value));
    solves.push(solved.wallMs);
    solveCpu.push(solved.cpuMs);
    checks.push(checked.wallMs);
    checkCpu.push(checked.cpuMs);
    checkOk &&= checked.value.ok;
    if (!checked.value.ok) console.log('  checker:', checked.value.violations.slice(0, 5));
    if (first === undefined) first = solved.value;
    else identical &&= JSON.stringify(solved.value) === JSON.stringify(first);
  }
  const result = first as AssignmentResult;
  const random = prng(7);
  const reordered = {
    ...problem,
    entries: shuffled(problem.entries, random),
    judges: shuffled(problem.judges, random),
    conflicts: shuffled(problem.conflicts, random),
  };
  const shuffledSame = JSON.stringify(solveAssignment(reordered)) === JSON.stringify(result);
  const total = solves.map((s, i) => s + checks[i]);
  const totalCpu = solveCpu.map((s, i) => s + checkCpu[i]);
  const o = result.objective;
  console.log(
    `  build + solve ${ms(median(solves))} wall (${ms(median(solveCpu))} CPU), check ${ms(median(checks))} wall (${ms(median(checkCpu))} CPU), ` +
      `total ${ms(median(total))} wall (${ms(median(totalCpu))} CPU); median of ${RUNS}, runs: ${total.map((t) => t.toFixed(0)).join(', ')} ms (goal < 2000)`,
  );
  console.log(
    `  checker: ${checkOk ? 'ok' : 'VIOLATIONS'}; ${RUNS} runs identical: ${identical}; shuffled input identical: ${shuffledSame}; ` +
      `assigned ${o.assigned}, expertise matches ${o.expertiseMatches} (${((100 * o.expertiseMatches) / o.assigned).toFixed(1)} %), ` +
      `load spread ${o.loadSpread}, shortfalls ${result.shortfalls.length}`,
  );

  console.log('objective against HiGHS (LP, same objective; equal values certify optimality):');
  const small = randomInstance({ entries: 200, judges: 30, reviewsPerEntry: 3, seed: 2026 });
  await certify('200 × 30', small, solveAssignment(small));
  if (HIGHS_FULL) await certify(`${spec.entries} × ${spec.judges}`, problem, result);
  else console.log(`  ${spec.entries} × ${spec.judges}: skipped (BENCH_ASSIGN_HIGHS_FULL=0)`);

  console.log('crafted infeasible instance (10 judges, k = 3):');
  const infeasible = infeasibleInstance();
  const answer = solveAssignment(infeasible);
  console.log(`  checker: ${checkAssignment(infeasible, answer).ok ? 'ok' : 'VIOLATIONS'}`);
  for (const s of answer.shortfalls) console.log(`  ${s.entryId} [${s.reason.code}] ${s.reason.message.zh} / ${s.reason.message.en}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

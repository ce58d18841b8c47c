import { infeasibleInstance, prng, randomInstance } from '../../../../test/support/assignment-instances';
import { referenceOptimum } from '../../../../test/support/assignment-reference';
import { checkAssignment } from './assignment-checker';
import type { AssignmentPair, AssignmentProblem } from './assignment-problem';
import { evaluateAssignment, solveAssignment } from './assigner';

const judge = (id: string, industries: string[], capacity = 10) => ({ id, industries, capacity });
const entry = (id: string, industry: string | null) => ({ id, industry });
const pairs = (list: string) => list.split(' ').map((p) => ({ entryId: p.split('-')[0], judgeId: p.split('-')[1] }));
const asText = (assignments: AssignmentPair[]) => assignments.map((p) => `${p.entryId}-${p.judgeId}`).join(' ');

function solveChecked(problem: AssignmentProblem) {
  const result = solveAssignment(problem);
  expect(checkAssignment(problem, result)).toEqual({ ok: true, violations: [] });
  return result;
}

describe('solveAssignment: small cases by hand', () => {
  it('gives each entry its expert when loads allow', () => {
    const result = solveChecked({
      entries: [entry('e1', 'finance'), entry('e2', 'telecom')],
      judges: [judge('A', ['finance']), judge('B', ['telecom'])],
      reviewsPerEntry: 1,
    });
    expect(asText(result.assignments)).toBe('e1-A e2-B');
    expect(result.objective).toMatchObject({ assigned: 2, expertiseMatches: 2, loadSpread: 0, moved: 0 });
    expect(result.shortfalls).toEqual([]);
  });

  it('balances the load before it prefers expertise (the spec makes balance a rule, expertise a preference)', () => {
    const result = solveChecked({
      entries: [entry('e1', 'finance'), entry('e2', 'finance'), entry('e3', 'finance')],
      judges: [judge('A', ['finance']), judge('B', ['telecom']), judge('C', ['telecom'])],
      reviewsPerEntry: 1,
    });
    expect(result.loads.map((l) => l.count)).toEqual([1, 1, 1]);
    expect(result.objective.expertiseMatches).toBe(1);
  });

  it('among balanced answers takes the most expertise matches', () => {
    const result = solveChecked({
      entries: [entry('e1', 'telecom'), entry('e2', 'finance'), entry('e3', 'finance'), entry('e4', 'telecom')],
      judges: [judge('A', ['finance']), judge('B', ['telecom'])],
      reviewsPerEntry: 1,
    });
    expect(asText(result.assignments)).toBe('e1-B e2-A e3-A e4-B');
  });

  it('keeps fixed pairs (counted towards k and capacity) and never assigns a conflicted judge', () => {
    const result = solveChecked({
      entries: [entry('e1', 'finance'), entry('e2', 'finance')],
      judges: [judge('A', [], 1), judge('B', []), judge('C', [])],
      reviewsPerEntry: 2,
      conflicts: pairs('e1-B'),
      fixed: pairs('e1-A'),
    });
    expect(asText(result.assignments)).toBe('e1-A e1-C e2-B e2-C');
    expect(result.loads).toEqual([
      { judgeId: 'A', count: 1, capacity: 1 },
      { judgeId: 'B', count: 1, capacity: 10 },
      { judgeId: 'C', count: 2, capacity: 10 },
    ]);
  });

  it('keeps a fixed pair that has since become a conflict, and warns', () => {
    const result = solveChecked({
      entries: [entry('e1', null)],
      judges: [judge('A', []), judge('B', [])],
      reviewsPerEntry: 1,
      conflicts: pairs('e1-A'),
      fixed: pairs('e1-A'),
    });
    expect(asText(result.assignments)).toBe('e1-A');
    expect(result.warnings).toEqual([{ code: 'fixed_pair_conflicted', entryId: 'e1', judgeId: 'A' }]);
  });

  it('refuses duplicate ids, bad capacities and fixed pairs naming strangers', () => {
    const base = { entries: [entry('e1', null)], judges: [judge('A', [])], reviewsPerEntry: 1 };
    expect(() => solveAssignment({ ...base, entries: [entry('e1', null), entry('e1', null)] })).toThrow('entry ids must be unique');
    expect(() => solveAssignment({ ...base, judges: [judge('A', [], -1)] })).toThrow('capacity');
    expect(() => solveAssignment({ ...base, fixed: pairs('e1-Z') })).toThrow('not in the problem');
    expect(() => solveAssignment({ ...base, reviewsPerEntry: 1.5 })).toThrow('reviewsPerEntry');
  });
});

describe('solveAssignment: shortfalls', () => {
  it('names each short entry and why, in Chinese and English', () => {
    const problem = infeasibleInstance();
    const result = solveChecked(problem);
    expect(result.shortfalls).toEqual([
      {
        entryId: 'E1',
        missing: 1,
        reason: {
          code: 'judges_at_capacity',
          needed: 3,
          assigned: 2,
          missing: 1,
          judges: 10,
          eligible: 2,
          conflicted: 5,
          atCapacity: 3,
          message: {
            zh: '缺 1 位评委（需 3 位）：仅剩 2 位可分配评委——5 位存在利益冲突，3 位已达评审上限',
            en: '1 of 3 judges missing: only 2 eligible judges left: 5 conflicted, 3 at capacity',
          },
        },
      },
      {
        entryId: 'E5',
        missing: 1,
        reason: expect.objectContaining({ code: 'too_few_judges', eligible: 2, conflicted: 8, atCapacity: 0 }),
      },
    ]);
    // Every other entry has its k: nothing under-assigned silently.
    expect(result.objective.assigned).toBe(5 * 3 - 2);
  });

  it('reports a shortfall for every entry when there are no judges at all', () => {
    const result = solveChecked({ entries: [entry('e1', null)], judges: [], reviewsPerEntry: 2 });
    expect(result.shortfalls).toEqual([{ entryId: 'e1', missing: 2, reason: expect.objectContaining({ code: 'too_few_judges' }) }]);
  });
});

describe('solveAssignment: determinism', () => {
  function shuffled<T>(xs: readonly T[], random: () => number): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  it('answers the same for the same input, whatever the order of the arrays', () => {
    const problem = randomInstance({ entries: 120, judges: 15, reviewsPerEntry: 3, seed: 11 });
    const first = solveAssignment(problem);
    expect(solveAssignment(problem)).toEqual(first);
    const random = prng(99);
    for (let round = 0; round < 3; round++) {
      const reordered = {
        ...problem,
        entries: shuffled(problem.entries, random),
        judges: shuffled(problem.judges, random).map((j) => ({ ...j, industries: shuffled(j.industries, random) })),
        conflicts: shuffled(problem.conflicts, random),
      };
      expect(JSON.stringify(solveAssignment(reordered))).toBe(JSON.stringify(first));
    }
  });
});

describe('solveAssignment: re-solving after a change', () => {
  it('moves only the pair that must move when a new conflict leaves the load balanced', () => {
    // 3 entries × 2 reviews on 4 judges: loads 2, 2, 1, 1.
    const problem: AssignmentProblem = {
      entries: [entry('e1', 'x'), entry('e2', 'x'), entry('e3', 'x')],
      judges: ['A', 'B', 'C', 'D'].map((id) => judge(id, ['x'], 5)),
      reviewsPerEntry: 2,
    };
    const before = solveChecked(problem);
    const heavy = before.loads.find((l) => l.count === 2)?.judgeId as string;
    const dropped = before.assignments.find((p) => p.judgeId === heavy) as AssignmentPair;
    const after = solveChecked({ ...problem, conflicts: [dropped], previous: before.assignments });
    expect(after.objective.moved).toBe(1);
    const kept = after.assignments.filter((p) => before.assignments.some((q) => q.entryId === p.entryId && q.judgeId === p.judgeId));
    expect(kept).toHaveLength(before.assignments.length - 1);
    expect(after.objective.loadSpread).toBe(1);
  });

  it('keeps the previous answer untouched when nothing changed', () => {
    const problem = randomInstance({ entries: 200, judges: 30, reviewsPerEntry: 3, seed: 5 });
    const before = solveAssignment(problem);
    const again = solveChecked({ ...problem, previous: before.assignments });
    expect(again.assignments).toEqual(before.assignments);
    expect(again.objective.moved).toBe(0);
  });

  it('after new conflicts on 200 × 30, moves the fewest pairs the higher goals allow (certified by HiGHS)', async () => {
    const problem = randomInstance({ entries: 200, judges: 30, reviewsPerEntry: 3, seed: 5 });
    const before = solveAssignment(problem);
    const hit = [0, 97, 311, 450, 599].map((i) => before.assignments[i]);
    const changed = { ...problem, conflicts: [...problem.conflicts, ...hit], previous: before.assignments };
    const after = solveChecked(changed);
    expect(after.objective.moved).toBeGreaterThanOrEqual(hit.length);
    expect(after.objective.moved).toBeLessThanOrEqual(2 * hit.length);
    // Equal values mean equal (load², mismatches, changes): the weights separate the levels.
    const reference = await referenceOptimum(changed);
    expect(reference.value).toBe(after.objective.value);
  });
});

describe('solveAssignment: optimal, certified by an independent LP solver (HiGHS)', () => {
  it('matches HiGHS on 40 small random instances (with fixed pairs, previous answers and shortfalls)', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = prng(seed);
      const size = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
      const problem = randomInstance({
        entries: size(3, 14),
        judges: size(2, 6),
        reviewsPerEntry: size(1, 3),
        seed: 1000 + seed,
        declaredConflicts: 0.15,
        groupsPerJudge: 1,
        capacities: [size(0, 2), size(2, 5), size(3, 8)],
      });
      const all = problem.entries.flatMap((e) => problem.judges.map((j) => ({ entryId: e.id, judgeId: j.id })));
      const conflicted = new Set(problem.conflicts.map((c) => `${c.entryId}/${c.judgeId}`));
      const fixed = all.filter((p) => !conflicted.has(`${p.entryId}/${p.judgeId}`) && random() < 0.08);
      const previous = all.filter(() => random() < 0.25);
      const full = { ...problem, fixed, previous };
      const result = solveChecked(full);
      const reference = await referenceOptimum(full);
      expect({ seed, assigned: result.objective.assigned, value: result.objective.value }).toEqual({
        seed,
        assigned: reference.assigned,
        value: reference.value,
      });
      expect(reference.integral).toBe(true);
      // the bench's full instance is certified goal by goal (three LPs): the same optimum, fixed and previous pairs included
      expect((await referenceOptimum(full, { lexicographic: true })).value).toBe(reference.value);
    }
  });

  it.each([3, 4])('matches HiGHS on 200 entries × 30 judges × 3 reviews (seed %i)', async (seed) => {
    const problem = randomInstance({ entries: 200, judges: 30, reviewsPerEntry: 3, seed });
    const result = solveChecked(problem);
    const reference = await referenceOptimum(problem);
    expect(result.objective.value / reference.value).toBe(1);
    expect(result.objective).toMatchObject({
      assigned: reference.assigned,
      loadSquares: reference.loadSquares,
      expertiseMatches: reference.expertiseMatches,
    });
  });

  it('evaluateAssignment scores a given assignment as the solver scores its own', () => {
    const problem = randomInstance({ entries: 50, judges: 8, reviewsPerEntry: 2, seed: 21 });
    const result = solveAssignment(problem);
    expect(evaluateAssignment(problem, result.assignments)).toEqual(result.objective);
  });
});

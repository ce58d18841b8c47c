import { randomInstance } from '../../../../test/support/assignment-instances';
import { checkAssignment } from './assignment-checker';
import type { AssignmentPair, AssignmentProblem, AssignmentResult } from './assignment-problem';
import { solveAssignment } from './assigner';

const judge = (id: string, capacity = 10) => ({ id, industries: [], capacity });
const entry = (id: string) => ({ id, industry: null });
const pairs = (list: string): AssignmentPair[] =>
  list ? list.split(' ').map((p) => ({ entryId: p.split('-')[0], judgeId: p.split('-')[1] })) : [];

/** A result as a hand-made answer would look: loads counted from the pairs, nothing else claimed. */
function answer(problem: AssignmentProblem, list: string, shortfalls: { entryId: string; missing: number }[] = []): AssignmentResult {
  const assignments = pairs(list);
  const loads = problem.judges.map((j) => ({
    judgeId: j.id,
    count: assignments.filter((p) => p.judgeId === j.id).length,
    capacity: j.capacity,
  }));
  const solved = solveAssignment(problem);
  return {
    ...solved,
    assignments,
    loads,
    shortfalls: shortfalls.map((s) => ({ ...s, reason: solved.shortfalls[0]?.reason ?? ({} as never) })),
  };
}
const codes = (problem: AssignmentProblem, result: AssignmentResult) => checkAssignment(problem, result).violations.map((v) => v.code);

describe('checkAssignment', () => {
  const two: AssignmentProblem = {
    entries: [entry('e1'), entry('e2')],
    judges: [judge('A', 1), judge('B', 2), judge('C', 2)],
    reviewsPerEntry: 2,
    conflicts: pairs('e1-C'),
    fixed: pairs('e2-A'),
  };

  it('accepts a correct answer', () => {
    expect(codes(two, answer(two, 'e1-B e2-A e2-C', [{ entryId: 'e1', missing: 1 }]))).toEqual([]);
    expect(checkAssignment(two, solveAssignment(two))).toEqual({ ok: true, violations: [] });
  });

  it('flags a conflicted pair, a duplicate, a dropped fixed pair, an unknown pair and a judge over capacity', () => {
    const short = [{ entryId: 'e1', missing: 1 }];
    expect(codes(two, answer(two, 'e1-A e1-B e2-A e2-C'))).toEqual(['over_capacity']);
    expect(codes(two, answer(two, 'e1-B e2-B e2-C', short))).toContain('fixed_pair_missing');
    expect(codes(two, answer(two, 'e1-B e1-C e2-A e2-B'))).toEqual(['conflicted_pair']);
    expect(codes(two, answer(two, 'e1-B e1-B e2-A e2-C', short))).toContain('duplicate_pair');
    expect(codes(two, answer(two, 'e1-B e2-A e2-C e9-B', short))).toContain('unknown_pair');
  });

  it('flags a silent shortfall, a wrong one, and a shortfall a chain of reassignments could have filled', () => {
    expect(codes(two, answer(two, 'e1-B e2-A e2-C'))).toEqual(['unlisted_shortfall']);
    expect(codes(two, answer(two, 'e1-B e2-A e2-C', [{ entryId: 'e1', missing: 2 }]))).toEqual(['wrong_shortfall']);
    // e2 conflicts with B; A is taken by e1, but e1 could move to B, who has room.
    const chain: AssignmentProblem = {
      entries: [entry('e1'), entry('e2')],
      judges: [judge('A', 1), judge('B', 1)],
      reviewsPerEntry: 1,
      conflicts: pairs('e2-B'),
    };
    expect(codes(chain, answer(chain, 'e1-A', [{ entryId: 'e2', missing: 1 }]))).toEqual(['not_maximum']);
    expect(codes(chain, answer(chain, 'e1-B e2-A'))).toEqual([]);
  });

  it('flags loads that are wrongly reported', () => {
    const result = answer(two, 'e1-B e2-A e2-C', [{ entryId: 'e1', missing: 1 }]);
    result.loads[1].count = 5;
    expect(codes(two, result)).toEqual(['wrong_load']);
  });

  it('flags judges of equal capacity 2 or more apart when a review could move, and only then', () => {
    const four: AssignmentProblem = {
      entries: ['e1', 'e2', 'e3', 'e4'].map(entry),
      judges: [judge('A', 4), judge('B', 4), judge('C', 9)],
      reviewsPerEntry: 1,
    };
    expect(codes(four, answer(four, 'e1-A e2-A e3-A e4-C'))).toEqual(['unbalanced']);
    // Different capacities are not compared; equal ones within 1 are fine.
    expect(codes(four, answer(four, 'e1-A e2-A e3-B e4-B'))).toEqual([]);
    // Apart by 3, but B may take none of the entries: nothing can move, so it is as balanced as it gets.
    const stuck = { ...four, conflicts: pairs('e1-B e2-B e3-B e4-B') };
    expect(codes(stuck, answer(stuck, 'e1-A e2-A e3-A e4-C'))).toEqual([]);
  });

  it('finds a balancing chain through a third judge', () => {
    const problem: AssignmentProblem = {
      entries: ['e1', 'e2', 'e3', 'e4'].map(entry),
      judges: [judge('A', 5), judge('B', 5), judge('C', 9)],
      reviewsPerEntry: 1,
      conflicts: pairs('e1-B e2-B e3-B'),
    };
    // A has 3, B 0: e1 can go A → C and C's e4 can go C → B.
    expect(codes(problem, answer(problem, 'e1-A e2-A e3-A e4-C'))).toEqual(['unbalanced']);
  });

  it('accepts the solver on a random round of 300 × 25', () => {
    const problem = randomInstance({ entries: 300, judges: 25, reviewsPerEntry: 3, seed: 8 });
    expect(checkAssignment(problem, solveAssignment(problem))).toEqual({ ok: true, violations: [] });
  });
});

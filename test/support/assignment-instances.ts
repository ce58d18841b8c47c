/**
 * Assignment instances for the solver's specs and bench: seeded random ones shaped like a real
 * round (skewed industries, judges expert in one to three, mixed capacities, declared conflicts
 * plus "inferred" ones — every judge tied to a few company groups conflicts with all their entries)
 * and a small crafted infeasible one.
 */
import type { AssignmentPair, AssignmentProblem } from '../../src/modules/judging/assignment/assignment-problem';

/** mulberry32: a tiny seeded PRNG, so an instance is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomInstanceOptions {
  entries: number;
  judges: number;
  reviewsPerEntry: number;
  seed: number;
  /** Share of (entry, judge) pairs declared conflicted. */
  declaredConflicts?: number;
  /** Company groups per judge whose entries it conflicts with (inferred-like, clustered). */
  groupsPerJudge?: number;
  /** Capacities to draw from; default sized so the total is ~20 % above the demand. */
  capacities?: number[];
}

const INDUSTRIES = [
  'finance',
  'telecom',
  'insurance',
  'ecommerce',
  'government',
  'utilities',
  'travel',
  'health',
  'auto',
  'logistics',
  'retail',
  'education',
];

export function randomInstance(o: RandomInstanceOptions): AssignmentProblem & { conflicts: AssignmentPair[] } {
  const random = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const pad = (i: number, width: number) => String(i).padStart(width, '0');
  const groups = Math.max(1, Math.round(o.entries / 7));
  // Skewed industries: finance and telecom are most of the field, as in the real award.
  const weightedIndustry = (): string => INDUSTRIES[Math.min(INDUSTRIES.length - 1, Math.floor(INDUSTRIES.length * random() ** 2))];
  const entries = Array.from({ length: o.entries }, (_, i) => ({
    id: `e${pad(i, 5)}`,
    industry: random() < 0.03 ? null : weightedIndustry(),
    group: Math.floor(random() * groups),
  }));
  const mean = Math.ceil((1.2 * o.entries * o.reviewsPerEntry) / o.judges);
  const capacities = o.capacities ?? [Math.round(mean * 0.7), mean, Math.round(mean * 1.3)];
  const judges = Array.from({ length: o.judges }, (_, i) => {
    const industries = new Set<string>();
    const count = 1 + Math.floor(random() * 3);
    while (industries.size < count) industries.add(random() < 0.5 ? weightedIndustry() : pick(INDUSTRIES));
    return { id: `j${pad(i, 4)}`, industries: [...industries].sort(), capacity: pick(capacities) };
  });
  const conflicts: AssignmentPair[] = [];
  const declared = o.declaredConflicts ?? 0.05;
  const groupsPerJudge = o.groupsPerJudge ?? 2;
  for (const judge of judges) {
    const tied = new Set(Array.from({ length: groupsPerJudge }, () => Math.floor(random() * groups)));
    for (const entry of entries) if (tied.has(entry.group) || random() < declared) conflicts.push({ entryId: entry.id, judgeId: judge.id });
  }
  return {
    entries: entries.map(({ id, industry }) => ({ id, industry })),
    judges,
    reviewsPerEntry: o.reviewsPerEntry,
    conflicts,
  };
}

/**
 * Ten judges, k = 3. E1 conflicts with J01–J05 and J06–J08 are full with submitted reviews of
 * E2–E4, so E1 gets J09 and J10 only: "only 2 eligible judges left: 5 conflicted, 3 at capacity".
 * E5 conflicts with all but J01 and J02: too few judges whatever the capacities.
 */
export function infeasibleInstance(): AssignmentProblem {
  const judge = (i: number, capacity: number) => ({ id: `J${String(i).padStart(2, '0')}`, industries: ['finance'], capacity });
  const judges = [1, 2, 3, 4, 5]
    .map((i) => judge(i, 2))
    .concat(
      [6, 7, 8].map((i) => judge(i, 1)),
      [9, 10].map((i) => judge(i, 2)),
    );
  const entries = ['E1', 'E2', 'E3', 'E4', 'E5'].map((id) => ({ id, industry: 'finance' }));
  const conflicts: AssignmentPair[] = [];
  for (const j of ['J01', 'J02', 'J03', 'J04', 'J05']) conflicts.push({ entryId: 'E1', judgeId: j });
  for (const j of ['J03', 'J04', 'J05', 'J06', 'J07', 'J08', 'J09', 'J10']) conflicts.push({ entryId: 'E5', judgeId: j });
  // E2–E4 may not take J09/J10 from E1 (they conflict), so E1's shortfall is forced.
  for (const e of ['E2', 'E3', 'E4']) for (const j of ['J09', 'J10']) conflicts.push({ entryId: e, judgeId: j });
  const fixed = [
    { entryId: 'E2', judgeId: 'J06' },
    { entryId: 'E3', judgeId: 'J07' },
    { entryId: 'E4', judgeId: 'J08' },
  ];
  return { entries, judges, reviewsPerEntry: 3, conflicts, fixed };
}

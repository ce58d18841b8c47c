/**
 * The automatic judge assignment as plain data (no framework, no database): what the solver
 * (`assigner.ts`) reads and answers, and what the checker (`assignment-checker.ts`) verifies.
 * Ids are opaque strings; the solver orders everything by id (UTF-16 code units), so the answer
 * does not depend on the order of the input arrays.
 */

export interface AssignmentEntry {
  id: string;
  /** `basics.center.industry` of the entry; null when not given (matches no judge's expertise). */
  industry: string | null;
}

export interface AssignmentJudge {
  id: string;
  /** Industry codes the judge is expert in. */
  industries: readonly string[];
  /** The most entries this judge reviews in the round (fixed ones included). */
  capacity: number;
}

export interface AssignmentPair {
  entryId: string;
  judgeId: string;
}

export interface AssignmentProblem {
  entries: readonly AssignmentEntry[];
  judges: readonly AssignmentJudge[];
  /** k: judges per entry (`reviewsPerApplication`). */
  reviewsPerEntry: number;
  /** Declared and inferred conflicts of interest: the judge never gets the entry. */
  conflicts?: Iterable<AssignmentPair>;
  /** Pairs kept whatever happens (e.g. a review was submitted); they count towards k and capacity. */
  fixed?: readonly AssignmentPair[];
  /** The current assignment: a re-solve keeps as many of these pairs as the higher goals allow. */
  previous?: readonly AssignmentPair[];
}

export interface JudgeLoad {
  judgeId: string;
  count: number;
  capacity: number;
}

/**
 * Integer weights of the scalar objective (see `assigner.ts`). `value` =
 * balance × Σ load² + expertise × mismatched pairs + change × pairs not in `previous`
 * (the last two over the pairs the solver chose, fixed pairs left out), minimised among the
 * assignments with the most reviews.
 */
export interface ObjectiveWeights {
  balance: number;
  expertise: number;
  change: number;
}

export interface AssignmentObjective {
  /** Reviews assigned (fixed pairs included); the first goal, maximised before anything else. */
  assigned: number;
  /** Pairs whose judge is expert in the entry's industry (fixed pairs included). */
  expertiseMatches: number;
  /** Σ over judges of load² — what "balanced" minimises. */
  loadSquares: number;
  /** Largest max − min load among judges of equal capacity. */
  loadSpread: number;
  /** Pairs of `previous` (not fixed) that the answer no longer has. */
  moved: number;
  /** The minimised scalar: see `ObjectiveWeights`. */
  value: number;
  weights: ObjectiveWeights;
}

/** Why an entry has fewer than k judges. Numbers so a page can word it; zh/en text for the rest. */
export interface ShortfallReason {
  /** `too_few_judges`: fewer than k judges without a conflict; `judges_at_capacity`: enough, but full. */
  code: 'too_few_judges' | 'judges_at_capacity';
  needed: number;
  assigned: number;
  missing: number;
  /** Judges of the round. */
  judges: number;
  /** Judges who could still review it: no conflict and not full (those assigned to it included). */
  eligible: number;
  conflicted: number;
  atCapacity: number;
  message: { zh: string; en: string };
}

export interface Shortfall {
  entryId: string;
  missing: number;
  reason: ShortfallReason;
}

/** Things the caller asked for that the solver kept but that break a rule (only fixed pairs can). */
export interface AssignmentWarning {
  code: 'fixed_pair_conflicted' | 'fixed_pairs_exceed_reviews' | 'fixed_pairs_exceed_capacity';
  entryId?: string;
  judgeId?: string;
}

export interface AssignmentResult {
  /** Every pair, fixed ones included, ordered by entry id then judge id. */
  assignments: AssignmentPair[];
  /** Every judge, ordered by id. */
  loads: JudgeLoad[];
  objective: AssignmentObjective;
  /** Entries with fewer than k judges, ordered by entry id; empty when every entry has k. */
  shortfalls: Shortfall[];
  warnings: AssignmentWarning[];
}

export class AssignmentInputError extends Error {
  override readonly name = 'AssignmentInputError';
}

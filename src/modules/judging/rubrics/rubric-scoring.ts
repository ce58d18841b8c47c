/**
 * Pure scoring of a review against its rubric: the total per scoring method and, for a rubric
 * with maturity levels (CC-CMM-OC), the level reached. No I/O; the review routes call these.
 */
import { criteriaOf, onStep, type Criterion, type MaturityLevel, type RateShare, type RubricTree } from './rubric-tree';

/** `scale` → number on the step; `yesno` → boolean; `dual_rate` → `{ c, f }` each 0, 5 or 10. */
export type Rating = number | boolean | { c: number; f: number };
export type Ratings = Record<string, Rating | null | undefined>;

export const DUAL_RATE_VALUES = [0, 5, 10] as const;

/** Whether `value` is a well-formed rating of `c` (type, range, step). */
export function isValidRating(c: Criterion, value: unknown): value is Rating {
  if (c.type === 'yesno') return typeof value === 'boolean';
  if (c.type === 'dual_rate') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const v = value as Record<string, unknown>;
    return Object.keys(v).length === 2 && [v.c, v.f].every((x) => (DUAL_RATE_VALUES as readonly unknown[]).includes(x));
  }
  return typeof value === 'number' && Number.isFinite(value) && value >= c.min! && value <= c.max! && onStep(value - c.min!, c.step!);
}

/** Criterion keys without a rating. */
export function unrated(tree: RubricTree, ratings: Ratings): string[] {
  return criteriaOf(tree)
    .map((x) => x.criterion)
    .filter((c) => ratings[c.key] === undefined || ratings[c.key] === null)
    .map((c) => c.key);
}

/** A rating at an extreme: the scale's min or max, "no", or a 0 or 10 in a dual rate. */
export function isExtreme(c: Criterion, value: Rating): boolean {
  if (c.type === 'yesno') return value === false;
  if (c.type === 'dual_rate') {
    const v = value as { c: number; f: number };
    return [v.c, v.f].some((x) => x === 0 || x === 10);
  }
  return value === c.min || value === c.max;
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

function points(c: Criterion, v: Rating): number {
  if (c.type === 'yesno') return v === true ? 1 : 0;
  if (c.type === 'dual_rate') return (v as { c: number; f: number }).c + (v as { c: number; f: number }).f;
  return v as number;
}

/** Share (0–1) of the criterion's range this rating reaches. */
function fraction(c: Criterion, v: Rating): number {
  if (c.type === 'yesno') return v === true ? 1 : 0;
  if (c.type === 'dual_rate') return points(c, v) / 20;
  return (v as number) / c.max!;
}

export interface ReviewScore {
  total: number;
  /** `yes_share`: percent of yes per top-level group. */
  groups?: Record<string, number>;
}

/**
 * A review's total; unrated criteria count as nothing.
 * - `weighted`: Σ weight × score ÷ max (top-ten-default: Σ weight × score ÷ 10, 0–100);
 * - `points`: Σ points (CC-CMM: C + F over all items);
 * - `yes_share`: percent yes overall, and per top-level group.
 */
export function reviewTotal(tree: RubricTree, ratings: Ratings): ReviewScore {
  const all = criteriaOf(tree);
  const rated = all.filter((x) => ratings[x.criterion.key] !== undefined && ratings[x.criterion.key] !== null);
  if (tree.scoring === 'weighted') {
    return { total: round(rated.reduce((s, x) => s + x.criterion.weight * fraction(x.criterion, ratings[x.criterion.key]!), 0)) };
  }
  if (tree.scoring === 'points') {
    return { total: round(rated.reduce((s, x) => s + points(x.criterion, ratings[x.criterion.key]!), 0)) };
  }
  const share = (xs: typeof all) =>
    xs.length ? round((100 * xs.filter((x) => ratings[x.criterion.key] === true).length) / xs.length, 1) : 0;
  const groups: Record<string, number> = {};
  for (const g of tree.groups) groups[g.key] = share(all.filter((x) => x.groups[0] === g.key));
  return { total: share(all), groups };
}

// --- CC-CMM maturity ------------------------------------------------------------------------

export interface MaturityInput {
  ratings: Ratings;
  /** basics.center.startYear; unknown → levels needing years are not reached. */
  startYear?: number | null;
  /** The year to count from (the cycle's year). */
  asOfYear: number;
}

export interface MaturityResult {
  /** The highest level reached (each level requires every one below), or null. */
  level: string | null;
  total: number;
  yearsOperating: number | null;
  /** Per level: reached, and what fell short. */
  levels: Array<{ key: string; met: boolean; shortfalls: string[] }>;
}

interface Compliance {
  items: number;
  c: number;
  f: number;
}

/** "An item counts as compliant for a rate when rated 10." */
function compliance(tree: RubricTree, groupKeys: string[], ratings: Ratings): Compliance {
  const items = criteriaOf(tree).filter((x) => x.criterion.type === 'dual_rate' && groupKeys.includes(x.groups[0]));
  const out = { items: items.length, c: 0, f: 0 };
  for (const x of items) {
    const v = ratings[x.criterion.key] as { c: number; f: number } | undefined | null;
    if (v?.c === 10) out.c++;
    if (v?.f === 10) out.f++;
  }
  return out;
}

/** count ÷ items ≥ pct %, in integers (no floating-point edge at 100 %). */
const meets = (count: number, items: number, pct: number) => count * 100 >= pct * items;

function shortfallsOf(l: MaturityLevel, core: Compliance, innovation: Compliance, total: number, years: number | null): string[] {
  const out: string[] = [];
  const share = (name: string, comp: Compliance, need: RateShare | undefined) => {
    if (!need) return;
    if (!meets(comp.c, comp.items, need.c)) out.push(`${name}.c`);
    if (!meets(comp.f, comp.items, need.f)) out.push(`${name}.f`);
  };
  share('core', core, l.core);
  share('innovation', innovation, l.innovation);
  if (total < l.minTotal) out.push('total');
  if (l.minYearsOperating !== undefined && (years === null || years < l.minYearsOperating)) out.push('yearsOperating');
  return out;
}

/** The CC-CMM maturity level of one review (levels as data in `tree.maturity`). */
export function maturityLevel(tree: RubricTree, input: MaturityInput): MaturityResult {
  const m = tree.maturity;
  const total = reviewTotal({ ...tree, scoring: 'points' }, input.ratings).total;
  const years = typeof input.startYear === 'number' && Number.isInteger(input.startYear) ? input.asOfYear - input.startYear : null;
  if (!m) return { level: null, total, yearsOperating: years, levels: [] };
  const core = compliance(tree, m.coreGroups, input.ratings);
  const innovation = compliance(tree, m.innovationGroups, input.ratings);
  let level: string | null = null;
  let below = true;
  const levels = m.levels.map((l) => {
    const shortfalls = shortfallsOf(l, core, innovation, total, years);
    const met = below && !shortfalls.length;
    if (met) level = l.key;
    below = met;
    return { key: l.key, met, shortfalls };
  });
  return { level, total, yearsOperating: years, levels };
}

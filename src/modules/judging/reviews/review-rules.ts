/**
 * A review against its rubric, pure: the shape of a JSON merge patch (400 naming
 * `ratings.<key>`, `comments.<key>`, …), the document it produces, and what submitting requires
 * (422: every criterion rated, a comment beside every rating at an extreme where the criterion
 * asks for one). Totals come from rubric-scoring.ts.
 */
import type { ErrorDetail } from '../../../common/errors/domain-error';
import { hasControlCharacters } from '../../../common/validation/text';
import { applyMergePatch } from '../../applications/merge-patch';
import { isExtreme, isValidRating, unrated, type Rating, type Ratings } from '../rubrics/rubric-scoring';
import { criteriaOf, type Criterion, type RubricTree } from '../rubrics/rubric-tree';

export const COMMENT_MAX = 5000;
export const OVERALL_COMMENT_MAX = 20000;

export interface ReviewDocument {
  ratings: Record<string, Rating>;
  comments: Record<string, string>;
  overallComment: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const PATCH_MEMBERS = ['ratings', 'comments', 'overallComment', 'state'];

/** Why a rating does not fit its criterion, as a detail of `ratings.<key>`. */
function ratingIssue(path: string, c: Criterion, value: unknown): ErrorDetail | undefined {
  if (isValidRating(c, value)) return undefined;
  if (c.type === 'scale' && typeof value === 'number')
    return { path, code: 'rating_scale', params: { min: c.min, max: c.max, step: c.step } };
  return { path, code: 'rating_type', params: { type: c.type } };
}

function textIssue(path: string, value: unknown, max: number): ErrorDetail | undefined {
  if (typeof value !== 'string') return { path, code: 'invalid' };
  if (value.length > max) return { path, code: 'too_long', params: { max } };
  if (hasControlCharacters(value.replace(/[\n\r\t]/g, ''))) return { path, code: 'invalid' };
  return undefined;
}

/**
 * Applies a JSON merge patch to a review: every offending member is named (unknown keys
 * included); `state` may be sent but only as it is (submitting has its own route).
 */
export function patchReview(
  tree: RubricTree,
  current: ReviewDocument & { state: string },
  patch: unknown,
): { errors: ErrorDetail[]; next?: ReviewDocument } {
  if (!isObj(patch)) return { errors: [{ path: '', code: 'invalid' }] };
  const errors: ErrorDetail[] = [];
  const byKey = new Map(criteriaOf(tree).map((x) => [x.criterion.key, x.criterion]));
  for (const k of Object.keys(patch)) if (!PATCH_MEMBERS.includes(k)) errors.push({ path: k, code: 'unknown_field' });
  if (patch.state !== undefined && patch.state !== current.state)
    errors.push({ path: 'state', code: 'read_only', params: { state: current.state } });
  if (patch.ratings !== undefined && patch.ratings !== null) {
    if (!isObj(patch.ratings)) errors.push({ path: 'ratings', code: 'invalid' });
    else
      for (const [key, value] of Object.entries(patch.ratings)) {
        const c = byKey.get(key);
        if (!c) errors.push({ path: `ratings.${key}`, code: 'rating_unknown' });
        else if (value !== null) {
          const issue = ratingIssue(`ratings.${key}`, c, value);
          if (issue) errors.push(issue);
        }
      }
  }
  if (patch.comments !== undefined && patch.comments !== null) {
    if (!isObj(patch.comments)) errors.push({ path: 'comments', code: 'invalid' });
    else
      for (const [key, value] of Object.entries(patch.comments)) {
        if (!byKey.has(key)) errors.push({ path: `comments.${key}`, code: 'rating_unknown' });
        else if (value !== null) {
          const issue = textIssue(`comments.${key}`, value, COMMENT_MAX);
          if (issue) errors.push(issue);
        }
      }
  }
  if (patch.overallComment !== undefined && patch.overallComment !== null) {
    const issue = textIssue('overallComment', patch.overallComment, OVERALL_COMMENT_MAX);
    if (issue) errors.push(issue);
  }
  if (errors.length) return { errors };
  const merged = applyMergePatch(
    { ratings: current.ratings, comments: current.comments, overallComment: current.overallComment },
    Object.fromEntries(['ratings', 'comments', 'overallComment'].filter((k) => patch[k] !== undefined).map((k) => [k, patch[k]])),
  ) as Partial<ReviewDocument>;
  return {
    errors,
    next: {
      ratings: merged.ratings ?? {},
      // an emptied comment is no comment
      comments: Object.fromEntries(Object.entries(merged.comments ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== '')),
      overallComment: typeof merged.overallComment === 'string' && merged.overallComment.trim() ? merged.overallComment : null,
    },
  };
}

/** What keeps a review from being submitted: unrated criteria, and missing comments at the extremes. */
export function submitIssues(tree: RubricTree, review: ReviewDocument): ErrorDetail[] {
  const issues: ErrorDetail[] = unrated(tree, review.ratings as Ratings).map((key) => ({ path: `ratings.${key}`, code: 'unrated' }));
  for (const { criterion: c } of criteriaOf(tree)) {
    const v = review.ratings[c.key];
    if (c.commentRequiredAtExtremes && v !== undefined && v !== null && isExtreme(c, v) && !review.comments[c.key]?.trim())
      issues.push({ path: `comments.${c.key}`, code: 'comment_required' });
  }
  return issues;
}

/** Which criteria changed between two versions: `{ key: { from, to } }`, for the audit trail. */
export function ratingChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      out[key] = { from: before[key] ?? null, to: after[key] ?? null };
  return out;
}

/**
 * Inline validation of one value against its descriptor, as the user types. The rule is the
 * server's own (src/form/value-rules.ts, imported — not copied), so the page flags exactly what
 * the API would refuse (src/form/value-rules.corpus.spec.ts feeds both sides one corpus); this
 * file only chooses the page's words for the issue. Nothing here says "required": a draft may be
 * incomplete, the completeness panel lists what sealing will need.
 */
import type { FieldNode, Label } from '../../../src/form/field-types';
import { checkUscc, checkValue, MIN_YEAR, type Format, type ValueIssue } from '../../../src/form/value-rules';

export { ESSAY_MAX, TEXT_MAX } from '../../../src/form/value-rules';

/** The catalogue keys (web/src/i18n.ts) a problem is told with. */
export type ProblemKey =
  | 'vTooLong'
  | 'vInteger'
  | 'vMin'
  | 'vPositive'
  | 'vMax'
  | 'vDecimals'
  | 'vYear'
  | 'vDate'
  | 'vFutureDate'
  | 'vEmail'
  | 'vUrl'
  | 'vPhone'
  | 'vMobile'
  | 'vPostcode'
  | 'vExclusive'
  | 'vOptions'
  | 'vDuplicate'
  | 'vTooMany'
  | 'vUscc'
  | 'vInvalid';

export interface Problem {
  /** The issue code the server reports for the same value. */
  code: ValueIssue['code'];
  key: ProblemKey;
  vars?: Record<string, string | number>;
}

const FORMAT_KEYS: Record<Format, ProblemKey> = {
  email: 'vEmail',
  url: 'vUrl',
  phone: 'vPhone',
  mobile: 'vMobile',
  postcode: 'vPostcode',
  date: 'vDate',
};

const n = (v: unknown): number => Number(v);

function wordsFor(f: FieldNode, value: unknown, issue: ValueIssue, label: (l: Label) => string): Pick<Problem, 'key' | 'vars'> {
  const p = issue.params ?? {};
  if (f.type === 'year' && (issue.code === 'not_integer' || issue.code === 'too_small' || issue.code === 'too_large'))
    return { key: 'vYear', vars: { min: MIN_YEAR, max: new Date().getFullYear() } };
  switch (issue.code) {
    case 'too_long':
      return { key: 'vTooLong', vars: { n: n(p.max) } };
    case 'not_integer':
      return { key: 'vInteger' };
    case 'too_small':
      return p.exclusive ? { key: 'vPositive', vars: { n: n(p.min) } } : { key: 'vMin', vars: { n: n(p.min) } };
    case 'too_large':
      return { key: 'vMax', vars: { n: n(p.max) } };
    case 'too_many_decimals':
      return n(p.max) === 0 ? { key: 'vInteger' } : { key: 'vDecimals', vars: { n: n(p.max) } };
    case 'invalid':
      return { key: FORMAT_KEYS[p.format as Format] ?? 'vInvalid' };
    case 'future_date':
      return { key: 'vFutureDate' };
    case 'not_in_options':
      return { key: 'vOptions' };
    case 'duplicate':
      return { key: 'vDuplicate' };
    case 'too_many':
      return { key: 'vTooMany', vars: { n: n(p.max) } };
    case 'exclusive': {
      const codes = (p.codes as string[] | undefined) ?? [];
      const lone = codes.find((c) => Array.isArray(value) && value.includes(c)) ?? codes[0] ?? '';
      const o = 'options' in f ? f.options.find((x) => x.code === lone) : undefined;
      return { key: 'vExclusive', vars: { option: o ? label(o.label) : lone } };
    }
    case 'invalid_uscc':
      return { key: 'vUscc' };
    default:
      return { key: 'vInvalid' };
  }
}

/** The problem with `value` in field `f` (as GET /api/form describes it), in words of the page's catalogue. */
export function problemOf(f: FieldNode, value: unknown, label: (l: Label) => string): Problem | undefined {
  const issue = checkValue(f, value);
  return issue && { code: issue.code, ...wordsFor(f, value, issue, label) };
}

/** The organisation's 统一社会信用代码, by the rule the server applies. */
export function usccProblem(value: unknown): Problem | undefined {
  const issue = checkUscc(value);
  return issue && { code: issue.code, key: 'vUscc' };
}

/**
 * The codes of a multi-select after the user's change: choosing an exclusive code (e.g. 无 / none)
 * keeps only it; choosing anything else drops the exclusive ones.
 */
export function applyExclusive(f: FieldNode, before: string[], after: string[]): string[] {
  if (f.type !== 'multi' || !f.exclusive?.length) return after;
  const added = after.filter((c) => !before.includes(c));
  const exclusive = f.exclusive;
  if (added.some((c) => exclusive.includes(c))) return added.filter((c) => exclusive.includes(c)).slice(-1);
  if (added.length) return after.filter((c) => !exclusive.includes(c));
  return after;
}

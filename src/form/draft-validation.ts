/**
 * Draft-time validation of one section body: what is present must be well-formed (types, limits,
 * option codes, XOther only with `other`, exclusive codes alone, pick3 at most three); nothing is
 * required. Returns every failing dotted path, never throws on any JSON input.
 *
 * The section's descriptor is walked directly: each leaf by its value rule (value-rules.ts, the
 * very function the pages run as the user types), containers by their shape. The sections used to
 * be checked by class-validator DTOs generated from the same descriptors; those only wrapped the
 * value rules, and class-validator's per-call metadata search (every registered class, by
 * `instanceof`) was 14 % of an autosave's API CPU (bench/RESULTS.md, "Autosave p99"). Request
 * DTOs elsewhere stay class-validator's.
 */
import { type FieldIssue, type FieldNode, type IssueCode, type SectionDefinition } from './field-types';
import { expandFields, yesNoParts } from './expanded-fields';
import { isBlank } from './rule-helpers';
import { checkValue } from './value-rules';

/** Path used for problems with the body as a whole (not an object, …). */
export const ROOT_PATH = '$';

export function validateDraft(def: SectionDefinition, body: unknown, touched?: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isPlainObject(body)) return [{ path: ROOT_PATH, code: 'invalid', params: { expected: 'object' } }];
  const doc = touched ? pickTouched(body, touched) : body;
  // Shape first: unknown and read-only keys are reported and dropped; then each declared field's
  // value, in the descriptor's order
  const sane = checkShape(def.fields, doc, '', issues);
  checkValues(expandFields(def.fields), sane, '', issues);
  return dedupe(issues);
}

/**
 * A merge patch onto a valid document can only break what it touches: validate just those
 * top-level members, with each choice and its `<key>Other` text kept together.
 */
function pickTouched(body: Record<string, unknown>, touched: readonly string[]): Record<string, unknown> {
  const keys = new Set<string>();
  for (const k of touched)
    keys
      .add(k)
      .add(`${k}Other`)
      .add(k.endsWith('Other') ? k.slice(0, -5) : k);
  const out: Record<string, unknown> = {};
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(body, k)) out[k] = body[k];
  return out;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Dotted path; a key that is empty or holds a dot is quoted so the path stays readable and unique. */
const join = (prefix: string, key: string | number): string => {
  const segment = typeof key === 'string' && (key === '' || key.includes('.')) ? JSON.stringify(key) : String(key);
  return prefix ? `${prefix}.${segment}` : segment;
};

function checkShape(
  fields: readonly FieldNode[],
  value: Record<string, unknown>,
  prefix: string,
  issues: FieldIssue[],
): Record<string, unknown> {
  const byKey = new Map(expandFields(fields).map((f) => [f.key, f]));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const path = join(prefix, key);
    const field = byKey.get(key);
    const v = value[key];
    if (!field) {
      issues.push({ path, code: 'unknown_field' });
      continue;
    }
    if (field.type === 'computed') {
      issues.push({ path, code: 'read_only' });
      continue;
    }
    if (field.type === 'group' && isPlainObject(v)) {
      out[key] = checkShape(field.fields, v, path, issues);
    } else if (field.type === 'yesno' && isPlainObject(v)) {
      out[key] = pickKnown(v, ['answer', 'detail'], path, issues);
    } else if (field.type === 'list' && Array.isArray(v)) {
      out[key] = v.map((row, i) => {
        if (isPlainObject(row)) return checkShape(field.fields, row, join(path, i), issues);
        issues.push({ path: join(path, i), code: 'invalid', params: { expected: 'object' } });
        return undefined;
      });
      if ((out[key] as unknown[]).includes(undefined)) delete out[key];
    } else if (Array.isArray(v) && v.some((e) => e !== null && typeof e === 'object')) {
      issues.push({ path, code: 'invalid' }); // code lists hold strings only
    } else {
      out[key] = v;
    }
  }
  return out;
}

function pickKnown(v: Record<string, unknown>, keys: string[], prefix: string, issues: FieldIssue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    if (keys.includes(key)) out[key] = v[key];
    else issues.push({ path: join(prefix, key), code: 'unknown_field' });
  }
  return out;
}

/** Each declared field present (not null) in `value`: its value rule, or its container's shape and then its members. */
function checkValues(fields: readonly FieldNode[], value: Record<string, unknown>, prefix: string, issues: FieldIssue[]): void {
  for (const field of fields) {
    const v = value[field.key];
    if (v === undefined || v === null) continue; // a draft may leave anything out
    const path = join(prefix, field.key);
    switch (field.type) {
      case 'computed':
        continue; // refused by checkShape
      case 'group':
      case 'yesno':
        if (!isPlainObject(v)) issues.push({ path, code: 'invalid' });
        else checkValues(field.type === 'group' ? field.fields : yesNoParts(field), v, path, issues);
        continue;
      case 'list':
        if (!Array.isArray(v)) issues.push({ path, code: 'invalid' });
        else if (v.length > field.maxItems) issues.push({ path, code: 'too_many', params: { max: field.maxItems } });
        else v.forEach((row, i) => checkValues(field.fields, row as Record<string, unknown>, join(path, i), issues));
        continue;
      default: {
        const issue = checkValue(field, v);
        if (issue) issues.push({ path, code: issue.code as IssueCode, ...(issue.params ? { params: issue.params } : {}) });
        else if (field.type === 'text' && field.otherOf && !isBlank(v) && !otherChosen(value[field.otherOf]))
          issues.push({ path, code: 'other_not_allowed' });
      }
    }
  }
}

/** `<key>Other` may hold text only while `other` is chosen in `<key>`. */
const otherChosen = (choice: unknown): boolean => choice === 'other' || (Array.isArray(choice) && choice.includes('other'));

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.path) ? false : (seen.add(i.path), true)));
}

/**
 * Draft-time validation of one section body: what is present must be well-formed (types, limits,
 * option codes, XOther only with `other`, exclusive codes alone, pick3 at most three); nothing is
 * required. Returns every failing dotted path, never throws on any JSON input.
 */
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { numberLimits, type FieldIssue, type FieldNode, type IssueCode, type SectionDefinition } from './field-types';
import { expandFields, yesNoParts } from './expanded-fields';
import { ATTACHMENTS_MAX, ESSAY_MAX, TEXT_MAX, VALUE_RULE, sectionDto } from './section-dto.factory';

/** Path used for problems with the body as a whole (not an object, …). */
export const ROOT_PATH = '$';

export function validateDraft(def: SectionDefinition, body: unknown, touched?: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isPlainObject(body)) return [{ path: ROOT_PATH, code: 'invalid', params: { expected: 'object' } }];
  const doc = touched ? pickTouched(body, touched) : body;
  // Shape first, on our own terms: unknown and read-only keys are reported and dropped, so
  // class-transformer only ever sees keys the descriptor declares (no `__proto__` games).
  const sane = checkShape(def.fields, doc, '', issues);
  const instance = plainToInstance(sectionDto(def), sane) as object;
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  mapErrors(errors, expandFields(def.fields), '', issues);
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

/** class-validator constraint → issue code; type errors win over range errors on one field. */
const CONSTRAINT_CODES: Array<[string, IssueCode]> = [
  ['whitelistValidation', 'unknown_field'],
  ['isObject', 'invalid'],
  ['nestedValidation', 'invalid'],
  ['isArray', 'invalid'],
  ['isString', 'invalid'],
  ['isBoolean', 'invalid'],
  ['isNumber', 'invalid'],
  ['isInt', 'not_integer'],
  ['isIn', 'not_in_options'],
  ['isUuid', 'invalid'],
  ['isEmail', 'invalid'],
  ['matches', 'invalid'],
  ['invalid', 'invalid'],
  ['arrayUnique', 'duplicate'],
  ['arrayMaxSize', 'too_many'],
  ['min', 'too_small'],
  ['max', 'too_large'],
];

function codeFor(constraints: Record<string, string>): IssueCode {
  for (const [name, code] of CONSTRAINT_CODES) if (name in constraints) return code;
  return (Object.keys(constraints)[0] as IssueCode | undefined) ?? 'invalid';
}

function mapErrors(errors: ValidationError[], fields: readonly FieldNode[], prefix: string, issues: FieldIssue[]): void {
  for (const e of errors) {
    const path = join(prefix, e.property);
    const field = fields.find((f) => f.key === e.property);
    const rule = e.constraints?.[VALUE_RULE];
    if (rule !== undefined) {
      // the value rule's own issue, limits included (the page shows the very same one)
      const { code, params } = JSON.parse(rule) as { code: IssueCode; params?: Record<string, unknown> };
      issues.push({ path, code, ...(params ? { params } : {}) });
      continue;
    }
    if (e.constraints && Object.keys(e.constraints).length) {
      const code = codeFor(e.constraints);
      issues.push({ path, code, ...paramsFor(field, code) });
      continue; // the property itself is wrong: its children's errors would only repeat it
    }
    if (!e.children?.length) continue;
    if (field?.type === 'list') {
      for (const row of e.children) mapErrors(row.children ?? [], field.fields, join(path, row.property), issues);
    } else {
      const children = field?.type === 'group' ? expandFields(field.fields) : field?.type === 'yesno' ? yesNoParts(field) : [];
      mapErrors(e.children, children, path, issues);
    }
  }
}

/** Limits the message needs, taken from the field's declaration (one source of truth). */
function paramsFor(field: FieldNode | undefined, code: IssueCode): { params?: Record<string, unknown> } {
  if (!field) return {};
  const limits =
    field.type === 'int' || field.type === 'decimal' || field.type === 'percent' || field.type === 'year' ? numberLimits(field) : undefined;
  switch (code) {
    case 'too_long':
      if (field.type === 'text' || field.type === 'essay')
        return { params: { max: field.max ?? (field.type === 'text' ? TEXT_MAX : ESSAY_MAX) } };
      if (field.type === 'email' || field.type === 'url') return { params: { max: TEXT_MAX } };
      return {};
    case 'too_small':
      return limits ? { params: { min: limits.min } } : {};
    case 'too_large':
      return limits ? { params: { max: limits.max } } : {};
    case 'too_many':
      if (field.type === 'pick3') return { params: { max: 3 } };
      if (field.type === 'multi') return { params: { max: field.options.length } };
      if (field.type === 'list') return { params: { max: field.maxItems } };
      if (field.type === 'attachment') return { params: { max: field.max ?? ATTACHMENTS_MAX } };
      return {};
    case 'too_many_decimals':
      return limits ? { params: { max: limits.decimals } } : {};
    case 'not_in_options':
      if (field.type === 'choice' || field.type === 'multi' || field.type === 'pick3')
        return { params: { options: field.options.map((o) => o.code) } };
      return {};
    case 'exclusive':
      return field.type === 'multi' ? { params: { codes: field.exclusive } } : {};
    default:
      return {};
  }
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.path) ? false : (seen.add(i.path), true)));
}

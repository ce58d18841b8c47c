/**
 * The value rules of the form: what one answer of each field type may be. Declared once, used
 * twice — by the server's draft validation (draft-validation.ts runs `checkValue` on each field
 * present) and by the applicant pages' inline checks
 * (web/src/form/validate.ts imports this very file), so the page and the API cannot disagree on
 * a value (src/form/value-rules.corpus.spec.ts feeds both the same corpus).
 *
 * Pure TypeScript: no imports beyond the form's own declarations, nothing of Node or Nest, so the
 * web bundle takes it as it is. A value is never changed here (no rounding, no clamping, no
 * trimming of what is stored): it passes, or it is refused with an issue code and the limits
 * that make the message precise.
 */
import { numberLimits, type FieldNode, type IssueCode } from './field-types';

export const TEXT_MAX = 200;
export const ESSAY_MAX = 3000;
export const ATTACHMENTS_MAX = 20;
export const MIN_YEAR = 1950;

/** digits, spaces, + - ( ): 5..30 characters (spec § Conventions), at least 5 of them digits. */
export const PHONE_PATTERN = /^[0-9 +\-()]{5,30}$/;
export const POSTCODE_PATTERN = /^[0-9]{6}$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A CN mobile (1[3-9] and 9 more digits), optionally after +86 / 0086; spaces and dashes ignored. */
const CN_MOBILE = /^(?:\+86|0086)?1[3-9]\d{9}$/;
/** A mobile outside mainland China: + and its country code (not 86), 7..15 digits in all (E.164). */
const INTERNATIONAL_MOBILE = /^\+(?!86)[1-9]\d{6,14}$/;

// A host name: labels of letters (any script) and digits, inner dashes, and a top-level domain of
// letters (or its punycode form). Company sites and mail domains only: no IP addresses, no ports
// beyond the URL's own.
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const HOST = String.raw`(?:${LABEL}\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})`;
const LOCAL_ATOM = String.raw`[^\s@."(),:;<>[\]\\]+`;
/** E-mail: a dot-separated local part (Unicode letters allowed) of at most 64 characters, @, a host. */
const EMAIL = new RegExp(String.raw`^(?=[^@]{1,64}@)${LOCAL_ATOM}(?:\.${LOCAL_ATOM})*@${HOST}$`, 'iu');
/** Web address: http(s):// optional (people type www.example.cn), a host, an optional port and path. */
const URL_PATTERN = new RegExp(String.raw`^(?:https?://)?${HOST}(?::\d{1,5})?(?:[/?#]\S*)?$`, 'iu');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a refused value is: an issue code (src/common/i18n/messages.ts, web/src/i18n.ts) and its limits. */
export interface ValueIssue {
  code: IssueCode | 'invalid_uscc';
  params?: Record<string, unknown>;
}

/** The formats whose refusal is `invalid` with `params.format`, so both sides can say what is expected. */
export type Format = 'email' | 'url' | 'phone' | 'mobile' | 'postcode' | 'date';

/** Length as the server counts it: code points of the trimmed text (an emoji is one character). */
export const codePoints = (s: string): number => [...s.trim()].length;

/** Decimal places of a number as JSON carries it; 1e-7 and friends count as far too many. */
export function decimalPlaces(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  if (s.includes('e')) return 99;
  return s.split('.')[1]?.length ?? 0;
}

const todayIso = (): string => new Date().toISOString().slice(0, 10);
/** null, undefined and blank text are "not answered": a draft may hold them; sealing asks for them. */
const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const invalid = (format?: Format): ValueIssue => (format ? { code: 'invalid', params: { format } } : { code: 'invalid' });

function realDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function isPhone(s: string): boolean {
  return PHONE_PATTERN.test(s) && s.replace(/\D/g, '').length >= 5;
}

export function isMobile(s: string): boolean {
  if (!PHONE_PATTERN.test(s)) return false;
  const compact = s.replace(/[\s\-()]/g, '');
  return CN_MOBILE.test(compact) || INTERNATIONAL_MOBILE.test(compact);
}

export const isEmail = (s: string): boolean => EMAIL.test(s);
export const isWebAddress = (s: string): boolean => URL_PATTERN.test(s);

/**
 * The one check of a single value against its field's declaration. Containers (group, list,
 * yes/no) are checked member by member; cross-field rules (`<key>Other` only with 其他, sums)
 * are not value rules. Absent values pass: a draft may be incomplete.
 */
export function checkValue(f: FieldNode, v: unknown): ValueIssue | undefined {
  if (v === undefined || v === null) return undefined;
  switch (f.type) {
    case 'text':
    case 'essay': {
      if (typeof v !== 'string') return invalid();
      const max = f.max ?? (f.type === 'text' ? TEXT_MAX : ESSAY_MAX);
      return codePoints(v) > max ? { code: 'too_long', params: { max } } : undefined;
    }
    case 'int':
    case 'decimal':
    case 'percent':
    case 'year': {
      const whole = f.type === 'int' || f.type === 'year';
      if (typeof v !== 'number' || !Number.isFinite(v)) return whole ? { code: 'not_integer' } : invalid();
      if (whole && !Number.isInteger(v)) return { code: 'not_integer' };
      const { min, max, decimals, exclusiveMin } = numberLimits(f);
      if (v < min || (exclusiveMin && v === min)) return { code: 'too_small', params: exclusiveMin ? { min, exclusive: true } : { min } };
      if (v > max) return { code: 'too_large', params: { max } };
      return decimalPlaces(v) > decimals ? { code: 'too_many_decimals', params: { max: decimals } } : undefined;
    }
    case 'date':
      if (typeof v !== 'string') return invalid();
      if (blank(v)) return undefined;
      if (!realDate(v)) return invalid('date');
      return v > todayIso() ? { code: 'future_date' } : undefined;
    case 'email':
    case 'url': {
      if (typeof v !== 'string') return invalid();
      if (blank(v)) return undefined;
      if (codePoints(v) > TEXT_MAX) return { code: 'too_long', params: { max: TEXT_MAX } };
      const ok = f.type === 'email' ? isEmail(v) : isWebAddress(v);
      return ok ? undefined : invalid(f.type);
    }
    case 'phone':
      if (typeof v !== 'string') return invalid();
      if (blank(v)) return undefined;
      if (f.mobile) return isMobile(v) ? undefined : invalid('mobile');
      return isPhone(v) ? undefined : invalid('phone');
    case 'postcode':
      if (typeof v !== 'string') return invalid();
      return blank(v) || POSTCODE_PATTERN.test(v) ? undefined : invalid('postcode');
    case 'choice':
      return typeof v === 'string' && f.options.some((o) => o.code === v)
        ? undefined
        : { code: 'not_in_options', params: { options: f.options.map((o) => o.code) } };
    case 'multi':
    case 'pick3': {
      if (!Array.isArray(v)) return invalid();
      const codes = f.options.map((o) => o.code);
      if (!v.every((c) => typeof c === 'string' && codes.includes(c))) return { code: 'not_in_options', params: { options: codes } };
      if (new Set(v).size !== v.length) return { code: 'duplicate' };
      const max = f.type === 'pick3' ? 3 : codes.length;
      if (v.length > max) return { code: 'too_many', params: { max } };
      const exclusive = f.type === 'multi' ? (f.exclusive ?? []) : [];
      return v.length > 1 && v.some((c) => exclusive.includes(c as string))
        ? { code: 'exclusive', params: { codes: exclusive } }
        : undefined;
    }
    case 'boolean':
      return typeof v === 'boolean' ? undefined : invalid();
    case 'attachment': {
      if (!Array.isArray(v) || !v.every((id) => typeof id === 'string' && UUID.test(id))) return invalid();
      if (new Set(v).size !== v.length) return { code: 'duplicate' };
      const max = f.max ?? ATTACHMENTS_MAX;
      return v.length > max ? { code: 'too_many', params: { max } } : undefined;
    }
    default:
      return undefined; // group, list, yesno: their members are checked; computed: refused as read-only
  }
}

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (no I, O, Z, S, V);
 * the last is a check character over the first 17 with weights 3^i mod 31.
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) return undefined;
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidUscc(code: string): boolean {
  const c = code.trim().toUpperCase();
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(c) && usccCheckCharacter(c.slice(0, 17)) === c[17];
}

/** The organisation's USCC as a value rule (absent passes; the organisation form may leave it out). */
export function checkUscc(v: unknown): ValueIssue | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' && isValidUscc(v) ? undefined : { code: 'invalid_uscc' };
}

/**
 * Inline validation of one value against its descriptor, as the user types. It mirrors the
 * server's draft rules (src/form/section-dto.factory.ts) so a mistake shows at once; the server
 * still decides (its 400 details are shown the same way). Nothing here says "required": a draft
 * may be incomplete, the completeness panel lists what sealing will need.
 */
import type { FieldNode, Label } from '../../../src/form/field-types';
import type { TextKey } from '../i18n';

export interface Problem {
  key: TextKey;
  vars?: Record<string, string | number>;
}

// the server's patterns (src/form/section-dto.factory.ts)
const PHONE = /^[0-9 +\-()]{5,30}$/;
const POSTCODE = /^[0-9]{6}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_YEAR = 1950;
export const TEXT_MAX = 200;
export const ESSAY_MAX = 3000;

const codePoints = (s: string) => [...s].length;
const decimals = (n: number) => (Number.isInteger(n) ? 0 : (String(n).split('.')[1] ?? '').length);
const todayIso = () => new Date().toISOString().slice(0, 10);

function validUrl(s: string): boolean {
  try {
    const u = new URL(s.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    return false;
  }
}

export function problemOf(f: FieldNode, value: unknown, label: (l: Label) => string): Problem | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  switch (f.type) {
    case 'text':
    case 'essay': {
      const max = f.max ?? (f.type === 'text' ? TEXT_MAX : ESSAY_MAX);
      return typeof value === 'string' && codePoints(value.trim()) > max ? { key: 'vTooLong', vars: { n: max } } : undefined;
    }
    case 'int': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return { key: 'vInteger' };
      const min = f.min ?? 0;
      if (value < min) return { key: 'vMin', vars: { n: min } };
      return f.max !== undefined && value > f.max ? { key: 'vMax', vars: { n: f.max } } : undefined;
    }
    case 'decimal':
      if (typeof value !== 'number') return undefined;
      if (value < 0) return { key: 'vMin', vars: { n: 0 } };
      if (f.positive && value <= 0) return { key: 'vPositive' };
      if (f.max !== undefined && value > f.max) return { key: 'vMax', vars: { n: f.max } };
      return decimals(value) > 2 ? { key: 'vDecimals', vars: { n: 2 } } : undefined;
    case 'percent':
      if (typeof value !== 'number') return undefined;
      if (value < 0) return { key: 'vMin', vars: { n: 0 } };
      if (value > 100) return { key: 'vMax', vars: { n: 100 } };
      return decimals(value) > 1 ? { key: 'vDecimals', vars: { n: 1 } } : undefined;
    case 'year': {
      const max = new Date().getFullYear();
      return typeof value !== 'number' || !Number.isInteger(value) || value < MIN_YEAR || value > max
        ? { key: 'vYear', vars: { min: MIN_YEAR, max } }
        : undefined;
    }
    case 'date': {
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(new Date(`${value}T00:00:00Z`).getTime())) return { key: 'vDate' };
      return value > todayIso() ? { key: 'vFutureDate' } : undefined;
    }
    case 'email':
      return typeof value === 'string' && !EMAIL.test(value.trim()) ? { key: 'vEmail' } : undefined;
    case 'url':
      return typeof value === 'string' && !validUrl(value) ? { key: 'vUrl' } : undefined;
    case 'phone':
      return typeof value === 'string' && !PHONE.test(value) ? { key: 'vPhone' } : undefined;
    case 'postcode':
      return typeof value === 'string' && !POSTCODE.test(value) ? { key: 'vPostcode' } : undefined;
    case 'multi': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      const lone = (f.exclusive ?? []).find((c) => chosen.includes(c));
      if (lone && chosen.length > 1) {
        const o = f.options.find((x) => x.code === lone);
        return { key: 'vExclusive', vars: { option: o ? label(o.label) : lone } };
      }
      return undefined;
    }
    default:
      return undefined;
  }
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

import 'reflect-metadata';
import { acceptOf, allowedMimes, KIND_TYPES } from './attachment-types';
import { validateDraft } from './draft-validation';
import type { FieldNode } from './field-types';
import { ALL_SECTIONS } from './sections';
import { checkValue, isEmail, isMobile, isWebAddress } from './value-rules';

const L = { zh: '字段', en: 'Field' };
const basics = ALL_SECTIONS.find((s) => s.key === 'basics')!;

describe('value rules (one declaration for the API and the pages)', () => {
  it('numbers are refused, never clamped or rounded', () => {
    const percent: FieldNode = { type: 'percent', key: 'p', label: L };
    expect(checkValue(percent, 130)).toEqual({ code: 'too_large', params: { max: 100 } });
    expect(checkValue(percent, 33.33)).toEqual({ code: 'too_many_decimals', params: { max: 1 } });
    expect(checkValue(percent, 100)).toBeUndefined();
    expect(checkValue({ type: 'decimal', key: 'd', label: L, positive: true }, 0)).toEqual({
      code: 'too_small',
      params: { min: 0, exclusive: true },
    });
    expect(checkValue({ type: 'int', key: 'i', label: L }, 1e21)).toEqual({ code: 'too_large', params: { max: 10_000_000 } });
    expect(checkValue({ type: 'int', key: 'i', label: L }, '1,000')).toEqual({ code: 'not_integer' });
  });

  it('mobiles: 11-digit CN numbers (spaces, dashes, +86 allowed) or + and a country code', () => {
    for (const ok of ['13912345678', '139 1234 5678', '139-1234-5678', '+86 139 1234 5678', '0086 13912345678', '+852 9123 4567'])
      expect([ok, isMobile(ok)]).toEqual([ok, true]);
    for (const bad of ['1391234567', '139123456789', '12912345678', '+86 1391234567', '8613912345678', '+86'])
      expect([bad, isMobile(bad)]).toEqual([bad, false]);
  });

  it('e-mails with Unicode, web addresses with or without a scheme', () => {
    expect(isEmail('王晓梅@例子.中国')).toBe(true);
    expect(isEmail('wang@example')).toBe(false);
    expect(isEmail('a..b@c.cn')).toBe(false);
    expect(isWebAddress('www.xinghai.cn')).toBe(true);
    expect(isWebAddress('https://www.xinghai.cn/a?b=1')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('http://192.168.0.1')).toBe(false);
  });

  it('the draft validation reports the rule’s issue with its format', () => {
    expect(validateDraft(basics, { contact: { mobile: '1391234567' } })).toEqual([
      { path: 'contact.mobile', code: 'invalid', params: { format: 'mobile' } },
    ]);
    expect(validateDraft(basics, { enterprise: { website: 'www.xinghai.cn' } })).toEqual([]);
    expect(validateDraft(basics, { staffing: { ageDistribution: { under25: 130 } } })).toEqual([
      { path: 'staffing.ageDistribution.under25', code: 'too_large', params: { max: 100 } },
    ]);
  });

  it('attachment kinds: the pickers’ accept lists and the content check come from one table', () => {
    expect(acceptOf('org_chart')).toBe('application/pdf,.pdf,image/png,.png,image/jpeg,.jpg,.jpeg,image/webp,.webp');
    for (const kind of Object.keys(KIND_TYPES) as Array<keyof typeof KIND_TYPES>)
      for (const mime of allowedMimes(kind)) expect(acceptOf(kind)).toContain(mime);
  });
});

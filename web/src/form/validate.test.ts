import { describe, expect, it } from 'vitest';
import { acceptOf } from '../../../src/form/attachment-types';
import type { FieldNode } from '../../../src/form/field-types';
import { problemOf, usccProblem } from './validate';

const label = (l: { zh: string }) => l.zh;
const L = { zh: '字段', en: 'Field' };
const percent: FieldNode = { type: 'percent', key: 'p', label: L };
const mobile: FieldNode = { type: 'phone', key: 'm', label: L, mobile: true };
const url: FieldNode = { type: 'url', key: 'u', label: L };
const area: FieldNode = { type: 'decimal', key: 'a', label: L, positive: true };
const year: FieldNode = { type: 'year', key: 'y', label: L };

describe('problemOf: the server’s value rule in the page’s words', () => {
  it('a percentage over 100 or with 2 decimals is a problem, never clamped or rounded', () => {
    expect(problemOf(percent, 130, label)).toEqual({ code: 'too_large', key: 'vMax', vars: { n: 100 } });
    expect(problemOf(percent, 33.33, label)).toEqual({ code: 'too_many_decimals', key: 'vDecimals', vars: { n: 1 } });
    expect(problemOf(percent, 33.3, label)).toBeUndefined();
    expect(problemOf(percent, -1, label)).toEqual({ code: 'too_small', key: 'vMin', vars: { n: 0 } });
  });
  it('a mobile is an 11-digit CN mobile or an international number', () => {
    expect(problemOf(mobile, '1391234567', label)?.key).toBe('vMobile');
    expect(problemOf(mobile, '139123456789', label)?.key).toBe('vMobile');
    expect(problemOf(mobile, '139 1234 5678', label)).toBeUndefined();
    expect(problemOf(mobile, '+852 9123 4567', label)).toBeUndefined();
  });
  it('a web address may leave out its scheme, as the server allows', () => {
    expect(problemOf(url, 'www.xinghai.cn', label)).toBeUndefined();
    expect(problemOf(url, 'https://www.xinghai.cn', label)).toBeUndefined();
    expect(problemOf(url, 'ftp://www.xinghai.cn', label)?.key).toBe('vUrl');
  });
  it('“greater than 0” and years say what is expected', () => {
    expect(problemOf(area, 0, label)).toEqual({ code: 'too_small', key: 'vPositive', vars: { n: 0 } });
    expect(problemOf(year, 1949, label)).toMatchObject({ code: 'too_small', key: 'vYear', vars: { min: 1950 } });
  });
  it('a USCC with a wrong check character is refused', () => {
    expect(usccProblem('91100000100003962A')?.key).toBe('vUscc');
    expect(usccProblem('91100000100003962T')).toBeUndefined();
  });
});

describe('acceptOf: pickers offer what the server takes', () => {
  it('org charts and photos: PDF and images only; supporting documents also Office files', () => {
    for (const kind of ['org_chart', 'layout_photo', 'stamped_receipt'] as const) {
      expect(acceptOf(kind)).toContain('application/pdf');
      expect(acceptOf(kind)).not.toMatch(/docx|xlsx|pptx|openxmlformats/);
    }
    expect(acceptOf('supporting_doc')).toContain('.docx');
  });
});

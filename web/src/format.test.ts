import { describe, expect, it } from 'vitest';
import { formatNumber, groupDigits, ungroupDigits, zoneName } from './format';

describe('display formats', () => {
  it('groups thousands and drops the decimals of a whole number', () => {
    expect(formatNumber(8600000, 'zh')).toBe('8,600,000');
    expect(formatNumber(8600000, 'en')).toBe('8,600,000');
    expect(formatNumber(240, 'en')).toBe('240');
    expect(formatNumber(240.5, 'en')).toBe('240.5');
    expect(formatNumber(12.345, 'zh')).toBe('12.35');
  });

  it('groups an input while keeping what was typed, and reads it back', () => {
    expect(groupDigits('8600000')).toBe('8,600,000');
    expect(groupDigits('1234.5')).toBe('1,234.5');
    expect(groupDigits('240')).toBe('240');
    expect(ungroupDigits('8,600,000')).toBe('8600000');
  });

  it('names the zone, never its IANA key', () => {
    expect(zoneName('Asia/Shanghai', 'zh')).toBe('北京时间');
    expect(zoneName('Asia/Shanghai', 'en')).toBe('China Standard Time');
    expect(zoneName('Europe/Berlin', 'en')).not.toBe('Europe/Berlin');
  });
});

import { checkCharacter, isValidUscc } from './uscc';

describe('USCC', () => {
  it('accepts published codes', () => {
    // 中国工商银行股份有限公司 and 腾讯科技(深圳)有限公司 — public registrations
    expect(isValidUscc('91100000100003962T')).toBe(true);
    expect(isValidUscc('9144030071526726XG')).toBe(true);
  });
  it('rejects a wrong check character, wrong length and forbidden letters', () => {
    expect(isValidUscc('91100000100003962A')).toBe(false);
    expect(isValidUscc('9110000010000396')).toBe(false);
    expect(isValidUscc('91100000I00003962T')).toBe(false);
  });
  it('computes the check character', () => {
    expect(checkCharacter('91100000100003962')).toBe('T');
  });
});

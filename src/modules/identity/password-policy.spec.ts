import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../common/errors/validation-details';
import { isCommonPassword, NewPassword, PASSWORD_MAX } from './password-policy';

class Body {
  @NewPassword() password!: unknown;
}
const LONGEST = 'Gr4nite-Lantern-Otter '.repeat(10).slice(0, PASSWORD_MAX);
const codes = (password: unknown) =>
  flattenValidationErrors(validateSync(plainToInstance(Body, { password }))).map((d) => `${d.path}:${d.code}`);

describe('password policy', () => {
  it.each([
    ['ten spaces', ' '.repeat(10), 'password:password_blank'],
    ['tabs and newlines', '\t\n \t\n \t\n \t\n', 'password:password_blank'],
    ['too short', 'k7#pQ2', 'password:too_short'],
    ['too long', LONGEST + 'y', 'password:too_long'],
    ['not a string', 1234567890, 'password:invalid'],
    ['listed', 'Password123', 'password:password_common'],
    ['a favourite padded', 'iloveyou2026!', 'password:password_common'],
    ['digits run', '1234567890', 'password:password_common'],
    ['keyboard walk', 'QWERTYUIOP', 'password:password_common'],
    ['repetition', 'abababababab', 'password:password_common'],
    ['padded with spaces', '  password123  ', 'password:password_common'],
  ])('refuses %s', (_name, password, code) => {
    expect(codes(password)).toEqual([code]);
  });

  it.each(['correct horse battery staple', 'Gr4nite-Lantern-Otter', '中国十佳呼叫中心2026', LONGEST])('accepts %s', (password) => {
    expect(codes(password)).toEqual([]);
  });

  it('knows sequences in either direction and wrapping around', () => {
    expect(isCommonPassword('9876543210')).toBe(true);
    expect(isCommonPassword('7890123456')).toBe(true);
    expect(isCommonPassword('mnbvcxzlkj')).toBe(true);
    expect(isCommonPassword('1qaz2wsx3edc')).toBe(true);
    expect(isCommonPassword('wodemima2024')).toBe(true);
    expect(isCommonPassword('my own sentence here')).toBe(false);
  });
});

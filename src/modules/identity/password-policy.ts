import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { BASE_WORDS, COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN = 10;
/** Bounds the work one request can ask of argon2 (and nobody types more). */
export const PASSWORD_MAX = 128;

const COMMON = new Set(COMMON_PASSWORDS);
const BASES = new Set(BASE_WORDS);
/** Runs people type as passwords; any stretch of one (wrapping around) counts as common. */
const RUNS = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
  'zaq12wsxcde34rfvbgt56yhn',
  '!qaz@wsx#edc$rfv',
  '!@#$%^&*()',
  '1234qwerasdfzxcv',
  'qwer1234',
  'asdf1234',
  'zxcv1234',
  '147258369',
  '159753',
  '741852963',
  '963852741',
];
const RUNS_BOTH_WAYS = RUNS.flatMap((r) => [r + r, [...(r + r)].reverse().join('')]);

/**
 * True when a password is among the first an attacker tries: on the list, a short favourite
 * padded with digits or symbols, a run (sequence, keyboard walk), or three characters or fewer
 * repeated. Case, surrounding spaces and compatibility forms do not matter.
 */
export function isCommonPassword(password: string): boolean {
  const p = password.normalize('NFKC').trim().toLowerCase();
  if (!p) return false; // all-whitespace has its own code
  if (COMMON.has(p) || BASES.has(p)) return true;
  if (new Set(p).size <= 3) return true;
  if (RUNS_BOTH_WAYS.some((r) => r.includes(p))) return true;
  // "password2024!", "2024password", "iloveyou1314": the word with only digits/symbols around it
  const core = p.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core && core !== p && (BASES.has(core) || COMMON.has(core))) return true;
  // no letter at all, and the digits a run or a repetition ("1234567890!", "1111122222")
  if (!core) {
    const digits = p.replace(/\D/g, '');
    if (digits.length >= 4 && (new Set(digits).size <= 3 || RUNS_BOTH_WAYS.some((r) => r.includes(digits)))) return true;
  }
  return false;
}

/**
 * The password policy, one decorator for every place a password is chosen (registration,
 * reset, invitation acceptance): 10–128 characters, not spaces only, not a common password.
 * Each failure is a 400 naming the field with its catalogue code.
 */
export const NewPassword = () =>
  applyDecorators(
    IsString(),
    MinLength(PASSWORD_MIN),
    MaxLength(PASSWORD_MAX),
    ValidateBy({ name: 'password_blank', validator: { validate: (v) => typeof v !== 'string' || v.trim().length > 0 } }),
    ValidateBy({ name: 'password_common', validator: { validate: (v) => typeof v !== 'string' || !isCommonPassword(v) } }),
  );

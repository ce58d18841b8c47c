import type { ValidationError } from 'class-validator';
import { MESSAGES } from '../i18n/messages';
import type { ErrorDetail } from './domain-error';

const CODES: Record<string, string> = {
  whitelistValidation: 'unknown_field',
  isNotEmpty: 'required',
  minLength: 'too_short',
  maxLength: 'too_long',
  min: 'too_small',
  max: 'too_large',
  isIn: 'not_in_options',
  invalid_uscc: 'invalid_uscc',
};

/** class-validator's tree → one detail per failing field, with a dotted path. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const names = Object.keys(e.constraints ?? {});
    if (names.length) {
      const name = names.find((n) => n === 'whitelistValidation') ?? names[0];
      // a custom constraint named after a catalogue code reports that code
      out.push({ path, code: CODES[name] ?? (name in MESSAGES ? name : 'invalid'), params: paramsOf(e, name) });
    } else if (e.children?.length) {
      out.push(...flattenValidationErrors(e.children, path));
    }
  }
  return out;
}

function paramsOf(e: ValidationError, name: string): Record<string, unknown> | undefined {
  // class-validator keeps a constraint's argument only in its message text ("… at least 10 …")
  const text = e.constraints?.[name] ?? '';
  const n = /(\d+)/.exec(text)?.[1];
  if (name === 'minLength' || name === 'min') return { min: Number(n) };
  if (name === 'maxLength' || name === 'max') return { max: Number(n) };
  return undefined;
}

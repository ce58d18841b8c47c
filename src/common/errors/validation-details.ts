import { getMetadataStorage, type ValidationError } from 'class-validator';
import { MESSAGES } from '../i18n/messages';
import { joinPath } from '../input/input-limits';
import type { ErrorDetail } from './domain-error';

/** class-validator constraint name → catalogue code (a name that is itself a code is kept). */
const CODES: Record<string, string> = {
  whitelistValidation: 'unknown_field',
  isNotEmpty: 'required',
  minLength: 'too_short',
  maxLength: 'too_long',
  min: 'too_small',
  max: 'too_large',
  isIn: 'not_in_options',
  arrayMaxSize: 'too_many',
};

/** class-validator's tree → one detail per failing field, with a dotted path. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const path = joinPath(prefix, e.property); // an empty key or one with a dot is quoted: never an empty path
    const names = Object.keys(e.constraints ?? {});
    if (names.length) {
      const name = names.find((n) => n === 'whitelistValidation') ?? names[0];
      // a custom constraint named after a catalogue code reports that code
      const code = CODES[name] ?? (name in MESSAGES ? name : 'invalid');
      const params = paramsOf(e, name);
      out.push({ path, code, ...(params ? { params } : {}) });
    } else if (e.children?.length) {
      out.push(...flattenValidationErrors(e.children, path));
    }
  }
  return out;
}

/**
 * The limits a message needs, from the decorator as declared on the DTO (class-validator's
 * metadata), never parsed back out of its English message text. Needs the error's `target`
 * (the pipe keeps it: `validationError.target`).
 */
function paramsOf(e: ValidationError, name: string): Record<string, unknown> | undefined {
  const ctor = (e.target as object | undefined)?.constructor;
  if (!ctor) return undefined;
  const declared = getMetadataStorage()
    .getTargetValidationMetadatas(ctor, '', true, false)
    .find((m) => m.propertyName === e.property && m.name === name)?.constraints?.[0];
  if (declared === undefined) return undefined;
  switch (name) {
    case 'minLength':
    case 'min':
      return { min: declared };
    case 'maxLength':
    case 'max':
    case 'arrayMaxSize':
      return { max: declared };
    case 'isIn':
      return { options: declared };
    default:
      return undefined;
  }
}

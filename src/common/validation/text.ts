import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, ValidateBy } from 'class-validator';

/**
 * C0/C1 control characters (NUL, newline, tab, escapes…) and UTF-16 halves without their pair:
 * nothing a person's or a company's name contains, and PostgreSQL refuses NUL outright.
 */
const CONTROL_OR_LONE_SURROGATE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const hasControlCharacters = (v: string): boolean => CONTROL_OR_LONE_SURROGATE.test(v);

/** Trims a string (other types pass through for the type check to name). */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/**
 * A name (of a person, of an organisation): trimmed before it is checked and stored, required
 * after trimming (400 `required`), at most `max` characters, no control characters
 * (400 `control_chars`). The constraint names are catalogue codes (validation-details.ts).
 */
export const NameText = (max: number) =>
  applyDecorators(
    Trim(),
    IsString(),
    MaxLength(max),
    ValidateBy({ name: 'control_chars', validator: { validate: (v) => typeof v !== 'string' || !hasControlCharacters(v) } }),
    ValidateBy({ name: 'required', validator: { validate: (v) => typeof v !== 'string' || v.length > 0 } }),
  );

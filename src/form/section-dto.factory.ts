/**
 * Builds a section's class-validator DTO from its descriptor, so a field's type and limits are
 * written once (in the section file) and the API validates exactly what the pages and the dossier
 * describe. Every property is optional: a draft may hold any subset of the form; what is present
 * must be well-formed. Completeness (what must be present to seal) is `completeness.ts`.
 *
 * The decorator names below double as the issue codes reported in `details[].code`.
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import isURL from 'validator/lib/isURL';
import { numberLimits, type FieldNode, type SectionDefinition } from './field-types';
import { expandFields, yesNoParts } from './expanded-fields';
import { isBlank } from './rule-helpers';

export const TEXT_MAX = 200;
export const ESSAY_MAX = 3000;
export { YESNO_DETAIL_MAX } from './field-types';
export const ATTACHMENTS_MAX = 20;
export const PHONE_PATTERN = /^[0-9 +\-()]{5,30}$/;
export const POSTCODE_PATTERN = /^[0-9]{6}$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const MIN_YEAR = 1950;

type Ctor = new () => object;
const PropertyRule =
  (name: string, check: (value: unknown, args: ValidationArguments) => boolean, constraints: unknown[] = []) =>
  (target: object, propertyName: string) =>
    registerDecorator({ name, target: target.constructor, propertyName, constraints, validator: { validate: check } });

export const codePoints = (s: string): number => [...s.trim()].length;
const decimals = (n: number): number => {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  if (s.includes('e')) return 99; // 1e-7 and friends: far more precision than a form field carries
  return s.split('.')[1]?.length ?? 0;
};
const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** Custom constraints. Their names are issue codes. */
const MaxCodePoints = (max: number) => PropertyRule('too_long', (v) => typeof v !== 'string' || codePoints(v) <= max, [max]);
const MaxDecimals = (places: number) => PropertyRule('too_many_decimals', (v) => typeof v !== 'number' || decimals(v) <= places, [places]);
const Positive = () => PropertyRule('too_small', (v) => typeof v !== 'number' || v > 0, [0]);
const NotAfterThisYear = () => PropertyRule('too_large', (v) => typeof v !== 'number' || v <= new Date().getFullYear());
const NotInFuture = () => PropertyRule('future_date', (v) => typeof v !== 'string' || v <= todayIso());
const RealDate = () =>
  PropertyRule('invalid', (v) => {
    if (typeof v !== 'string' || !DATE_PATTERN.test(v)) return false;
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  });
const WebAddress = () =>
  PropertyRule('invalid', (v) => typeof v === 'string' && isURL(v.trim(), { protocols: ['http', 'https'], require_tld: true }));
/** `<key>Other` may hold text only while `other` is chosen in `<key>`. */
const OtherChosen = (siblingKey: string) =>
  PropertyRule('other_not_allowed', (v, args) => {
    if (isBlank(v)) return true;
    const sibling = (args.object as Record<string, unknown>)[siblingKey];
    return sibling === 'other' || (Array.isArray(sibling) && sibling.includes('other'));
  });
/** `none`-style codes stand alone. */
const Exclusive = (codes: string[]) =>
  PropertyRule('exclusive', (v) => !Array.isArray(v) || v.length <= 1 || !v.some((c) => codes.includes(c as string)), [codes]);

const dtoCache = new WeakMap<readonly FieldNode[], Ctor>();

/** The DTO class of a section (built once per descriptor). */
export function sectionDto(def: SectionDefinition): Ctor {
  return groupDto(`${pascal(def.key)}SectionDto`, def.fields);
}

function groupDto(name: string, fields: readonly FieldNode[]): Ctor {
  const hit = dtoCache.get(fields);
  if (hit) return hit;
  const cls = { [name]: class {} }[name] as Ctor;
  dtoCache.set(fields, cls);
  for (const field of expandFields(fields)) {
    for (const decorate of decoratorsFor(field, name)) decorate(cls.prototype, field.key);
  }
  return cls;
}

type Decorator = (target: object, propertyName: string) => void;

function decoratorsFor(f: FieldNode, parentName: string): Decorator[] {
  const base: Decorator[] = [IsOptional()];
  switch (f.type) {
    case 'text':
      return [...base, IsString(), MaxCodePoints(f.max ?? TEXT_MAX), ...(f.otherOf ? [OtherChosen(f.otherOf)] : [])];
    case 'essay':
      return [...base, IsString(), MaxCodePoints(f.max ?? ESSAY_MAX)];
    case 'int': {
      const { min, max } = numberLimits(f);
      return [...base, IsInt(), Min(min), Max(max)];
    }
    case 'decimal':
    case 'percent': {
      const { min, max, decimals: places, exclusiveMin } = numberLimits(f);
      return [
        ...base,
        IsNumber({ allowNaN: false, allowInfinity: false }),
        Min(min),
        Max(max),
        MaxDecimals(places),
        ...(exclusiveMin ? [Positive()] : []),
      ];
    }
    case 'year':
      return [...base, IsInt(), Min(MIN_YEAR), NotAfterThisYear()];
    case 'date':
      return [...base, IsString(), RealDate(), NotInFuture()];
    case 'email':
      return [...base, IsString(), MaxCodePoints(TEXT_MAX), IsEmail()];
    case 'url':
      return [...base, IsString(), MaxCodePoints(TEXT_MAX), WebAddress()];
    case 'phone':
      return [...base, IsString(), Matches(PHONE_PATTERN)];
    case 'postcode':
      return [...base, IsString(), Matches(POSTCODE_PATTERN)];
    case 'choice':
      return [...base, IsIn(f.options.map((o) => o.code))];
    case 'multi':
    case 'pick3':
      return [
        ...base,
        IsArray(),
        IsIn(
          f.options.map((o) => o.code),
          { each: true },
        ),
        ArrayUnique(),
        ...(f.type === 'pick3' ? [ArrayMaxSize(3)] : [ArrayMaxSize(f.options.length)]),
        ...(f.type === 'multi' && f.exclusive?.length ? [Exclusive(f.exclusive)] : []),
      ];
    case 'yesno': {
      const dto = groupDto(`${parentName.replace(/Dto$/, '')}${pascal(f.key)}Dto`, yesNoParts(f));
      return [...base, IsObject(), ValidateNested(), Type(() => dto)];
    }
    case 'boolean':
      return [...base, IsBoolean()];
    case 'attachment':
      return [...base, IsArray(), IsUUID('all', { each: true }), ArrayUnique(), ArrayMaxSize(f.max ?? ATTACHMENTS_MAX)];
    case 'group': {
      const dto = groupDto(`${parentName.replace(/Dto$/, '')}${pascal(f.key)}Dto`, f.fields);
      return [...base, IsObject(), ValidateNested(), Type(() => dto)];
    }
    case 'list': {
      const dto = groupDto(`${parentName.replace(/Dto$/, '')}${pascal(f.key)}RowDto`, f.fields);
      return [...base, IsArray(), ArrayMaxSize(f.maxItems), ValidateNested({ each: true }), Type(() => dto)];
    }
    case 'computed':
      return []; // read-only: rejected before the DTO sees it
  }
}

const pascal = (key: string): string => key.charAt(0).toUpperCase() + key.slice(1);

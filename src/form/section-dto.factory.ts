/**
 * Builds a section's class-validator DTO from its descriptor, so a field's type and limits are
 * written once (in the section file) and the API validates exactly what the pages and the dossier
 * describe. Every property is optional: a draft may hold any subset of the form; what is present
 * must be well-formed. Completeness (what must be present to seal) is `completeness.ts`.
 *
 * A leaf field's value is checked by its value rule (src/form/value-rules.ts: the same function the
 * applicant pages run as the user types); the issue it finds travels as the constraint's message
 * and becomes `details[].code` / `params` (draft-validation.ts). Other decorator names (containers,
 * `other_not_allowed`) double as issue codes.
 */
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, ValidateNested, registerDecorator, type ValidationArguments } from 'class-validator';
import type { FieldNode, SectionDefinition } from './field-types';
import { expandFields, yesNoParts } from './expanded-fields';
import { isBlank } from './rule-helpers';
import { checkValue } from './value-rules';

export { YESNO_DETAIL_MAX } from './field-types';
export { ATTACHMENTS_MAX, DATE_PATTERN, ESSAY_MAX, MIN_YEAR, PHONE_PATTERN, POSTCODE_PATTERN, TEXT_MAX, codePoints } from './value-rules';

/** The constraint that carries a field's value rule; its message is the issue (JSON) draft-validation reports. */
export const VALUE_RULE = 'value_rule';

type Ctor = new () => object;
const PropertyRule =
  (
    name: string,
    check: (value: unknown, args: ValidationArguments) => boolean,
    constraints: unknown[] = [],
    message?: (args: ValidationArguments) => string,
  ) =>
  (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      constraints,
      validator: { validate: check, ...(message ? { defaultMessage: message } : {}) },
    });

/** The field's value rule (src/form/value-rules.ts, the one the pages run too). */
const ValueRule = (f: FieldNode) =>
  PropertyRule(
    VALUE_RULE,
    (v) => checkValue(f, v) === undefined,
    [],
    (args) => JSON.stringify(checkValue(f, args.value) ?? { code: 'invalid' }),
  );
/** `<key>Other` may hold text only while `other` is chosen in `<key>`. */
const OtherChosen = (siblingKey: string) =>
  PropertyRule('other_not_allowed', (v, args) => {
    if (isBlank(v)) return true;
    const sibling = (args.object as Record<string, unknown>)[siblingKey];
    return sibling === 'other' || (Array.isArray(sibling) && sibling.includes('other'));
  });

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
      return [...base, ValueRule(f), ...(f.otherOf ? [OtherChosen(f.otherOf)] : [])];
    case 'essay':
    case 'int':
    case 'decimal':
    case 'percent':
    case 'year':
    case 'date':
    case 'email':
    case 'url':
    case 'phone':
    case 'postcode':
    case 'choice':
    case 'multi':
    case 'pick3':
    case 'boolean':
    case 'attachment':
      return [...base, ValueRule(f)];
    case 'yesno': {
      const dto = groupDto(`${parentName.replace(/Dto$/, '')}${pascal(f.key)}Dto`, yesNoParts(f));
      return [...base, IsObject(), ValidateNested(), Type(() => dto)];
    }
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

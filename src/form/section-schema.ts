/**
 * A section's OpenAPI schema, from the same declaration that draft validation walks (draft-validation.ts)
 * and its descriptor (GET /api/form): every field optional (a draft may hold any subset), types,
 * options and limits as validated. Registered as components by the OpenAPI setup so that the
 * section routes and the pages' generated types name each section's shape.
 */
import type { SchemaObject } from '@nestjs/swagger';
import { numberLimits, type FieldNode, type SectionDefinition } from './field-types';
import { expandFields, yesNoParts } from './expanded-fields';
import { ATTACHMENTS_MAX, ESSAY_MAX, MIN_YEAR, PHONE_PATTERN, POSTCODE_PATTERN, TEXT_MAX } from './value-rules';

/** Component names: `BasicsSection`, `BasicsSectionComputed`, … */
export const sectionSchemaName = (key: string): string => `${key.charAt(0).toUpperCase()}${key.slice(1)}Section`;
export const computedSchemaName = (key: string): string => `${sectionSchemaName(key)}Computed`;

/** The section's document as PUT accepts it and GET returns it under `data`. */
export function sectionSchema(def: SectionDefinition): SchemaObject {
  return { ...groupSchema(def.fields), description: `${def.title.zh} / ${def.title.en}` };
}

/** The server-computed values returned beside the data (`computed`). */
export function computedSchema(def: SectionDefinition): SchemaObject {
  return {
    ...(computedOf(def.fields) ?? { type: 'object', properties: {} }),
    additionalProperties: true,
    description: `Computed by the server for ${def.key}; read-only`,
  };
}

function groupSchema(fields: readonly FieldNode[]): SchemaObject {
  const properties: Record<string, SchemaObject> = {};
  for (const f of expandFields(fields)) {
    const schema = fieldSchema(f);
    if (schema) properties[f.key] = { ...schema, description: `${f.label.zh} / ${f.label.en}` };
  }
  return { type: 'object', properties, additionalProperties: false };
}

function fieldSchema(f: FieldNode): SchemaObject | undefined {
  switch (f.type) {
    case 'text':
      return { type: 'string', maxLength: f.max ?? TEXT_MAX };
    case 'essay':
      return { type: 'string', maxLength: f.max ?? ESSAY_MAX };
    case 'int':
    case 'decimal':
    case 'percent': {
      const { min, max, exclusiveMin } = numberLimits(f);
      return {
        type: f.type === 'int' ? 'integer' : 'number',
        minimum: min,
        maximum: max,
        ...(exclusiveMin ? { exclusiveMinimum: true } : {}),
      };
    }
    case 'year':
      return { type: 'integer', minimum: MIN_YEAR };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'email':
      return { type: 'string', format: 'email', maxLength: TEXT_MAX };
    case 'url':
      return { type: 'string', maxLength: TEXT_MAX }; // http(s):// optional: www.example.cn is a web address (value-rules.ts)
    case 'phone':
      return { type: 'string', pattern: PHONE_PATTERN.source };
    case 'postcode':
      return { type: 'string', pattern: POSTCODE_PATTERN.source };
    case 'choice':
      return { type: 'string', enum: f.options.map((o) => o.code) };
    case 'multi':
    case 'pick3':
      return {
        type: 'array',
        items: { type: 'string', enum: f.options.map((o) => o.code) },
        uniqueItems: true,
        maxItems: f.type === 'pick3' ? 3 : f.options.length,
      };
    case 'yesno':
      return groupSchema(yesNoParts(f));
    case 'boolean':
      return { type: 'boolean' };
    case 'attachment':
      return {
        type: 'array',
        items: { type: 'string', format: 'uuid' },
        uniqueItems: true,
        maxItems: f.max ?? ATTACHMENTS_MAX,
        description: `Ids of uploaded ${f.kind} files`,
      };
    case 'group':
      return groupSchema(f.fields);
    case 'list':
      return { type: 'array', maxItems: f.maxItems, items: groupSchema(f.fields) };
    case 'computed':
      return undefined; // read-only: see computedSchema
  }
}

/** The computed fields, nested as the groups that declare them; undefined when there are none. */
function computedOf(fields: readonly FieldNode[]): SchemaObject | undefined {
  const properties: Record<string, SchemaObject> = {};
  for (const f of fields) {
    if (f.type === 'computed') {
      properties[f.key] = {
        type: f.valueType === 'boolean' ? 'boolean' : 'number',
        nullable: true,
        description: `${f.label.zh} / ${f.label.en}`,
      };
    } else if (f.type === 'group') {
      const inner = computedOf(f.fields);
      if (inner) properties[f.key] = inner;
    }
  }
  return Object.keys(properties).length ? { type: 'object', properties } : undefined;
}

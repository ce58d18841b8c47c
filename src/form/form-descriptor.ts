/**
 * The form descriptor published to clients (GET /api/form): every section's fields with labels,
 * types, options and limits — the same declarations the API validates with. Pages render from it.
 */
import { numberLimits, type FieldNode, type SectionDefinition } from './field-types';
import { expandFields } from './expanded-fields';
import { YESNO_DETAIL_MAX } from './field-types';
import { ESSAY_MAX, TEXT_MAX } from './value-rules';

export function describeSection(def: SectionDefinition) {
  return {
    key: def.key,
    order: def.order,
    part: def.part,
    title: def.title,
    optional: def.optional ?? false,
    fields: expandFields(def.fields).map(describeField),
  };
}

/** Defaults made explicit, so a client never needs to know the engine's constants. */
function describeField(f: FieldNode): Record<string, unknown> {
  const out: Record<string, unknown> = { ...f, optional: f.optional ?? false };
  if (f.type === 'text') out.max = f.max ?? TEXT_MAX;
  if (f.type === 'essay') out.max = f.max ?? ESSAY_MAX;
  if (f.type === 'yesno') out.detailMax = f.detailMax ?? YESNO_DETAIL_MAX;
  if (f.type === 'int' || f.type === 'decimal' || f.type === 'percent') {
    const { min, max, decimals } = numberLimits(f);
    Object.assign(out, { min, max, decimals });
  }
  // members are already expanded (expandFields recurses): expanding again listed each `…Other` twice
  if (f.type === 'group' || f.type === 'list') out.fields = f.fields.map(describeField);
  return out;
}

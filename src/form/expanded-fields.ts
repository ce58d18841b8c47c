/**
 * The derived view of a descriptor that generic code walks: every choice/multi/pick3 listing the
 * `other` option gets its implicit `<key>Other` sibling (spec § Conventions, `other`).
 */
import {
  YESNO_DETAIL_MAX,
  type BooleanField,
  type FieldNode,
  type SectionDefinition,
  type TextField,
  type YesNoField,
} from './field-types';

const cache = new WeakMap<readonly FieldNode[], FieldNode[]>();

export function hasOther(field: FieldNode): boolean {
  return (field.type === 'choice' || field.type === 'multi' || field.type === 'pick3') && field.options.some((o) => o.code === 'other');
}

/** Fields with the `<key>Other` siblings inserted after their choice, recursively. Memoised. */
export function expandFields(fields: readonly FieldNode[]): FieldNode[] {
  const hit = cache.get(fields);
  if (hit) return hit;
  const out: FieldNode[] = [];
  for (const f of fields) {
    if (f.type === 'group' || f.type === 'list') out.push({ ...f, fields: expandFields(f.fields) });
    else out.push(f);
    if (hasOther(f)) out.push(otherField(f));
  }
  cache.set(fields, out);
  return out;
}

export const sectionFields = (def: SectionDefinition): FieldNode[] => expandFields(def.fields);

function otherField(of: FieldNode): TextField {
  return {
    type: 'text',
    key: `${of.key}Other`,
    label: { zh: `${of.label.zh}（其他，请说明）`, en: `${of.label.en} — other (please specify)` },
    otherOf: of.key,
    optional: true, // required iff `other` is chosen: checked by rule, not by presence
  };
}

/** Visit every field with its dotted path (lists are visited once, as `key[]`, for their row fields). */
export function walkFields(fields: readonly FieldNode[], visit: (field: FieldNode, path: string) => void, prefix = ''): void {
  for (const f of fields) {
    const path = prefix ? `${prefix}.${f.key}` : f.key;
    visit(f, path);
    if (f.type === 'group') walkFields(f.fields, visit, path);
    if (f.type === 'list') walkFields(f.fields, visit, `${path}[]`);
  }
}

/** The field declared at a dotted path (list rows addressed by index or `[]`), or undefined. */
export function fieldAt(fields: readonly FieldNode[], path: string): FieldNode | undefined {
  let current: readonly FieldNode[] = expandFields(fields);
  let found: FieldNode | undefined;
  for (const part of path.split('.')) {
    if (found?.type === 'list' && (/^\d+$/.test(part) || part === '[]')) continue;
    found = current.find((f) => f.key === part);
    if (!found) return undefined;
    current = found.type === 'group' || found.type === 'list' ? expandFields(found.fields) : [];
  }
  return found;
}

const yesNoCache = new WeakMap<YesNoField, [BooleanField, TextField]>();

/**
 * A yes/no field's two members as fields of their own (`answer`, `detail` with the declared
 * `detailMax`), so that its DTO and its error messages read the limit from the declaration.
 */
export function yesNoParts(f: YesNoField): [BooleanField, TextField] {
  let parts = yesNoCache.get(f);
  if (!parts) {
    parts = [
      { type: 'boolean', key: 'answer', label: f.label, optional: true },
      {
        type: 'text',
        key: 'detail',
        label: { zh: `${f.label.zh}（说明）`, en: `${f.label.en} — details` },
        max: f.detailMax ?? YESNO_DETAIL_MAX,
        optional: true,
      },
    ];
    yesNoCache.set(f, parts);
  }
  return parts;
}

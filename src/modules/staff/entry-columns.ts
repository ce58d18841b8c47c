/**
 * What the staff console reads out of an entry's form data, from the form's own declarations:
 * the industry options of `basics.center.industry` and the labels of any dotted path.
 */
import { fieldAt } from '../../form/expanded-fields';
import type { FieldNode, Label, SectionDefinition } from '../../form/field-types';
import { basicsSection } from '../../form/sections/basics/basics.section';

const industryField = fieldAt(basicsSection.fields, 'center.industry');
const INDUSTRY_OPTIONS = industryField?.type === 'choice' ? industryField.options : [];

export const INDUSTRY_CODES: string[] = INDUSTRY_OPTIONS.map((o) => o.code);

export function industryLabel(code: string | null | undefined): Label | null {
  if (!code) return null;
  return INDUSTRY_OPTIONS.find((o) => o.code === code)?.label ?? { zh: code, en: code };
}

/** The option label of a choice/multi/pick3 field's code, or undefined. */
export function optionLabel(field: FieldNode | undefined, code: unknown): Label | undefined {
  if (!field || (field.type !== 'choice' && field.type !== 'multi' && field.type !== 'pick3')) return undefined;
  return field.options.find((o) => o.code === code)?.label;
}

/**
 * The label of a dotted path inside a section, section title first: "基本信息 › 呼叫中心现况 › 从事行业".
 * List rows are numbered (`人员 › 第 2 行 › 姓名`); an unknown key is shown as it is.
 */
export function pathLabel(def: SectionDefinition | undefined, path: string): Label {
  const zh: string[] = [def?.title.zh ?? path.split('.')[0]];
  const en: string[] = [def?.title.en ?? path.split('.')[0]];
  if (!def) return { zh: path, en: path };
  const parts = path.split('.').slice(1);
  let fields: readonly FieldNode[] | undefined = def.fields;
  let prefix = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      zh.push(`第 ${Number(part) + 1} 行`);
      en.push(`row ${Number(part) + 1}`);
      continue;
    }
    const field: FieldNode | undefined = fields ? fieldAt(fields, part) : undefined;
    prefix = prefix ? `${prefix}.${part}` : part;
    if (!field) {
      zh.push(part);
      en.push(part);
      fields = undefined;
      continue;
    }
    zh.push(field.label.zh);
    en.push(field.label.en);
    fields = field.type === 'group' || field.type === 'list' ? field.fields : undefined;
  }
  return { zh: zh.join(' › '), en: en.join(' › ') };
}

/** The field at a dotted path of a section (list indexes skipped), for option labels. */
export function fieldOfPath(def: SectionDefinition | undefined, path: string): FieldNode | undefined {
  if (!def) return undefined;
  const rest = path
    .split('.')
    .slice(1)
    .filter((p) => !/^\d+$/.test(p));
  return rest.length ? fieldAt(def.fields, rest.join('.')) : undefined;
}

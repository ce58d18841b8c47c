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
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      zh.push(`第 ${Number(part) + 1} 行`);
      en.push(`row ${Number(part) + 1}`);
      continue;
    }
    const field: FieldNode | undefined = fields ? fieldAt(fields, part) : undefined;
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

/** The industry codes of the form's basics.center.industry, read from its descriptor (declared once there). */
import type { FieldNode } from '../../../form/field-types';
import { basicsSection } from '../../../form/sections/basics/basics.section';

function find(fields: readonly FieldNode[], path: string[]): FieldNode | undefined {
  const f = fields.find((x) => x.key === path[0]);
  if (!f || path.length === 1) return f;
  return f.type === 'group' ? find(f.fields, path.slice(1)) : undefined;
}

const industry = find(basicsSection.fields, ['center', 'industry']);
export const INDUSTRY_CODES: string[] = industry?.type === 'choice' ? industry.options.map((o) => o.code) : [];

/**
 * Naming a rubric error's path (`tree.groups.0.criteria.2.max`) the way the editor shows it:
 * 分组「客户」› 评分项「满意度」› 最高分 — by the labels of the tree that was sent, never by keys.
 */
import type { StaffTextKey } from './texts';

type S = (key: StaffTextKey, vars?: Record<string, string | number>) => string;
type Node = { key?: unknown; label?: { zh?: unknown; en?: unknown }; groups?: unknown; criteria?: unknown };

const MEMBERS: Record<string, StaffTextKey> = {
  key: 'key',
  zh: 'labelZh',
  en: 'labelEn',
  weight: 'weight',
  type: 'type',
  min: 'min',
  max: 'max',
  step: 'step',
  sections: 'sections',
  commentRequiredAtExtremes: 'commentAtExtremes',
  guidance: 'guidance',
  scoring: 'scoring',
  maturity: 'maturity',
  levels: 'levels',
  minTotal: 'minTotal',
  coreGroups: 'coreGroups',
  innovationGroups: 'innovationGroups',
  minYearsOperating: 'minYearsOperating',
  groups: 'group',
  criteria: 'criterion',
};

const nameOf = (n: Node | undefined, lang: 'zh' | 'en', fallback: string): string => {
  const l = n?.label?.[lang];
  if (typeof l === 'string' && l.trim()) return l;
  return typeof n?.key === 'string' && n.key ? n.key : fallback;
};

/** The labels along `path` in `tree` (the tree the error came back for). */
export function describeRubricPath(tree: unknown, path: string, lang: 'zh' | 'en', s: S): string {
  const parts = path.split('.');
  if (parts[0] === 'tree') parts.shift();
  else if (parts[0] === 'name') return s('rubricName');
  const names: string[] = [];
  let node: unknown = tree;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if ((part === 'groups' || part === 'criteria' || part === 'levels') && next !== undefined && /^\d+$/.test(next)) {
      const list = (node as Record<string, unknown> | undefined)?.[part];
      const item = Array.isArray(list) ? (list[Number(next)] as Node | undefined) : undefined;
      const kind = part === 'groups' ? s('group') : part === 'criteria' ? s('criterion') : s('levels');
      const shown = nameOf(item, lang, `#${Number(next) + 1}`);
      names.push(lang === 'zh' ? `${kind}「${shown}」` : `${kind} “${shown}”`);
      node = item;
      i++;
      continue;
    }
    if ((part === 'label' || part === 'guidance') && (next === 'zh' || next === 'en')) {
      names.push(s(part === 'label' ? (next === 'zh' ? 'labelZh' : 'labelEn') : next === 'zh' ? 'guidanceZh' : 'guidanceEn'));
      i++;
      continue;
    }
    if ((part === 'core' || part === 'innovation') && (next === 'c' || next === 'f')) {
      names.push(s(`${part}${next.toUpperCase() as 'C' | 'F'}`));
      i++;
      continue;
    }
    if ((part === 'coreGroups' || part === 'innovationGroups') && next !== undefined && /^\d+$/.test(next)) {
      // an entry of these lists is a group key that may not exist any more: shown as sent
      const list = (node as Record<string, unknown> | undefined)?.[part];
      const value = Array.isArray(list) ? list[Number(next)] : undefined;
      names.push(typeof value === 'string' ? `${s(part)}「${value}」` : `${s(part)} #${Number(next) + 1}`);
      i++;
      continue;
    }
    if (/^\d+$/.test(part)) {
      names.push(`#${Number(part) + 1}`);
      continue;
    }
    names.push(MEMBERS[part] ? s(MEMBERS[part]) : part);
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  return names.length ? names.join(' › ') : s('tree');
}

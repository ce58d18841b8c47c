/**
 * Naming a dotted path the way the page shows it: by the descriptor's labels, in the page's
 * language — never the wire key. Also where on the page a path's message belongs, and the text
 * of a rule's code (the server's own catalogue, bundled: one source for both).
 */
import { message, type Lang } from '../../../src/common/i18n/messages';
import type { FieldNode, Label } from '../../../src/form/field-types';

/** What a yes/no answer's `detail` is called (it is a member, not a declared field). */
const DETAIL: Label = { zh: '说明', en: 'Details' };

/** The declared field at a dotted path (list rows by index), or undefined. */
export function fieldAt(fields: FieldNode[], path: string): FieldNode | undefined {
  let list = fields;
  let found: FieldNode | undefined;
  for (const part of path.split('.')) {
    if (found?.type === 'list' && /^\d+$/.test(part)) continue;
    found = list.find((f) => f.key === part);
    if (!found) return undefined;
    list = found.type === 'group' || found.type === 'list' ? found.fields : [];
  }
  return found;
}

/** "Section part › field › member" for a path; a path the descriptor does not know keeps its known part. */
export function labelAt(fields: FieldNode[], path: string, label: (l: Label) => string): string {
  let list = fields;
  let parent: FieldNode | undefined;
  const names: string[] = [];
  for (const part of path.split('.')) {
    if (/^\d+$/.test(part)) {
      names.push(`#${Number(part) + 1}`);
      continue;
    }
    let f = list.find((x) => x.key === part);
    // a column of a table-like group (the contact mix's inbound %): named by its first row's member
    f ??= list.flatMap((x) => (x.type === 'group' ? x.fields : [])).find((x) => x.key === part);
    if (!f) {
      if (parent?.type === 'yesno' && part === 'detail') names.push(label(DETAIL));
      break;
    }
    names.push(label(f.label));
    parent = f;
    list = f.type === 'group' || f.type === 'list' ? f.fields : [];
  }
  return names.length ? names.join(' › ') : '—';
}

/** The path of the input (or group card) that shows a message about `path`: its longest declared prefix. */
export function shownAt(fields: FieldNode[], path: string): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const p = parts.slice(0, n).join('.');
    if (fieldAt(fields, p)) return p;
  }
  return path;
}

/** The words of a failing rule, in the page's language. */
export const issueText = (issue: { code: string; params?: Record<string, unknown> }, lang: Lang) =>
  message(issue.code, lang, issue.params ?? {});

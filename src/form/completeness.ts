/**
 * Seal-time completeness: every field not marked optional is answered, every structural and
 * cross-field rule holds. Pure: takes stored section data, returns every failing dotted path.
 *
 * A required group that is absent is reported once, at the group's path; a group that is present
 * reports each missing leaf. Booleans (checkboxes) are never "unanswered": absent
 * reads as unchecked, except `mustBeTrue` (consent).
 */
import { validateDraft, isPlainObject } from './draft-validation';
import type { FieldIssue, FieldNode, SectionContext, SectionData, SectionDefinition } from './field-types';
import { expandFields } from './expanded-fields';
import { isBlank } from './rule-helpers';
import type { SectionRegistry } from './section-registry';

export interface ApplicationIssue extends FieldIssue {
  section: string;
}

/** Live attachments of the application: id → kind. When given, attachment fields must point at them. */
export type AttachmentKinds = ReadonlyMap<string, string>;

export function checkSection(def: SectionDefinition, data: SectionData, ctx: SectionContext, attachments?: AttachmentKinds): FieldIssue[] {
  const waived = def.waivedPaths?.(data, ctx) ?? [];
  const isWaived = (path: string) => waived.some((w) => path === w || path.startsWith(`${w}.`));
  const issues: FieldIssue[] = [];
  requireFields(expandFields(def.fields), data, '', isWaived, issues, attachments);
  issues.push(...validateDraft(def, data));
  issues.push(...(def.sealRules?.(data, ctx) ?? []).filter((i) => !isWaived(i.path)));
  const seen = new Set<string>();
  return issues.filter((i) => {
    const id = `${i.path}|${i.code}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

/** Every issue of every section, each tagged with its section key, in form order. */
export function checkApplication(
  registry: SectionRegistry,
  sections: Record<string, SectionData>,
  attachments?: AttachmentKinds,
): ApplicationIssue[] {
  const ctx: SectionContext = { section: (key) => sections[key] ?? {} };
  return registry.all().flatMap((def) => {
    const data = sections[def.key] ?? {};
    if (def.optional && deepBlank(data)) return [];
    return checkSection(def, data, ctx, attachments).map((i) => ({ section: def.key, ...i }));
  });
}

/** Nothing answered anywhere below this value. */
export function deepBlank(v: unknown): boolean {
  if (isBlank(v)) return true;
  if (isPlainObject(v)) return Object.values(v).every(deepBlank);
  return false;
}

function requireFields(
  fields: readonly FieldNode[],
  obj: unknown,
  prefix: string,
  isWaived: (path: string) => boolean,
  issues: FieldIssue[],
  attachments?: AttachmentKinds,
): void {
  const record = isPlainObject(obj) ? obj : {};
  for (const f of fields) {
    const path = prefix ? `${prefix}.${f.key}` : f.key;
    if (isWaived(path)) continue;
    const v = record[f.key];
    const required = !f.optional;
    switch (f.type) {
      case 'computed':
        break;
      case 'group':
        if (v === undefined || v === null) {
          if (required) issues.push({ path, code: 'required' });
        } else if (required || !deepBlank(v)) {
          requireFields(f.fields, v, path, isWaived, issues, attachments); // an optional group, once started, is finished too
        }
        break;
      case 'list':
        if (Array.isArray(v)) v.forEach((row, i) => requireFields(f.fields, row, `${path}.${i}`, isWaived, issues, attachments));
        else if (required) issues.push({ path, code: 'required' });
        break;
      case 'yesno': {
        const answer = isPlainObject(v) ? v.answer : undefined;
        if (typeof answer !== 'boolean') {
          if (required) issues.push({ path, code: 'required' });
        } else if (answer && f.detailWhenYes && isBlank((v as Record<string, unknown>).detail)) {
          issues.push({ path: `${path}.detail`, code: 'detail_required' });
        }
        break;
      }
      case 'boolean':
        if (f.mustBeTrue && v !== true) issues.push({ path, code: 'must_be_true' });
        else if (f.mustAnswer && required && typeof v !== 'boolean') issues.push({ path, code: 'required' });
        break;
      case 'pick3':
        if (isBlank(v)) {
          if (required) issues.push({ path, code: 'required' });
        } else if (Array.isArray(v) && v.length !== 3) {
          issues.push({ path, code: 'pick3', params: { count: v.length } });
        }
        break;
      case 'attachment': {
        if (f.afterSeal) break;
        const ids = Array.isArray(v) ? (v as string[]) : [];
        const min = f.min ?? (required ? 1 : 0);
        if (ids.length < min) issues.push({ path, code: 'required', params: { min } });
        const wrong = attachments ? ids.find((id) => attachments.get(id) !== f.kind) : undefined;
        if (wrong) {
          const kind = attachments!.get(wrong);
          issues.push(
            kind
              ? { path, code: 'attachment_kind', params: { kind: f.kind, id: wrong } }
              : { path, code: 'attachment_missing', params: { id: wrong } },
          );
        }
        break;
      }
      case 'text':
        if (f.otherOf) {
          const sibling = record[f.otherOf];
          const chosen = sibling === 'other' || (Array.isArray(sibling) && sibling.includes('other'));
          if (chosen && isBlank(v)) issues.push({ path, code: 'other_required' });
          break;
        }
        if (required && isBlank(v)) issues.push({ path, code: 'required' });
        break;
      default:
        if (required && isBlank(v)) issues.push({ path, code: 'required' });
    }
  }
}

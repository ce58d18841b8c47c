/**
 * What a judge reads of an entry, pure: the sealed snapshot's sections with, in blind rounds,
 * every field a section declares `identifying` removed (the whole receipt included), the
 * entrant's names redacted from all remaining text (as the dossier's blind copy does), and
 * attachments named by kind and number instead of their original file names.
 */
import type { SectionData } from '../../../form/field-types';
import type { SectionRegistry } from '../../../form/section-registry';
import { ATTACHMENT_KIND_LABELS, identifyingNames, redactor, type SnapshotDocument } from '../../dossiers/dossier-view';

export interface EntryAttachmentMeta {
  id: string;
  kind: string;
  sha256: string;
  size: number;
  contentType: string;
  originalName: string | null;
}

export interface JudgeEntryAttachment {
  id: string;
  kind: string;
  label: { zh: string; en: string };
  /** Blind: `<kind label> <n>` and the extension; otherwise the original name. */
  name: string;
  sha256: string;
  size: number;
  contentType: string;
}

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** Removes the dotted `path` (`*` = everything) from a copy of `data`. */
function without(data: SectionData, path: string): SectionData {
  if (path === '*') return {};
  const [head, ...rest] = path.split('.');
  if (!(head in data)) return data;
  const copy = { ...data };
  if (!rest.length) delete copy[head];
  else {
    const inner = copy[head];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) copy[head] = without(inner as SectionData, rest.join('.'));
  }
  return copy;
}

/** Every string in `value` through `redact` (keys stay: they are the form's). */
function redactDeep(value: unknown, redact: (s: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)]));
  return value;
}

export function judgeEntryView(
  registry: SectionRegistry,
  doc: SnapshotDocument,
  attachments: EntryAttachmentMeta[],
  blind: boolean,
): { sections: Record<string, SectionData>; computed: Record<string, SectionData>; attachments: JudgeEntryAttachment[]; hidden: string[] } {
  const redact = blind ? redactor(identifyingNames(registry, doc)) : (s: string) => s;
  const sections: Record<string, SectionData> = {};
  const computed: Record<string, SectionData> = {};
  const hidden: string[] = [];
  for (const def of registry.all()) {
    let data = doc.sections?.[def.key] ?? {};
    let comp = doc.computed?.[def.key] ?? {};
    if (blind)
      for (const path of def.identifying ?? []) {
        data = without(data, path);
        comp = without(comp, path);
        hidden.push(path === '*' ? def.key : `${def.key}.${path}`);
      }
    if (blind && def.identifying?.includes('*')) continue;
    sections[def.key] = redactDeep(data, redact) as SectionData;
    if (Object.keys(comp).length) computed[def.key] = redactDeep(comp, redact) as SectionData;
  }
  const byId = new Map(attachments.map((a) => [a.id, a]));
  const cited = (doc.attachments ?? [])
    .filter((a) => !(blind && a.kind === 'stamped_receipt'))
    .map((a) => byId.get(a.id))
    .filter((a): a is EntryAttachmentMeta => !!a);
  const perKind = new Map<string, number>();
  return {
    sections,
    computed,
    hidden,
    attachments: cited.map((a) => {
      const n = (perKind.get(a.kind) ?? 0) + 1;
      perKind.set(a.kind, n);
      const label = ATTACHMENT_KIND_LABELS[a.kind] ?? { zh: a.kind, en: a.kind };
      return {
        id: a.id,
        kind: a.kind,
        label,
        name: blind || !a.originalName ? neutralName(a, n) : a.originalName,
        sha256: a.sha256,
        size: a.size,
        contentType: a.contentType,
      };
    }),
  };
}

/** `org_chart-2.png`: kind, number, extension — nothing the entrant chose. */
export function neutralName(a: Pick<EntryAttachmentMeta, 'kind' | 'contentType'>, n: number): string {
  return `${a.kind}-${n}.${EXTENSIONS[a.contentType] ?? 'bin'}`;
}

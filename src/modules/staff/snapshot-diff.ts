/**
 * Field-level differences between two sealed snapshot documents, each change labelled from the
 * form descriptor (section › group › field). Pure.
 */
import type { Label } from '../../form/field-types';
import type { SectionRegistry } from '../../form/section-registry';
import { pathLabel } from './entry-columns';

export interface DiffEntry {
  path: string;
  label: Label;
  before: unknown;
  after: unknown;
}

interface SnapshotDocument {
  application?: { nomination?: unknown };
  sections?: Record<string, unknown>;
  attachments?: Array<{ id: string; kind: string; sha256: string }>;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Leaves by dotted path: objects are walked, lists of rows by index; lists of values (a multi choice) are one leaf. */
export function leaves(value: unknown, prefix: string, out = new Map<string, unknown>()): Map<string, unknown> {
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(value) && value.some((v) => isObject(v) || Array.isArray(v))) {
    value.forEach((v, i) => leaves(v, `${prefix}.${i}`, out));
  } else if (value !== undefined && value !== null) {
    out.set(prefix, value);
  }
  return out;
}

export function diffDocuments(registry: SectionRegistry, a: SnapshotDocument, b: SnapshotDocument): DiffEntry[] {
  const changes: DiffEntry[] = [];
  const keys = [...new Set([...registry.keys(), ...Object.keys(a.sections ?? {}), ...Object.keys(b.sections ?? {})])];
  for (const key of keys) {
    const before = leaves(a.sections?.[key], key);
    const after = leaves(b.sections?.[key], key);
    const paths = [...new Set([...before.keys(), ...after.keys()])];
    for (const path of paths) {
      const x = before.get(path) ?? null;
      const y = after.get(path) ?? null;
      if (JSON.stringify(x) === JSON.stringify(y)) continue;
      changes.push({ path, label: pathLabel(registry.get(key), path), before: x, after: y });
    }
  }
  if (JSON.stringify(a.application?.nomination ?? null) !== JSON.stringify(b.application?.nomination ?? null)) {
    changes.push({
      path: 'nomination',
      label: { zh: '申报方式', en: 'Nomination' },
      before: a.application?.nomination ?? null,
      after: b.application?.nomination ?? null,
    });
  }
  const files = (d: SnapshotDocument) => (d.attachments ?? []).map((f) => `${f.kind}:${f.sha256}`).sort();
  if (JSON.stringify(files(a)) !== JSON.stringify(files(b))) {
    changes.push({
      path: 'attachments',
      label: { zh: '附件（类型:SHA-256）', en: 'Files (kind:SHA-256)' },
      before: files(a),
      after: files(b),
    });
  }
  return changes;
}

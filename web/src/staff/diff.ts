/**
 * Field-level differences between two sealed snapshots: every leaf of their sections (a list of
 * plain values counts as one value) that was added, removed or changed, by its dotted path.
 */
export interface FieldChange {
  section: string;
  path: string;
  before: unknown;
  after: unknown;
}

type Doc = { sections?: Record<string, unknown> };

function leaves(v: unknown, prefix: string, out: Map<string, unknown>): void {
  if (v === null || v === undefined) return;
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) {
      if (v.length) out.set(prefix, v);
      return;
    }
    v.forEach((x, i) => leaves(x, `${prefix}.${i}`, out));
    return;
  }
  if (typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) leaves(x, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix, v);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function snapshotDiff(before: Doc, after: Doc, order: string[] = []): FieldChange[] {
  const keys = [...new Set([...order, ...Object.keys(before.sections ?? {}), ...Object.keys(after.sections ?? {})])];
  const changes: FieldChange[] = [];
  for (const section of keys) {
    const a = new Map<string, unknown>();
    const b = new Map<string, unknown>();
    leaves(before.sections?.[section], '', a);
    leaves(after.sections?.[section], '', b);
    for (const path of new Set([...a.keys(), ...b.keys()]))
      if (!same(a.get(path), b.get(path))) changes.push({ section, path, before: a.get(path), after: b.get(path) });
  }
  return changes;
}

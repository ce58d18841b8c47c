/**
 * The form descriptor as GET /api/form publishes it. Its types are the server's own declarations
 * (type-only import: nothing of the server is bundled), so page and API cannot drift.
 */
import type { FieldNode, Label } from '../../../src/form/field-types';
import { get, type Reply } from '../api/client';

export type { FieldNode, Label };

/** GET /api/form's section, its fields typed by the server's own `FieldNode` declarations. */
export type SectionDescriptor = Omit<Reply<'FormSectionResponse'>, 'fields'> & { fields: FieldNode[] };

let cached: Promise<SectionDescriptor[]> | undefined;

export function loadForm(): Promise<SectionDescriptor[]> {
  cached ??= get<Omit<Reply<'FormResponse'>, 'sections'> & { sections: SectionDescriptor[] }>('/api/form').then((f) => f.sections);
  return cached;
}

export type Data = Record<string, unknown>;

export const getPath = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Data)[k] : undefined), data);

/** A copy of `data` with `value` at `path` (undefined removes it). */
export function setPath(data: Data, path: string, value: unknown): Data {
  const [head, ...rest] = path.split('.');
  const out: Data = Array.isArray(data) ? ([...data] as unknown as Data) : { ...data };
  if (!rest.length) {
    if (value === undefined) delete out[head];
    else out[head] = value;
    return out;
  }
  const child = out[head];
  out[head] = setPath(child && typeof child === 'object' ? (child as Data) : /^\d+$/.test(rest[0]) ? ([] as unknown as Data) : {}, rest.join('.'), value);
  return out;
}

/** A JSON merge patch (RFC 7396) that writes `paths` of `data` (arrays as wholes, removals as null). */
export function mergePatchOf(data: Data, paths: Iterable<string>): Data {
  let patch: Data = {};
  for (const path of paths) {
    // a list row's field: the whole list travels (merge patch replaces arrays)
    const parts = path.split('.');
    const arrayAt = parts.findIndex((_, i) => Array.isArray(getPath(data, parts.slice(0, i + 1).join('.'))));
    const top = arrayAt >= 0 ? parts.slice(0, arrayAt + 1).join('.') : path;
    const value = getPath(data, top);
    patch = setPath(patch, top, value === undefined ? null : value);
  }
  return patch;
}

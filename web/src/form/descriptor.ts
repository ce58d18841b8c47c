/**
 * The form descriptor as GET /api/form publishes it. Its types are the server's own declarations
 * (type-only import: nothing of the server is bundled), so page and API cannot drift. It is read
 * through TanStack Query (api/queries.ts: formQuery).
 */
import type { FieldNode, Label } from '../../../src/form/field-types';
import type { Reply } from '../api/client';

export type { FieldNode, Label };

/** GET /api/form's section, its fields typed by the server's own `FieldNode` declarations. */
export type SectionDescriptor = Omit<Reply<'FormSectionResponse'>, 'fields'> & { fields: FieldNode[] };

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
  out[head] = setPath(
    child && typeof child === 'object' ? (child as Data) : /^\d+$/.test(rest[0]) ? ([] as unknown as Data) : {},
    rest.join('.'),
    value,
  );
  return out;
}

/**
 * A JSON merge patch (RFC 7396) that writes `paths` of `data` (arrays as wholes, removals as null).
 * `base` is what the server holds as far as the page knows: a member present there and gone from
 * an object of `data` (a cleared 说明 inside a yes/no answer, say) is sent as null, since merging
 * an object only adds and replaces — without the null the server would keep the old text.
 */
export function mergePatchOf(data: Data, paths: Iterable<string>, base: Data = {}): Data {
  let patch: Data = {};
  for (const path of paths) {
    // a list row's field: the whole list travels (merge patch replaces arrays)
    const parts = path.split('.');
    const arrayAt = parts.findIndex((_, i) => Array.isArray(getPath(data, parts.slice(0, i + 1).join('.'))));
    const top = arrayAt >= 0 ? parts.slice(0, arrayAt + 1).join('.') : path;
    const value = getPath(data, top);
    const piece = value === undefined ? null : withRemovals(value, getPath(base, top));
    // two paths may meet in one object (a group and its member): merge, never drop one
    patch = setPath(patch, top, mergeObjects(getPath(patch, top), piece));
  }
  return patch;
}

const isObject = (v: unknown): v is Data => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `value` with null for every member `was` had and `value` lacks, at every depth of objects. */
function withRemovals(value: unknown, was: unknown): unknown {
  if (!isObject(value) || !isObject(was)) return value;
  const out: Data = {};
  // a member set to undefined is as gone as a deleted one (JSON would silently drop it)
  for (const k of Object.keys(was)) if (value[k] === undefined) out[k] = null;
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withRemovals(v, was[k]);
  return out;
}

function mergeObjects(a: unknown, b: unknown): unknown {
  if (!isObject(a) || !isObject(b)) return b;
  const out: Data = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = mergeObjects(a[k], v);
  return out;
}

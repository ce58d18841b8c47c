/** The server's refusals on the staff pages: a 400's details at their fields, anything else as one line. */
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** The message to show: the server's words (in the page's language: the client sends Accept-Language). */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    const details = (e.body.details ?? []).map((d) => d.message).filter((m) => m && m !== e.message);
    return [e.message, ...details].join(' ');
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Puts each `details[]` entry of a 400 at the form field its path names ("categories.0.code" →
 * ['categories', 0, 'code']); returns what no field shows (null when every detail found its field).
 */
export function showAtFields(form: FormInstance, e: unknown, rename: (path: string) => string = (p) => p): string | null {
  if (!(e instanceof ApiError) || !e.body.details?.length) return errorText(e);
  const known = new Set(Object.keys(flatten(form.getFieldsValue(true))));
  const rest: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const d of e.body.details) {
    const path = rename(d.path);
    const name = path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    if (path && [...known].some((k) => k === path || k.startsWith(`${path}.`))) fields.push({ name, errors: [d.message] });
    else rest.push(d.message);
  }
  form.setFields(fields);
  return rest.length ? [e.message, ...rest].join(' ') : null;
}

function flatten(v: unknown, prefix = '', out: Record<string, true> = {}): Record<string, true> {
  if (v && typeof v === 'object' && !(v instanceof Date) && !('$d' in (v as object))) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
    if (prefix) out[prefix] = true;
  } else if (prefix) out[prefix] = true;
  return out;
}

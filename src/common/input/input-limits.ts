/**
 * What no request may carry, whatever the route: checked once, globally (InputGuard), on every
 * JSON body, query string and path parameter before any pipe or handler sees it.
 *
 * - nesting deeper than MAX_DEPTH: class-transformer, the merge patch and every other recursive
 *   walker would otherwise overflow the stack (a 500) on `[[[[…]]]]`;
 * - U+0000 and lone UTF-16 surrogates in any string or key: PostgreSQL refuses NUL in text and
 *   `\u0000` / unpaired surrogate escapes in jsonb, `encodeURIComponent` throws on a lone
 *   surrogate — each a 500 deep inside a service;
 * - numbers that are not finite: JSON has no Infinity, but `1e400` parses to it.
 *
 * The walk is iterative, so the check itself cannot overflow on any input.
 */
import type { ErrorDetail } from '../errors/domain-error';

/** Deepest nesting accepted: the form itself is 5 levels deep, the judging rubrics a few more. */
export const MAX_DEPTH = 32;
/** Enough to show what is wrong without echoing a whole hostile body back. */
const MAX_DETAILS = 20;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The problem with one string, or undefined: `nul_character` or `lone_surrogate`. */
export function badText(s: string): 'nul_character' | 'lone_surrogate' | undefined {
  if (s.includes('\u0000')) return 'nul_character';
  if (LONE_SURROGATE.test(s)) return 'lone_surrogate';
  return undefined;
}

/** Dotted path as in validation details; a key that is empty or holds a dot is quoted. */
export function joinPath(prefix: string, key: string | number): string {
  const segment = typeof key === 'string' && (key === '' || key.includes('.')) ? JSON.stringify(key) : String(key);
  return prefix ? `${prefix}.${segment}` : segment;
}

/**
 * Every problem in a parsed JSON value (or a query/params object), each with the dotted path of
 * the offending value; `root` names the value itself when it is not a container (e.g. `$`).
 */
export function inputProblems(value: unknown, root = '$', prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const stack: Array<{ v: unknown; path: string; depth: number; badKey?: ErrorDetail['code'] }> = [{ v: value, path: prefix, depth: 0 }];
  while (stack.length && out.length < MAX_DETAILS) {
    const { v, path, depth, badKey } = stack.pop()!;
    const at = path || root;
    if (badKey) {
      out.push({ path: at, code: badKey });
    } else if (typeof v === 'string') {
      const code = badText(v);
      if (code) out.push({ path: at, code });
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) out.push({ path: at, code: 'not_finite' });
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_DEPTH) {
        out.push({ path: at, code: 'too_deep', params: { max: MAX_DEPTH } });
        continue;
      }
      const entries: Array<[string | number, unknown]> = Array.isArray(v)
        ? v.map((e, i) => [i, e])
        : Object.entries(v as Record<string, unknown>);
      // reversed so that problems come out in document order
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        if (typeof key === 'string') {
          const code = badText(key);
          if (code) {
            // the key itself, JSON-escaped, so that the path stays printable
            stack.push({ v: undefined, path: path ? `${path}.${JSON.stringify(key)}` : JSON.stringify(key), depth, badKey: code });
            continue;
          }
        }
        stack.push({ v: child, path: joinPath(path, key), depth: depth + 1 });
      }
    }
  }
  return out;
}

/**
 * helmet's headers, worked out once. With its content security policy off (pages set their own:
 * web-pages.ts) every header helmet sets is the same on every answer, yet running its eleven
 * middlewares per request was 4 % of an autosave's API CPU (bench/RESULTS.md, "Autosave p99").
 * helmet runs once against a response that records what it does; each request then gets that.
 */
import type { ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityHeaders {
  set: ReadonlyArray<readonly [string, string]>;
  removed: readonly string[];
}

export function securityHeaders(options: HelmetOptions = { contentSecurityPolicy: false }): SecurityHeaders {
  const set = new Map<string, string>();
  const removed = new Set<string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      if (typeof value !== 'string') throw new Error(`helmet set ${name} to a non-string: not a fixed header`);
      set.set(name, value);
      removed.delete(name.toLowerCase());
      return recorder;
    },
    removeHeader(name: string) {
      set.delete(name);
      removed.add(name.toLowerCase());
    },
    getHeader: () => undefined,
  };
  let finished = false;
  helmet(options)({} as never, recorder as unknown as ServerResponse, () => (finished = true));
  if (!finished) throw new Error('helmet did not finish synchronously: its headers are not fixed');
  return { set: [...set], removed: [...removed] };
}

/** Puts the headers on a response (before anything is written). */
export function applySecurityHeaders(headers: SecurityHeaders, res: ServerResponse): void {
  for (const [name, value] of headers.set) res.setHeader(name, value);
  for (const name of headers.removed) res.removeHeader(name);
}

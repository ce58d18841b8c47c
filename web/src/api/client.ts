/**
 * The API over fetch: the session cookie travels by itself; errors arrive as the contract's JSON
 * ({ statusCode, message, details[] }) and are thrown as ApiError.
 */
import type { components } from './schema';

/** Request bodies as the server's OpenAPI document declares them (schema.d.ts is generated). */
export type Body<Name extends keyof components['schemas']> = components['schemas'][Name];
/**
 * Answers, likewise: every response the pages read is typed from the document, never by hand
 * (test/integration/openapi-contract.test.ts checks the type arguments of get/post/call).
 */
export type Reply<Name extends keyof components['schemas']> = components['schemas'][Name];

export type ErrorDetail = Reply<'ErrorDetailResponse'>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The error contract; only `message` when the answer was not JSON (a proxy's page). */
    readonly body: Partial<Reply<'ErrorResponse'>> & { [k: string]: unknown },
  ) {
    super(body.message ?? `HTTP ${status}`);
  }
}

/** fetch failed before any answer: offline or the server unreachable. */
export class OfflineError extends Error {}

export interface Answer<T> {
  status: number;
  body: T;
  etag: string | null;
  headers: Headers;
}

/** The page's language, so the server's messages (errors included) come in it, not in the browser's. */
const acceptLanguage = (): string => (localStorage.getItem('lang') === 'en' ? 'en' : 'zh-CN');

export async function call<T>(
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        'Accept-Language': acceptLanguage(),
        ...opts.headers,
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    throw new OfflineError('offline');
  }
  const text = await res.text();
  const body = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : (text as unknown);
  if (!res.ok) throw new ApiError(res.status, typeof body === 'object' && body ? (body as ApiError['body']) : { message: String(body) });
  return { status: res.status, body: body as T, etag: res.headers.get('etag'), headers: res.headers };
}

export const get = <T>(path: string) => call<T>('GET', path).then((a) => a.body);
export const post = <T>(path: string, body: unknown = {}) => call<T>('POST', path, { body }).then((a) => a.body);

/** Multipart upload with progress (fetch cannot report upload progress; XHR can). */
export function uploadFile(
  path: string,
  kind: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<Reply<'AttachmentResponse'>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    // without it the browser sends its own language: English errors on the Chinese page
    xhr.setRequestHeader('Accept-Language', acceptLanguage());
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((100 * e.loaded) / e.total));
    xhr.onload = () => {
      const body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      if (xhr.status === 201) resolve(body);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new OfflineError('offline'));
    const form = new FormData();
    form.append('kind', kind); // before the file: the server decides the limits from it
    form.append('file', file);
    xhr.send(form);
  });
}

/**
 * Whether a file that is rendered on demand (a dossier) is ready, without reading it: 200 → ready
 * (the body is dropped: the page links to it), 202 → its progress and when to ask again.
 */
export type Probe<Pending> = { ready: true } | { ready: false; pending: Pending; retryAfterSeconds: number };

export async function probeFile<Pending>(path: string): Promise<Probe<Pending>> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', headers: { 'Accept-Language': acceptLanguage() } });
  } catch {
    throw new OfflineError('offline');
  }
  if (res.status === 200) {
    await res.body?.cancel();
    return { ready: true };
  }
  const text = await res.text();
  const body = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : { message: text };
  if (res.status !== 202) throw new ApiError(res.status, body as ApiError['body']);
  return { ready: false, pending: body as Pending, retryAfterSeconds: Number(res.headers.get('retry-after')) || 2 };
}

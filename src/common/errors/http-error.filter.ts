import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { langOf, message } from '../i18n/messages';
import { DomainError, type DomainErrorKind, type ErrorDetail } from './domain-error';

const STATUS: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  precondition_required: 428,
  too_many_requests: 429,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
  429: 'too_many_requests',
};

/**
 * The one place errors become HTTP: `{ statusCode, error, message, details? }`, texts from the
 * catalogue in the caller's language. Anything unexpected is logged and answered as a plain 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const res = ctx.getResponse<FastifyReply>();
    const lang = langOf(req.headers['accept-language']);
    const { status, code, details, extra, params } = this.classify(exception);
    if (status >= 500) this.logger.error(`${req.method} ${req.url}: ${(exception as Error)?.stack ?? String(exception)}`);

    const body: Record<string, unknown> = {
      statusCode: status,
      error: titleOf(status),
      message: message(code, lang, params),
      code,
    };
    if (details?.length)
      body.details = details.map((d) => ({
        path: d.path,
        code: d.code,
        message: d.message ?? message(d.code, lang, d.params),
        ...(d.params ? { params: d.params } : {}),
      }));
    Object.assign(body, extra);
    if (res.sent) return;
    // A route may have set its own type (the audit CSV) or a download name before it failed: the
    // error is JSON whatever the route would have sent (a JSON object under text/csv is a 500).
    res.removeHeader('content-disposition');
    void res.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private classify(e: unknown): {
    status: number;
    code: string;
    details?: ErrorDetail[];
    extra?: Record<string, unknown>;
    params?: Record<string, unknown>;
  } {
    if (e instanceof DomainError) return { status: STATUS[e.kind], code: e.code, details: e.details, extra: e.extra, params: e.params };
    if (e instanceof HttpException) {
      const status = e.getStatus();
      // Our own code throws DomainErrors; a bare 400 HttpException is Nest's wrapping of Fastify
      // refusing the body (not JSON, empty, a "__proto__" key) before any route ran.
      if (status === 400) return { status, code: 'malformed_json', details: [{ path: '$', code: 'malformed_json' }] };
      const code = CODE_BY_STATUS[status] ?? 'invalid';
      return { status, code, details: status === 400 ? [{ path: '$', code: 'invalid' }] : undefined };
    }
    // Fastify and its plugins (static files: a stale If-Match is 412, a bad Range 416) report a
    // client error as an Error carrying its 4xx statusCode: that status, in our contract.
    const statusCode = (e as { statusCode?: unknown } | null)?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return {
        status: statusCode,
        code: CODE_BY_STATUS[statusCode] ?? 'invalid',
        details: statusCode === 400 ? [{ path: '$', code: 'invalid' }] : undefined,
      };
    }
    return { status: 500, code: 'internal' };
  }
}

/**
 * Fastify's own refusals before any route runs (`frameworkErrors`): a URL whose percent-encoding
 * is not UTF-8 (`/api/x/%ED%A0%80`) would otherwise get Fastify's bare `{ error, code, message }`.
 */
export function frameworkError(error: Error & { statusCode?: number; code?: string }, req: FastifyRequest, res: FastifyReply): void {
  const lang = langOf(req.headers['accept-language']);
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const code = error.code === 'FST_ERR_BAD_URL' ? 'malformed_url' : (CODE_BY_STATUS[status] ?? 'invalid');
  const details = status === 400 ? [{ path: '$url', code, message: message(code, lang) }] : undefined;
  void res
    .status(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({
      statusCode: status,
      error: HttpStatus[status] ? titleOf(status) : 'Bad Request',
      message: message(code, lang),
      code,
      ...(details ? { details } : {}),
    });
}

const titleOf = (status: number): string =>
  (HttpStatus[status] ?? 'Error')
    .toString()
    .split('_')
    .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
    .join(' ');

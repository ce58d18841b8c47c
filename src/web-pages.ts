/**
 * The applicant pages (web/, built by Vite into web/dist) served by the API process at `/`:
 * hashed assets under /assets cached for a year and sent pre-compressed (the build writes .br and
 * .gz beside each one; Accept-Encoding picks), a missing asset is a JSON 404, and every other
 * non-API path is answered with index.html (the router of the single-page app takes it from there).
 * Without a build, only the API runs.
 *
 * web/dist may be rebuilt while this process runs (scripts/build-web.sh): assets are looked up on
 * disk per request, and index.html is re-read when it changes — the build swaps it in last and
 * keeps the previous builds' chunks for a while (web/scripts/dist-output.mjs).
 */
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { langOf, message } from './common/i18n/messages';

/** Pages may load only what the app itself serves; antd writes its styles inline. */
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** web/dist beside src/ (ts-node, jest) or beside dist/ (compiled). */
export function webDistDir(): string | undefined {
  return [join(__dirname, '..', 'web', 'dist'), join(__dirname, '..', '..', 'web', 'dist')].find((d) => existsSync(join(d, 'index.html')));
}

type Encoding = 'br' | 'gzip' | 'identity';

/** The encoding to send: brotli, else gzip, as Accept-Encoding allows (q=0 refuses; `*` counts). */
export function pickEncoding(header: string | undefined): Encoding {
  const q = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const weight = (e: string) => q.get(e) ?? q.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a))[0];
  return best ?? 'identity';
}

/** index.html and its compressed forms, re-read when the file on disk changes (a rebuild). */
class IndexPage {
  private cached?: { mtimeMs: number; size: number; body: Record<Encoding, Buffer> };

  constructor(private readonly path: string) {
    this.current();
  }

  current(): Record<Encoding, Buffer> {
    try {
      const st = statSync(this.path);
      if (!this.cached || st.mtimeMs !== this.cached.mtimeMs || st.size !== this.cached.size) {
        const identity = readFileSync(this.path);
        this.cached = {
          mtimeMs: st.mtimeMs,
          size: st.size,
          body: { identity, br: brotliCompressSync(identity), gzip: gzipSync(identity, { level: 9 }) },
        };
      }
    } catch (e) {
      // between builds (or a build that failed half-way) the last good page stays
      if (!this.cached) throw e;
    }
    return this.cached.body;
  }
}

function notFoundJson(req: FastifyRequest, reply: FastifyReply) {
  return reply
    .code(404)
    .header('Cache-Control', 'no-store')
    .send({
      statusCode: 404,
      error: 'Not Found',
      message: message('not_found', langOf(req.headers['accept-language'])),
      code: 'not_found',
    });
}

export async function serveWebPages(app: NestFastifyApplication, root: string | undefined = webDistDir()): Promise<boolean> {
  if (!root) return false;
  const index = new IndexPage(join(root, 'index.html'));

  // /assets/*: looked up on disk per request (wildcard), so files of a later build are found too
  await app.register(
    async (assets: FastifyInstance) => {
      assets.setNotFoundHandler(notFoundJson); // a missing chunk must fail as a 404, never parse index.html as script
      await assets.register(fastifyStatic, {
        root: join(root, 'assets'),
        prefix: '/',
        wildcard: true,
        index: false,
        decorateReply: false,
        preCompressed: true,
        cacheControl: false, // set below: the names are content hashes
        setHeaders: (res: { setHeader(name: string, value: string): void }) => {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          res.setHeader('Vary', 'Accept-Encoding');
        },
      });
    },
    { prefix: '/assets' },
  );

  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (req, reply) => {
      if (req.url.startsWith('/api/') || req.url === '/api') return notFoundJson(req, reply);
      const encoding = pickEncoding(req.headers['accept-encoding']);
      if (encoding !== 'identity') void reply.header('Content-Encoding', encoding);
      return reply
        .header('Content-Security-Policy', PAGE_CSP)
        .header('Cache-Control', 'no-cache')
        .header('Vary', 'Accept-Encoding')
        .type('text/html; charset=utf-8')
        .send(index.current()[encoding]);
    });
  return true;
}

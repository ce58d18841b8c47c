/**
 * The applicant pages (web/, built by Vite into web/dist) served by the API process at `/`:
 * hashed assets cached for a year, every other non-API path answered with index.html (the
 * router of the single-page app takes it from there). Without a build, only the API runs.
 */
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Pages may load only what the app itself serves; antd writes its styles inline. */
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** web/dist beside src/ (ts-node, jest) or beside dist/ (compiled). */
export function webDistDir(): string | undefined {
  return [join(__dirname, '..', 'web', 'dist'), join(__dirname, '..', '..', 'web', 'dist')].find((d) => existsSync(join(d, 'index.html')));
}

export async function serveWebPages(app: NestFastifyApplication): Promise<boolean> {
  const root = webDistDir();
  if (!root) return false;
  const index = readFileSync(join(root, 'index.html'));
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false, // set below: assets are content-hashed, index.html is not
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.getHttpAdapter().getInstance().get('/*', (req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'Not found', code: 'not_found' });
    }
    return reply.header('Content-Security-Policy', PAGE_CSP).header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(index);
  });
  return true;
}

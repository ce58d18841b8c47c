/**
 * A JSON answer that is the same for every request until the process restarts (GET /api/form:
 * the descriptor is fixed per deploy). Serialised, hashed and compressed once (brotli and gzip,
 * node:zlib), then sent by Accept-Encoding with an ETag, so a browser that has it gets a 304 and
 * a slow line carries ~1/10 of the bytes.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pickEncoding } from '../../web-pages';

export class PrecompressedJson {
  private body?: { etag: string; identity: Buffer; br: Buffer; gzip: Buffer };

  constructor(
    private readonly produce: () => unknown,
    private readonly cacheControl: string,
  ) {}

  private current() {
    if (!this.body) {
      const identity = Buffer.from(JSON.stringify(this.produce()));
      this.body = {
        identity,
        etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
        br: brotliCompressSync(identity, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
        }),
        gzip: gzipSync(identity, { level: 9 }),
      };
    }
    return this.body;
  }

  send(req: FastifyRequest, reply: FastifyReply): FastifyReply {
    const body = this.current();
    void reply.header('ETag', body.etag).header('Cache-Control', this.cacheControl).header('Vary', 'Accept-Encoding');
    const match = req.headers['if-none-match'];
    if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === body.etag)) return reply.code(304).send();
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (encoding !== 'identity') void reply.header('Content-Encoding', encoding);
    return reply.type('application/json; charset=utf-8').send(body[encoding]);
  }
}

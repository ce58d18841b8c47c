/**
 * A multipart upload written chunk by chunk over a raw socket, as a browser would send a large
 * file: nothing is held in memory, and the server's early answer (413) is read even while the
 * body is still being written.
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';

export interface StreamUpload {
  url: string;
  token: string;
  fields?: Record<string, string>;
  file: { name: string; contentType: string; size: number; head?: Buffer };
}

export function streamUpload(u: StreamUpload): Promise<{ status: number; body: any; sent: number }> {
  const boundary = `----topten${randomBytes(8).toString('hex')}`;
  const pre = Buffer.concat([
    ...Object.entries(u.fields ?? {}).map(([k, v]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${u.file.name}"\r\nContent-Type: ${u.file.contentType}\r\n\r\n`,
    ),
  ]);
  const post = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = randomBytes(256 * 1024);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(u.url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${u.token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'transfer-encoding': 'chunked',
      },
    });
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, body, sent });
        req.destroy();
      });
    });
    // once the server has answered, a reset of the rest of our body is expected
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const write = async () => {
      const w = (b: Buffer) => (req.write(b) ? Promise.resolve() : new Promise<void>((r) => req.once('drain', () => r())));
      await w(pre);
      let left = u.file.size;
      if (u.file.head) {
        await w(u.file.head);
        left -= u.file.head.length;
        sent += u.file.head.length;
      }
      while (left > 0 && !answered && !req.destroyed) {
        const n = Math.min(left, chunk.length);
        await w(n === chunk.length ? chunk : chunk.subarray(0, n));
        left -= n;
        sent += n;
      }
      if (!answered && !req.destroyed) {
        await w(post);
        req.end();
      }
    };
    write().catch((e) => (answered ? undefined : reject(e)));
  });
}

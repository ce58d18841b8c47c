/** A tiny closed-loop HTTP load generator: N clients, each sending its next request when the last returns. */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
}

export interface Client {
  /** Builds the next request of this client. */
  next(): { method: string; path: string; headers: Record<string, string>; body: string };
  /** Sees each response (e.g. to keep its ETag). Returns false for a failed request. */
  done(status: number, headers: http.IncomingHttpHeaders, body: string): boolean;
}

export async function runLoad(
  port: number,
  clients: Client[],
  seconds: number,
  warmupSeconds = 2,
  onMeasureStart?: () => void,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients.length });
  const latencies: number[] = [];
  let errors = 0;
  let measuring = false;
  const send = (c: Client) =>
    new Promise<void>((resolve) => {
      const r = c.next();
      const started = process.hrtime.bigint();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: r.method,
          path: r.path,
          headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) },
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => {
            const ok = c.done(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString());
            if (measuring) {
              latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
              if (!ok) errors++;
            }
            resolve();
          });
        },
      );
      req.on('error', () => {
        if (measuring) errors++;
        resolve();
      });
      req.end(r.body);
    });

  let stop = false;
  const loops = clients.map(async (c) => {
    while (!stop) await send(c);
  });
  await sleep(warmupSeconds * 1000);
  onMeasureStart?.();
  measuring = true;
  const t0 = Date.now();
  await sleep(seconds * 1000);
  measuring = false;
  const elapsed = (Date.now() - t0) / 1000;
  stop = true;
  await Promise.all(loops);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { requests: latencies.length, errors, seconds: elapsed, throughput: latencies.length / elapsed, p50: pct(50), p99: pct(99) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

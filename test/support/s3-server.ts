/**
 * The S3-compatible server the tests talk to (s3rver, started from node_modules — the code
 * under test still goes through the AWS SDK). One per jest run, on a free port, in a temp dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const S3RVER_CREDENTIALS = { S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' };

export interface RunningS3 {
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startS3Server(bucket = 'topten-test'): Promise<RunningS3> {
  const dir = mkdtempSync(join(tmpdir(), 'topten-s3-'));
  const port = await freePort();
  const bin = resolve(__dirname, '../../node_modules/.bin/s3rver');
  // the binary itself, not npx: a kill must not leave a grandchild serving the port
  const child: ChildProcess = spawn(bin, ['-d', dir, '-a', '127.0.0.1', '-p', String(port), '--silent', '--configure-bucket', bucket], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForPort(port, child);
  return {
    env: {
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      ...S3RVER_CREDENTIALS,
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`s3rver exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((res) => {
      const c = connect(port, '127.0.0.1', () => (c.end(), res(true)));
      c.once('error', () => res(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`s3rver did not listen on ${port}`);
}

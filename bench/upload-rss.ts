/**
 * Upload memory: peak RSS of the API process (dist/main.js, run with API_NODE_OPTIONS as
 * `npm start` and the Dockerfile run it) while it refuses a 200 MB upload at the 20 MB file limit.
 * The API gets 10 s after start (BENCH_AFTER_START_MS), one 21 MB refused upload warms it up;
 * then the peak (VmHWM, reset through clear_refs) is read around each 200 MB attempt.
 *
 *   npm run bench            (builds, starts services, runs every benchmark)
 *   BENCH_UPLOADS=5 npx ts-node --transpile-only bench/upload-rss.ts   (after `source scripts/dev-env.sh`)
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { pdfFile } from '../test/support/sample-files';
import { streamUpload } from '../test/support/multipart-upload';
import { freshDatabase, SERVER_URL } from './bench-db';
import { sleep } from './load';

const MB = 1024 * 1024;
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 3);
const GOAL_MB = 150;
const DB = `${SERVER_URL}/topten_bench_upload`;
const PORT = 3197;
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 300);
/** The API as it runs between requests: start-up (and its young generation) 10 s behind it. */
const AFTER_START_MS = Number(process.env.BENCH_AFTER_START_MS ?? 10_000);

async function seed(): Promise<{ appId: string; token: string }> {
  await freshDatabase('topten_bench_upload');
  const c = new PgClient({ connectionString: DB });
  await c.connect();
  const {
    rows: [cycle],
  } = await c.query(
    `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ('bench', 'Asia/Shanghai', now() - interval '1 day', now() + interval '30 days') RETURNING id`,
  );
  const {
    rows: [cat],
  } = await c.query(`INSERT INTO categories (cycle_id, code, name_zh, name_en) VALUES ($1, 'bench', '基准', 'bench') RETURNING id`, [
    cycle.id,
  ]);
  const {
    rows: [u],
  } = await c.query(
    `INSERT INTO users (email, name, password_hash, role) VALUES ('upload@example.com', 'bench', 'x', 'applicant') RETURNING id`,
  );
  const {
    rows: [o],
  } = await c.query(`INSERT INTO organisations (name) VALUES ('上传单位') RETURNING id`);
  await c.query(`INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, 'owner')`, [o.id, u.id]);
  const token = randomBytes(32).toString('base64url');
  await c.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [
    u.id,
    createHash('sha256').update(token).digest('hex'),
  ]);
  const {
    rows: [a],
  } = await c.query(
    `INSERT INTO applications (organisation_id, cycle_id, category_id, entry_code, state, nomination, created_by) VALUES ($1, $2, $3, 'TT-U00001', 'draft', '{"type":"self"}', $4) RETURNING id`,
    [o.id, cycle.id, cat.id, u.id],
  );
  await c.end();
  return { appId: a.id, token };
}

async function main() {
  // the API closes the connection on its 413 while our writer may still be flushing: expected
  process.on('uncaughtException', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') throw e;
  });
  const { appId, token } = await seed();
  const nodeOptions = process.env.API_NODE_OPTIONS ?? '';
  const env = {
    ...process.env,
    DATABASE_URL: DB,
    PORT: String(PORT),
    NODE_ENV: 'production',
    NODE_OPTIONS: nodeOptions,
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    SMTP_URL: 'smtp://127.0.0.1:2525' /* never used: the bench sends no mail */,
  };
  const app = spawn(process.execPath, [join(__dirname, '..', 'dist', 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 150) throw new Error('the API did not come up');
      await sleep(200);
    }
    await sleep(AFTER_START_MS);
    const kb = (field: string) =>
      Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))![1]) * 1024;
    const url = `http://127.0.0.1:${PORT}/api/applications/${appId}/attachments`;
    // On a loaded machine our writer can hit the closed connection (EPIPE) before it has read the
    // 413 that preceded the close: such an attempt is made again (its peak still counts).
    const attempt = async (size: number) => {
      for (let tries = 1; ; tries++) {
        try {
          return await streamUpload({
            url,
            token,
            fields: { kind: 'supporting_doc' },
            file: { name: 'huge.pdf', contentType: 'application/pdf', size, head: pdfFile(0) },
          });
        } catch (e) {
          if (tries >= 3) throw e;
          console.log(`  (attempt lost its answer: ${(e as Error).message}; again, the peak counting both)`);
        }
      }
    };
    const warm = await attempt(21 * MB);
    if (warm.status !== 413) throw new Error(`warm-up answered ${warm.status}`);
    console.log(
      `upload memory: API (dist/main.js) with NODE_OPTIONS='${nodeOptions}', ${AFTER_START_MS / 1000} s after start, one 21 MB warm-up, then refused 200 MB uploads (20 MB file limit):`,
    );
    const peaks: number[] = [];
    for (let i = 0; i < UPLOADS; i++) {
      await sleep(SETTLE_MS);
      const idle = kb('VmRSS');
      writeFileSync(`/proc/${app.pid}/clear_refs`, '5');
      const res = await attempt(200 * MB);
      const peak = kb('VmHWM');
      peaks.push(peak);
      console.log(
        `  attempt ${i + 1}: ${res.status} ${res.body?.details?.[0]?.code ?? ''}, idle RSS before ${(idle / MB).toFixed(1)} MB, peak RSS ${(peak / MB).toFixed(1)} MB, ${(res.sent / MB).toFixed(1)} MB sent before the answer`,
      );
      if (res.status !== 413) process.exitCode = 1;
    }
    const worst = Math.max(...peaks) / MB;
    console.log(`  worst peak RSS ${worst.toFixed(1)} MB (goal < ${GOAL_MB} MB)`);
    if (worst >= GOAL_MB) process.exitCode = 1;
  } finally {
    await new Promise<void>((r) => {
      app.once('exit', () => r());
      app.kill('SIGTERM');
    });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

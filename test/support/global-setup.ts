/**
 * Once per `jest` run: a fresh template database with every migration applied (each test file
 * then clones it — `CREATE DATABASE … TEMPLATE` takes milliseconds instead of migrating), and
 * the S3-compatible server, and a current build of web/ for the browser tests. Its address reaches the test workers through the environment.
 */
import 'reflect-metadata';
import { migrate } from '../../src/cli/migrate';
import { Client } from 'pg';
import { admin, dbUrl, TEMPLATE_DB, TEMPLATE_PREFIX } from './db';
import { startS3Server, type RunningS3 } from './s3-server';
import { ensureWebBuild } from './web-build';

export default async function globalSetup(): Promise<void> {
  ensureWebBuild(); // the browser tests serve web/dist
  await dropOrphanTemplates();
  await admin(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${TEMPLATE_DB}`);
  await migrate(dbUrl(TEMPLATE_DB));
  const s3 = await startS3Server();
  Object.assign(process.env, s3.env);
  (globalThis as { __s3?: RunningS3 }).__s3 = s3;
}

/** Templates of this checkout's runs that were killed before their teardown (their jest process is gone). */
async function dropOrphanTemplates(): Promise<void> {
  const c = new Client({ connectionString: dbUrl('topten_test') });
  await c.connect();
  const { rows } = await c
    .query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [TEMPLATE_PREFIX])
    .finally(() => c.end());
  for (const { datname } of rows) {
    const pid = Number(datname.slice(TEMPLATE_PREFIX.length));
    if (pid !== process.pid && !alive(pid)) await admin(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Once per `jest` run: a fresh template database with every migration applied (each test file
 * then clones it — `CREATE DATABASE … TEMPLATE` takes milliseconds instead of migrating), and
 * the S3-compatible server, and a current build of web/ for the browser tests. Its address reaches the test workers through the environment.
 */
import 'reflect-metadata';
import { migrate } from '../../src/cli/migrate';
import { admin, dbUrl, TEMPLATE_DB } from './db';
import { startS3Server, type RunningS3 } from './s3-server';
import { ensureWebBuild } from './web-build';

export default async function globalSetup(): Promise<void> {
  ensureWebBuild(); // the browser tests serve web/dist
  await admin(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${TEMPLATE_DB}`);
  await migrate(dbUrl(TEMPLATE_DB));
  const s3 = await startS3Server();
  Object.assign(process.env, s3.env);
  (globalThis as { __s3?: RunningS3 }).__s3 = s3;
}

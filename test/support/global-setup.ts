/**
 * Once per `jest` run: a fresh template database with every migration applied. Each test file
 * then clones it (`CREATE DATABASE … TEMPLATE`), which takes milliseconds instead of migrating.
 */
import 'reflect-metadata';
import { migrate } from '../../src/cli/migrate';
import { admin, dbUrl, TEMPLATE_DB } from './db';

export default async function globalSetup(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${TEMPLATE_DB}`);
  await migrate(dbUrl(TEMPLATE_DB));
}

/**
 * Configuration in one place (src/config): the settings that used to be read from process.env
 * where they were used now reach the pool, the dossier worker and the processes' start from the
 * validated config, and a bad value stops a process with one line.
 */
import { DossiersProcessor } from '../../src/modules/dossiers/dossiers.processor';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { startTestApp, type TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ DATABASE_POOL_SIZE: '7', DOSSIER_CONCURRENCY: '3', WORKER_LOCK_MS: '12000' });
});
afterAll(() => t.close());

const poolOf = (ds: DataSource) => (ds.driver as PostgresDriver).master as Pool;

it('DATABASE_POOL_SIZE sizes the API’s pool', () => {
  expect(poolOf(t.app.get(DataSource)).options.max).toBe(7);
});

it('the dossier worker takes its concurrency and lock from the config it is given', async () => {
  const worker = await startTestWorker(t);
  try {
    expect(poolOf(worker.get(DataSource)).options.max).toBe(7);
    const opts = worker.get(DossiersProcessor).worker.opts;
    expect(opts).toMatchObject({ concurrency: 6, lockDuration: 12_000, stalledInterval: 6_000 });
  } finally {
    await worker.close();
  }
});

describe('a bad value stops a process with one line', () => {
  const run = (script: string, env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', resolve(__dirname, '../../src', script)], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, ...env },
      timeout: 60_000,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );

  it.each([
    ['main.ts', { NODE_ENV: 'staging' }, 'config: NODE_ENV must be one of development, test, production (got "staging")'],
    ['cli/migrate.ts', { NODE_ENV: 'staging' }, 'config: NODE_ENV must be one of development, test, production (got "staging")'],
    ['cli/migrate.ts', { DATABASE_POOL_SIZE: 'lots' }, 'config: DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "lots")'],
  ])('%s with %j', async (script, env, line) => {
    const { code, stderr } = await run(script, env);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([line]);
  });
});

import { createHash } from 'node:crypto';
import { Client, type Pool, type PoolClient } from 'pg';

/** Every template of this checkout starts with this (two checkouts on one machine — a developer and CI — never collide). */
export const TEMPLATE_PREFIX = `topten_tpl_${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 10)}_`;

/**
 * One template per jest run: a second run in the same checkout (a targeted file while the whole
 * suite runs) neither drops nor rebuilds the first one's template under it. Named by the jest main
 * process's pid, which the workers inherit through the environment.
 */
export const TEMPLATE_DB = (process.env.TOPTEN_TEMPLATE_DB ??= `${TEMPLATE_PREFIX}${process.pid}`);

/** The server URL the tests use (TEST_DATABASE_URL from scripts/test.sh), with another database name. */
export function dbUrl(name: string): string {
  const u = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://topten:topten@127.0.0.1:5432/topten_test');
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: dbUrl('topten_test') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Runs `work` in one transaction on one connection of `pool`: COMMIT when it resolves, ROLLBACK (and rethrow) when it throws. */
export async function inTransaction<T>(pool: Pool, work: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const result = await work(c);
    await c.query('COMMIT');
    return result;
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}

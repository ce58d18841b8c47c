import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** One template per checkout, so two checkouts on one machine (a developer and CI) do not collide. */
export const TEMPLATE_DB = `topten_tpl_${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 10)}`;

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

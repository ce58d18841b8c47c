import { Client as PgClient } from 'pg';
import { migrate } from '../src/cli/migrate';

/** The PostgreSQL server the benchmarks use (their own databases on it). */
export const SERVER_URL = process.env.BENCH_DATABASE_SERVER ?? 'postgres://topten:topten@127.0.0.1:5432';

/** A new, migrated database `name` (dropped first if a previous run left it); returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new PgClient({ connectionString: `${SERVER_URL}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = `${SERVER_URL}/${name}`;
  await migrate(url);
  return url;
}

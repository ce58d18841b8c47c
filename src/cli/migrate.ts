/** `npm run migration:run`: applies pending migrations to DATABASE_URL. */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../database-options';
import { runCli } from './run-cli';

export async function migrate(url: string): Promise<string[]> {
  const ds = await new DataSource(databaseOptions(url, 1)).initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  runCli('migration', async (url) => {
    const ran = await migrate(url);
    return ran.length ? `Applied ${ran.join(', ')}` : 'Schema is up to date';
  });
}

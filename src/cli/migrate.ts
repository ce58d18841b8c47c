/** `npm run migration:run`: applies pending migrations to DATABASE_URL. */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../infra/database/database-options';

export async function migrate(url: string): Promise<string[]> {
  const ds = await new DataSource(databaseOptions(url)).initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('config: DATABASE_URL is required');
    process.exit(1);
  }
  migrate(url).then(
    (ran) => console.log(ran.length ? `Applied ${ran.join(', ')}` : 'Schema is up to date'),
    (e) => {
      console.error(`migration failed: ${e.message}`);
      process.exit(1);
    },
  );
}

/**
 * The migrations and the entities describe the same schema: nothing the entities declare is
 * missing from the migrated database. (Constraints, indexes and defaults the migrations add beyond
 * what entities can express show up as DROP statements and are expected.)
 */
import { DataSource } from 'typeorm';
import { databaseOptions } from '../../src/database-options';
import { dbUrl, TEMPLATE_DB } from '../support/db';

it('has no schema change missing from migrations/', async () => {
  const ds = await new DataSource(databaseOptions(dbUrl(TEMPLATE_DB), 2)).initialize();
  try {
    const pending = await ds.driver.createSchemaBuilder().log();
    const missing = pending.upQueries.map((q) => q.query).filter((q) => !/DROP (CONSTRAINT|INDEX|DEFAULT)|^DROP INDEX/.test(q));
    expect(missing).toEqual([]);
  } finally {
    await ds.destroy();
  }
});

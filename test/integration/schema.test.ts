/**
 * The migrations and the entities describe the same schema. Every table the migrations create has
 * an entity (ENTITIES in src/database-options.ts, each class in its module), and each entity
 * declares exactly the table's columns — name, type, nullability. Constraints, indexes, defaults
 * and triggers are the migrations' alone (entities do not repeat them).
 */
import { DataSource } from 'typeorm';
import { databaseOptions } from '../../src/database-options';
import { Sql } from '../../src/infra/database/sql';
import { dbUrl, TEMPLATE_DB } from '../support/db';

let ds: DataSource;
let sql: Sql;

beforeAll(async () => {
  ds = await new DataSource(databaseOptions(dbUrl(TEMPLATE_DB), 2)).initialize();
  sql = new Sql(ds);
});
afterAll(() => ds.destroy());

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

/** `table.column type [null]`, one line per column of the migrated database (the migrations' own bookkeeping table aside). */
async function tableColumns(): Promise<string[]> {
  const rows = await sql.rows<ColumnRow>(
    `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'migrations'`,
  );
  return rows
    .map((r) => {
      const type = r.data_type === 'ARRAY' ? `${r.udt_name.slice(1)}[]` : r.data_type;
      return `${r.table_name}.${r.column_name} ${type}${r.is_nullable === 'YES' ? ' null' : ''}`;
    })
    .sort();
}

/** The same lines as the entities declare them. */
function entityColumns(): string[] {
  return ds.entityMetadatas
    .flatMap((e) =>
      e.columns.map((c) => {
        const type = ds.driver.normalizeType(c) + (c.isArray ? '[]' : '');
        return `${e.tableName}.${c.databaseName} ${type}${c.isNullable ? ' null' : ''}`;
      }),
    )
    .sort();
}

it('has an entity for every table', async () => {
  const tables = [...new Set((await tableColumns()).map((line) => line.split('.')[0]))].sort();
  expect(ds.entityMetadatas.map((e) => e.tableName).sort()).toEqual(tables);
});

it('declares exactly the columns of each table', async () => {
  expect(entityColumns()).toEqual(await tableColumns());
});

it('has no schema change missing from migrations/', async () => {
  const pending = await ds.driver.createSchemaBuilder().log();
  const missing = pending.upQueries.map((q) => q.query).filter((q) => !/DROP (CONSTRAINT|INDEX|DEFAULT)|^DROP INDEX/.test(q));
  expect(missing).toEqual([]);
});

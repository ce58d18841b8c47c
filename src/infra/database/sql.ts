import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The project's one way to read and write the database: hand-written, parameterised SQL with a
 * declared row type per statement (`rows<Row>(…)`), on TypeORM's pg pool. TypeORM itself runs the
 * migrations and declares the entities the schema test compares with the tables.
 *
 * Why not `DataSource.query`: its result shape depends on the SQL verb (an UPDATE … RETURNING
 * answers `[rows, count]`), and it builds a QueryRunner per call, which costs more than the
 * statement itself on the autosave path.
 */
export interface SqlRunner {
  /** Every row, typed by the caller's declaration of what the statement selects or returns. */
  rows<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first row or `undefined`. */
  one<T>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** A statement whose rows are not needed: the number of rows it touched. */
  run(text: string, params?: readonly unknown[]): Promise<number>;
  /**
   * A named prepared statement: PostgreSQL parses and plans it once per connection instead of on
   * every call — worth it for statements run on every keystroke-driven autosave.
   */
  prepared<T>(name: string, text: string, params: readonly unknown[]): Promise<T[]>;
}

type Queryable = Pick<Pool, 'query'> | Pick<PoolClient, 'query'>;

class Runner implements SqlRunner {
  constructor(protected readonly target: Queryable) {}

  async rows<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.target.query(text, params as unknown[])).rows as T[];
  }

  async one<T>(text: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(text, params))[0];
  }

  async run(text: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.target.query(text, params as unknown[])).rowCount ?? 0;
  }

  async prepared<T>(name: string, text: string, params: readonly unknown[]): Promise<T[]> {
    return (await this.target.query({ name, text, values: params as unknown[] })).rows as T[];
  }
}

/** Inside `Sql.transaction`: the same statements on the transaction's connection. */
export type SqlTx = SqlRunner;

@Injectable()
export class Sql extends Runner {
  constructor(@InjectDataSource() db: DataSource) {
    super(poolOf(db));
  }

  /**
   * Runs `work` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it
   * throws (the error is rethrown as it was). Row locks (`FOR UPDATE`/`FOR SHARE`) are taken by the
   * statements themselves.
   */
  async transaction<T>(work: (tx: SqlTx) => Promise<T>, isolation?: 'REPEATABLE READ' | 'SERIALIZABLE'): Promise<T> {
    const client = await (this.target as Pool).connect();
    let broken: Error | undefined;
    try {
      await client.query(isolation ? `BEGIN ISOLATION LEVEL ${isolation}` : 'BEGIN');
      const result = await work(new Runner(client));
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
      throw e;
    } finally {
      // a connection whose ROLLBACK failed is in an unknown state: destroy it rather than reuse it
      client.release(broken);
    }
  }
}

function poolOf(db: DataSource): Pool {
  // `master` is the pg Pool TypeORM opened with the project's settings (size, timeouts): one pool
  return (db.driver as PostgresDriver).master as Pool;
}

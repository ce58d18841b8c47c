import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Plain parameterised SQL on TypeORM's own pg pool, for hot paths (session lookup, autosave):
 * `DataSource.query` builds a QueryRunner per call, which costs more than the query itself.
 */
@Injectable()
export class Sql {
  private readonly pool: Pool;

  constructor(@InjectDataSource() db: DataSource) {
    this.pool = (db.driver as PostgresDriver).master as Pool;
  }

  async rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(text, params)).rows as T[];
  }

  /**
   * The same, as a named prepared statement: PostgreSQL parses and plans it once per connection
   * instead of on every call — worth it for statements run on every keystroke-driven autosave.
   */
  async prepared<T>(name: string, text: string, params: unknown[]): Promise<T[]> {
    return (await this.pool.query({ name, text, values: params })).rows as T[];
  }
}

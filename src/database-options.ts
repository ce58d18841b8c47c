/** The TypeORM data source settings of the app, worker and CLI: the composition root lists every entity (infra/ knows none). */
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { Application, ApplicationSection } from './modules/applications/application.entity';
import { Category, Cycle } from './modules/cycles/cycle.entity';
import { Session } from './modules/identity/session.entity';
import { User } from './modules/identity/user.entity';
import { Invitation, Membership, Organisation } from './modules/organisations/organisation.entity';
import { EntrySummary } from './modules/staff/entry-summary.entity';

export const ENTITIES = [
  User,
  Session,
  Organisation,
  Membership,
  Invitation,
  Cycle,
  Category,
  Application,
  ApplicationSection,
  EntrySummary,
];

/** The schema is changed only by migrations in migrations/ — never `synchronize`. `poolSize`: the config's DATABASE_POOL_SIZE (a one-shot CLI task needs one). */
export function databaseOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: ['error'],
    extra: { max: poolSize },
  };
}

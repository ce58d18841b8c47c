/** The TypeORM data source settings of the app, worker and CLI: the composition root lists every entity (infra/ knows none). */
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { Application, ApplicationSection } from './modules/applications/application.entity';
import { Attachment } from './modules/attachments/attachment.entity';
import { AuditLogEntry } from './modules/audit/audit-log.entity';
import { Category, Cycle } from './modules/cycles/cycle.entity';
import { Dossier, DossierExport } from './modules/dossiers/dossier.entity';
import { PasswordReset } from './modules/identity/password-reset.entity';
import { Session } from './modules/identity/session.entity';
import { User } from './modules/identity/user.entity';
import { OutboxNotification } from './modules/notifications/notification-outbox.entity';
import { JUDGING_ENTITIES } from './modules/judging/judging.entities';
import { Invitation, Membership, Organisation } from './modules/organisations/organisation.entity';
import { EntryGeneration, EntrySummary } from './modules/staff/entry-summary.entity';
import { Snapshot } from './modules/workflow/snapshot.entity';

/** One entity per table (test/integration/schema.test.ts fails on a table without one). */
export const ENTITIES = [
  User,
  Session,
  PasswordReset,
  Organisation,
  Membership,
  Invitation,
  Cycle,
  Category,
  Application,
  ApplicationSection,
  Attachment,
  Snapshot,
  AuditLogEntry,
  OutboxNotification,
  Dossier,
  DossierExport,
  ...JUDGING_ENTITIES,
  EntrySummary,
  EntryGeneration,
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

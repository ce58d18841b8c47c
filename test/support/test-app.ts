import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createApp } from '../../src/bootstrap';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { admin, dbUrl, TEMPLATE_DB } from './db';

export interface TestApp {
  app: INestApplication;
  /** The HTTP server, for supertest. */
  http: ReturnType<INestApplication['getHttpServer']>;
  /** Direct access to this file's own database. */
  db: Pool;
  databaseUrl: string;
  config: AppConfig;
  close(): Promise<void>;
}

/** The real application on a database of its own, cloned from the migrated template. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl(name),
    LOGIN_RATE_LIMIT: '10000',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    QUEUE_PREFIX: `test-${name}`, // jobs of one test file never reach another's worker
    ...env,
  });
  const app = await createApp(config, { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = new Pool({ connectionString: dbUrl(name), max: 2 });
  db.on('error', () => undefined); // idle clients are cut when the database is dropped at the end
  return {
    app,
    http: app.getHttpServer(),
    db,
    databaseUrl: dbUrl(name),
    config,
    async close() {
      await app.close();
      await db.end();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

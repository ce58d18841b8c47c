import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from './config/app-config';
import { WorkerModule } from './worker.module';

/** The job worker alone (`npm run start:worker`): run as many as needed, on any machine. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      for (const p of e.problems) console.error(`config: ${p}`);
      process.exit(1);
    }
    throw e;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn', 'log'] });
  const logger = new Logger('worker');
  logger.log('Worker started (queues: notifications)');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: finishing running jobs`);
      void app.close().then(() => process.exit(0));
    });
  }
}

void main();

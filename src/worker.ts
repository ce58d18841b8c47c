import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { closeOnSignals, loadConfigOrExit } from './process-lifecycle';
import { WorkerModule } from './worker.module';

/** The job worker alone (`npm run start:worker`): run as many as needed, on any machine. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfigOrExit()), { logger: ['error', 'warn', 'log'] });
  const logger = new Logger('worker');
  logger.log('Worker started (queues: notifications, dossiers)');
  closeOnSignals(app, logger);
}

void main();

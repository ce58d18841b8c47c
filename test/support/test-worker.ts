import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../src/worker.module';
import type { TestApp } from './test-app';

/** The real job worker, in this process, on the test app's database and queue prefix. */
export async function startTestWorker(t: TestApp): Promise<INestApplicationContext> {
  const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { logger: false });
  await ctx.init();
  return ctx;
}

import type { INestApplicationContext } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../src/worker.module';
import type { TestApp } from './test-app';

/** The real job worker, in this process, on the test app's database and queue prefix. */
export async function startTestWorker(t: TestApp): Promise<INestApplicationContext> {
  const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { logger: false });
  await ctx.init();
  return ctx;
}

/**
 * `npm run start:worker` from source as its own process (so its memory is its own), on the test
 * app's database and queue prefix. Resolves once the worker has started its queues.
 */
export async function spawnTestWorker(t: TestApp, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', resolve(__dirname, '../../src/worker.ts')], {
    cwd: resolve(__dirname, '../..'),
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: t.databaseUrl, QUEUE_PREFIX: t.config.queuePrefix, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((res, rej) => {
    let seen = '';
    child.stdout!.on('data', (d: Buffer) => {
      seen = (seen + d.toString()).slice(-4000);
      if (seen.includes('Worker started')) res();
    });
    child.once('exit', (code) => rej(new Error(`worker exited with ${code}`)));
  });
  child.stdout!.resume();
  return child;
}

/** A process's resident set now and at its peak (VmHWM), in bytes; `resetPeak` starts a new peak from now. */
export const processMemory = {
  rss: (pid: number) => statusKb(pid, 'VmRSS') * 1024,
  peak: (pid: number) => statusKb(pid, 'VmHWM') * 1024,
  resetPeak: (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
};

const statusKb = (pid: number, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

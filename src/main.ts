import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { keepIdleMemorySmall } from './infra/memory/reclaim';
import { closeOnSignals, loadConfigOrExit } from './process-lifecycle';

/** The HTTP API (and, from issue #5 on, the pages). */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  // start-up and bursts of load grow V8's young generation; an idle API gives it back (reclaim.ts)
  keepIdleMemorySmall();
  await app.listen(config.port, config.host);
  const logger = new Logger('main');
  logger.log(`Listening on ${config.publicUrl} (API at /api, docs at /api/docs)`);
  closeOnSignals(app, logger);
}

void main();

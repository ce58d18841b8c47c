import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { closeOnSignals, loadConfigOrExit } from './process-lifecycle';

/** The HTTP API (and, from issue #5 on, the pages). */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const logger = new Logger('main');
  logger.log(`Listening on ${config.publicUrl} (API at /api, docs at /api/docs)`);
  closeOnSignals(app, logger);
}

void main();

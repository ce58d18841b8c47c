import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      // one clear line per problem, never a stack trace
      for (const p of e.problems) console.error(`config: ${p}`);
      process.exit(1);
    }
    throw e;
  }
  const app = await createApp(config);
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  const logger = new Logger('main');
  logger.log(`Listening on ${config.publicUrl} (API at /api, docs at /api/docs)`);
  // Graceful stop: finish requests in flight, close pools, exit 0.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: shutting down`);
      void app.close().then(() => process.exit(0));
    });
  }
}

void main();

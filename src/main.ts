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
  new Logger('main').log(`Listening on ${config.publicUrl} (API at /api, docs at /api/docs)`);
}

void main();

import type { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';

/** The configuration, or one line per problem on stderr and exit code 1 — never a stack trace. */
export function loadConfigOrExit(): AppConfig {
  return configOrExit(loadConfig);
}

/** Any of src/config's loaders (the app's, the CLI's), exiting with one line per problem. */
export function configOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (e instanceof ConfigError) {
      for (const p of e.problems) console.error(`config: ${p}`);
      process.exit(1);
    }
    throw e;
  }
}

/** Graceful stop on SIGTERM/SIGINT: finish what is in flight, close pools, exit 0. */
export function closeOnSignals(app: { close(): Promise<void> }, logger: Logger): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: shutting down`);
      void app.close().then(() => process.exit(0));
    });
  }
}

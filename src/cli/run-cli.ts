import { configOrExit } from '../process-lifecycle';
import { loadCliConfig } from '../config/app-config';

/** Runs a CLI task against DATABASE_URL (validated by src/config): one clear line and exit code 1 on failure, never a stack trace. */
export function runCli(what: string, task: (databaseUrl: string) => Promise<string>): void {
  const { databaseUrl } = configOrExit(loadCliConfig);
  task(databaseUrl).then(
    (summary) => console.log(summary),
    (e: Error) => {
      console.error(`${what} failed: ${e.message}`);
      process.exit(1);
    },
  );
}

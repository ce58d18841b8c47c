/** Runs a CLI task against DATABASE_URL: one clear line and exit code 1 on failure, never a stack trace. */
export function runCli(what: string, task: (databaseUrl: string) => Promise<string>): void {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('config: DATABASE_URL is required');
    process.exit(1);
  }
  task(url).then(
    (summary) => console.log(summary),
    (e: Error) => {
      console.error(`${what} failed: ${e.message}`);
      process.exit(1);
    },
  );
}

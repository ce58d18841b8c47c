/**
 * The browser tests need web/dist built from the current web/src. `npm test` builds it first
 * (scripts/build-web.sh); a direct `npx jest` builds it here when it is missing or older than
 * any source file — once per run (global setup), never skipped silently.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const WEB = join(__dirname, '..', '..', 'web');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function webBuildIsCurrent(): boolean {
  const index = join(WEB, 'dist', 'index.html');
  if (!existsSync(index)) return false;
  const sources = Math.max(
    newestSource(join(WEB, 'src')),
    newestSource(join(WEB, 'scripts')),
    ...['index.html', 'vite.config.ts', 'package-lock.json'].map((f) => statSync(join(WEB, f)).mtimeMs),
  );
  return statSync(index).mtimeMs >= sources;
}

export function ensureWebBuild(): void {
  if (webBuildIsCurrent()) return;
  console.log('\n[web] web/dist is missing or older than web/src: bash scripts/build-web.sh');
  try {
    execFileSync('bash', [join(__dirname, '..', '..', 'scripts', 'build-web.sh')], { stdio: 'inherit' });
  } catch (e) {
    throw new Error(`building web/ failed (bash scripts/build-web.sh); the browser tests need web/dist: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

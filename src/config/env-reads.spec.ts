import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..');

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) yield path;
  }
}

describe('configuration in one place', () => {
  it('nothing in src/ reads process.env except src/config (every setting is read and validated by app-config.ts)', () => {
    const offenders = [...sources(SRC)]
      .filter((file) => !relative(SRC, file).startsWith(`config`))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(SRC, file)}:${i + 1}` }))
          .filter(({ line }) => /process\s*\.\s*env\b|process\s*\[\s*['"`]env/.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});

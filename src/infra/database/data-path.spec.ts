import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One data path (issue 11): every statement in src/ goes through `Sql` (src/infra/database/sql.ts)
 * with a declared row type — `rows<Row>()`, `one<Row>()`, `run()`, `prepared<Row>()`,
 * `transaction(tx => …)`. This fails on any other way to reach the database from src/: TypeORM's
 * `DataSource.query` / `EntityManager.query` (whose result shape depends on the SQL verb), its
 * repositories, query builders and query runners, or a pg pool or client of its own.
 *
 * Scope: src/ only. The migrations (`migrations/`, outside src/) run on TypeORM's QueryRunner,
 * which is what it is for; the CLI tools construct `Sql` from their DataSource. Test fixtures
 * (test/) and benchmarks (bench/) set up data with whatever is shortest and are not scanned.
 */
const SRC = join(__dirname, '..', '..');
const ALLOWED = new Set(['infra/database/sql.ts']);

const FORBIDDEN: Array<[RegExp, string]> = [
  [/\.query\s*[(<]/, '.query( — use Sql.rows/one/run'],
  [/from\s+['"]pg['"]|require\(\s*['"]pg['"]\s*\)/, 'a pg pool or client of its own — use Sql'],
  [/\bInjectDataSource\b|\bInjectRepository\b|\bInjectEntityManager\b/, 'an injected DataSource/repository — inject Sql'],
  [/\bEntityManager\b|\bQueryRunner\b|\bcreateQueryBuilder\b|\bgetRepository\b/, 'a TypeORM query API — use Sql (a transaction: SqlTx)'],
];

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) yield path;
  }
}

describe('one data path', () => {
  it('nothing in src/ reaches the database except through Sql (src/infra/database/sql.ts)', () => {
    const offenders = [...sources(SRC)]
      .filter((file) => !ALLOWED.has(relative(SRC, file)))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            FORBIDDEN.filter(([pattern]) => pattern.test(line)).map(
              ([, why]) => `${relative(SRC, file)}:${i + 1}: ${line.trim()}  (${why})`,
            ),
          ),
      );
    expect(offenders).toEqual([]);
  });
});

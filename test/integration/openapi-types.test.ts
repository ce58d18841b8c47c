/**
 * The pages' API types (web/src/api/schema.d.ts) are generated from the OpenAPI document the
 * server publishes; this test regenerates them and fails when the committed file is stale.
 * `npm run gen:api` writes the file.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '../..');
const TYPES = join(ROOT, 'web/src/api/schema.d.ts');
const CLI = join(ROOT, 'web/node_modules/openapi-typescript/bin/cli.js');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

it('web/src/api/schema.d.ts is what /api/openapi.json generates', async () => {
  const doc = (await request(t.http).get('/api/openapi.json').expect(200)).body;
  const dir = await mkdtemp(join(tmpdir(), 'topten-openapi-'));
  try {
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(doc, null, 2));
    await promisify(execFile)(process.execPath, [CLI, join(dir, 'openapi.json'), '-o', join(dir, 'schema.d.ts')], {
      cwd: join(ROOT, 'web'),
    });
    const generated = `// Generated from /api/openapi.json by \`npm run gen:api\`; do not edit.\n${await readFile(join(dir, 'schema.d.ts'), 'utf8')}`;
    if (process.env.UPDATE_API_TYPES) await writeFile(TYPES, generated);
    const committed = await readFile(TYPES, 'utf8').catch(() => '');
    expect(committed === generated ? 'current' : 'stale: run `npm run gen:api`').toBe('current');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

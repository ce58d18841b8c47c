/** `npm run verify-snapshot -- <id>`: recompute a sealed snapshot's hash; exit code 2 when it does not match. */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../database-options';
import { Sql } from '../infra/database/sql';
import { verifyStored } from '../modules/workflow/snapshots.service';
import { runCli } from './run-cli';

runCli('verification', async (url) => {
  const id = process.argv[2];
  if (!id) throw new Error('usage: npm run verify-snapshot -- <snapshot id>');
  const ds = await new DataSource(databaseOptions(url, 1)).initialize();
  try {
    const row = await new Sql(ds).one<{ canonical: string; sha256: string }>(
      'SELECT canonical, sha256 FROM snapshots WHERE id::text = $1',
      [id],
    );
    if (!row) throw new Error(`no snapshot ${id}`);
    const result = verifyStored(id, row.canonical, row.sha256);
    if (!result.valid) process.exitCode = 2;
    return JSON.stringify(result, null, 2);
  } finally {
    await ds.destroy();
  }
});

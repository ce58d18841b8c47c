/** `npm run verify-snapshot -- <id>`: recompute a sealed snapshot's hash; exit code 2 when it does not match. */
import 'reflect-metadata';
import { Client } from 'pg';
import { verifyStored } from '../modules/workflow/snapshots.service';
import { runCli } from './run-cli';

runCli('verification', async (url) => {
  const id = process.argv[2];
  if (!id) throw new Error('usage: npm run verify-snapshot -- <snapshot id>');
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query('SELECT canonical, sha256 FROM snapshots WHERE id::text = $1', [id]);
    if (!rows.length) throw new Error(`no snapshot ${id}`);
    const result = verifyStored(id, rows[0].canonical, rows[0].sha256);
    if (!result.valid) process.exitCode = 2;
    return JSON.stringify(result, null, 2);
  } finally {
    await db.end();
  }
});

/**
 * A sealed entry whose dossier cannot be rendered, for the tests of failed renders: the object of
 * its attached PDF is gone from the store (as after a botched bucket migration), so every attempt
 * fails in the real worker — nothing in the renderer is replaced. `restore` puts it back.
 */
import { StorageService } from '../../src/infra/storage/storage.service';
import { sealedEntry, type SealedEntry } from './sealed-entry';
import type { TestApp } from './test-app';

export async function entryThatCannotRender(t: TestApp): Promise<{ entry: SealedEntry; restore: () => Promise<void> }> {
  const storage = t.app.get(StorageService);
  const entry = await sealedEntry(t);
  const { rows } = await t.db.query(`SELECT storage_key FROM attachments WHERE application_id = $1 AND kind = 'supporting_doc'`, [
    entry.appId,
  ]);
  const key = rows[0].storage_key as string;
  const bytes = await storage.getBuffer(key);
  await storage.delete(key);
  return { entry, restore: () => storage.putBuffer(key, bytes, 'application/pdf') };
}

/**
 * Bulk export for staff: every current dossier of a cycle in one ZIP (plus a manifest of hashes),
 * built by a job, streamed into the object store as it is zipped, with progress.
 */
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { ZipFile } from 'yazl';
import type { Actor } from '../../common/auth/actor';
import { notFound, wrongState } from '../../common/errors/domain-error';
import { Sql } from '../../infra/database/sql';
import { DOSSIERS_QUEUE, DossierJob } from '../../infra/queue/queues';
import { missingRow } from '../../infra/queue/job-table.processor';
import { StorageService } from '../../infra/storage/storage.service';
import { toCsv } from '../../common/csv/csv';
import { UUID } from '../applications/application-access.policy';
import { DossierBuilder } from './dossier-builder';

interface ExportRow {
  id: string;
  kind: string;
  cycle_id: string;
  status: string;
  total: number;
  done: number;
  storage_key: string | null;
  sha256: string | null;
  size: string | null;
  error: string | null;
  created_at: Date;
  completed_at: Date | null;
}

const view = (r: ExportRow) => ({
  id: r.id,
  kind: r.kind,
  cycleId: r.cycle_id,
  status: r.status,
  total: r.total,
  done: r.done,
  progress: r.status === 'ready' ? 100 : r.total ? Math.floor((100 * r.done) / r.total) : 0,
  size: r.size === null ? null : Number(r.size),
  sha256: r.sha256,
  error: r.error,
  createdAt: r.created_at.toISOString(),
  completedAt: r.completed_at?.toISOString() ?? null,
});

@Injectable()
export class DossierExportsService {
  constructor(
    private readonly db: Sql,
    @InjectQueue(DOSSIERS_QUEUE) private readonly queue: Queue,
    private readonly storage: StorageService,
  ) {}

  async create(actor: Actor, cycleId: string) {
    const [cycle] = await this.db.rows<{ id: string }>('SELECT id FROM cycles WHERE id = $1', [cycleId]);
    if (!cycle) throw notFound();
    const [row] = await this.db.rows<ExportRow>(
      `INSERT INTO exports (kind, cycle_id, requested_by) VALUES ('dossiers_zip', $1, $2) RETURNING *`,
      [cycleId, actor.userId],
    );
    await this.queue.add(
      DossierJob.exportZip,
      { exportId: row.id },
      { jobId: `export_${row.id}`, attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
    );
    return view(row);
  }

  async get(id: string) {
    return view(await this.find(id));
  }

  async downloadUrl(id: string): Promise<string> {
    const row = await this.find(id);
    if (row.status !== 'ready' || !row.storage_key) throw wrongState(row.status);
    return this.storage.signedDownloadUrl(row.storage_key, { fileName: `dossiers-${row.cycle_id}.zip`, contentType: 'application/zip' });
  }

  private async find(id: string): Promise<ExportRow> {
    if (!UUID.test(id)) throw notFound();
    const [row] = await this.db.rows<ExportRow>('SELECT * FROM exports WHERE id = $1', [id]);
    if (!row) throw notFound();
    return row;
  }
}

/** Worker side: render what is missing, zip as it goes. */
@Injectable()
export class DossierExportBuilder {
  constructor(
    private readonly db: Sql,
    private readonly storage: StorageService,
    private readonly dossiers: DossierBuilder,
  ) {}

  async run(exportId: string, progress: (percent: number) => Promise<void> | void = () => undefined): Promise<void> {
    const [row] = await this.db.rows<ExportRow>('SELECT * FROM exports WHERE id = $1', [exportId]);
    if (!row) throw missingRow('export', exportId);
    if (row.status === 'ready') return;
    const entries = await this.db.rows<{ entry_code: string; snapshot_id: string; snapshot_sha: string }>(
      `SELECT a.entry_code, a.snapshot_id, s.sha256 AS snapshot_sha FROM applications a JOIN snapshots s ON s.id = a.snapshot_id
        WHERE a.cycle_id = $1 AND a.state <> 'draft' ORDER BY a.entry_code`,
      [row.cycle_id],
    );
    await this.db.run(`UPDATE exports SET status = 'running', total = $2, done = 0, error = NULL WHERE id = $1`, [
      exportId,
      entries.length,
    ]);

    const key = `exports/${exportId}.zip`;
    const zip = new ZipFile();
    const hash = createHash('sha256');
    let size = 0;
    const out = new PassThrough();
    zip.outputStream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    zip.outputStream.pipe(out);
    const upload = this.storage.putStream(key, out, 'application/zip');
    const manifest: Array<Record<string, string>> = [];
    try {
      for (const [i, e] of entries.entries()) {
        const dossier = await this.dossiers.build((await this.dossiers.ensureRow(e.snapshot_id, 'staff')).id);
        const file = `${e.entry_code}.pdf`;
        zip.addBuffer(await this.storage.getBuffer(dossier.storageKey), file, { compress: false });
        manifest.push({ entry_code: e.entry_code, snapshot_sha256: e.snapshot_sha, dossier_sha256: dossier.sha256, file });
        await this.db.run('UPDATE exports SET done = $2 WHERE id = $1', [exportId, i + 1]);
        await progress(Math.floor((100 * (i + 1)) / Math.max(1, entries.length)));
      }
      zip.addBuffer(
        Buffer.from(toCsv(manifest, ['entry_code', 'snapshot_sha256', 'dossier_sha256', 'file'], { bom: false })),
        'manifest.csv',
      );
      zip.end();
      await upload;
    } catch (error) {
      zip.outputStream.unpipe(out);
      out.destroy(error as Error);
      await upload.catch(() => undefined);
      await this.db.run(`UPDATE exports SET status = 'failed', error = $2 WHERE id = $1`, [exportId, (error as Error).message]);
      throw error;
    }
    await this.db.run(`UPDATE exports SET status = 'ready', storage_key = $2, sha256 = $3, size = $4, completed_at = now() WHERE id = $1`, [
      exportId,
      key,
      hash.digest('hex'),
      size,
    ]);
  }
}

import { Injectable } from '@nestjs/common';
import { Sql } from '../../infra/database/sql';
import { missingRow } from '../../infra/queue/job-table.processor';
import { StorageService } from '../../infra/storage/storage.service';
import { receiptQrPayload } from './dossier-view';
import { readQrCode } from './receipt-qr';

export type ReceiptCheck = 'matched' | 'different' | 'unreadable';

/** A stamped receipt with what its QR code should say: the entry code and the current snapshot's hash. */
interface ReceiptToCheck {
  storage_key: string;
  content_type: string;
  entry_code: string;
  sha256: string | null;
}

/**
 * Compares the QR code on an uploaded stamped receipt with the entry's sealed snapshot and records
 * the outcome on the attachment for screening. Advisory only: it never blocks a submission.
 */
@Injectable()
export class ReceiptChecker {
  constructor(
    private readonly db: Sql,
    private readonly storage: StorageService,
  ) {}

  async check(attachmentId: string): Promise<ReceiptCheck> {
    const row = await this.db.one<ReceiptToCheck>(
      `SELECT t.storage_key, t.content_type, a.entry_code, s.sha256
         FROM attachments t JOIN applications a ON a.id = t.application_id
         LEFT JOIN snapshots s ON s.id = a.snapshot_id
        WHERE t.id = $1 AND t.kind = 'stamped_receipt'`,
      [attachmentId],
    );
    if (!row) throw missingRow('stamped receipt', attachmentId);
    const found = await readQrCode(await this.storage.getBuffer(row.storage_key), row.content_type);
    const result: ReceiptCheck =
      found === null ? 'unreadable' : row.sha256 && found === receiptQrPayload(row.entry_code, row.sha256) ? 'matched' : 'different';
    // what was read is kept beside the verdict: staff compare it with the sealed hash
    await this.db.run('UPDATE attachments SET receipt_check = $2, receipt_decoded = $3, receipt_checked_at = now() WHERE id = $1', [
      attachmentId,
      result,
      found?.slice(0, 1000) ?? null,
    ]);
    return result;
  }
}

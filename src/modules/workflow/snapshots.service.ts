import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Actor } from '../../common/auth/actor';
import { notFound } from '../../common/errors/domain-error';
import { Sql } from '../../infra/database/sql';
import { ApplicationAccessPolicy, UUID } from '../applications/application-access.policy';
import { canonicalJson } from './canonical-json';

export interface Verification {
  id: string;
  valid: boolean;
  /** The hash recorded when the snapshot was sealed. */
  expected: string;
  /** The hash of the stored text now. */
  actual: string;
  /** The stored text is still in canonical form (re-serialising it gives the same bytes). */
  canonical: boolean;
}

/** A stored snapshot: its canonical text and the hash recorded at sealing. */
interface SnapshotRow {
  id: string;
  application_id: string;
  canonical: string;
  sha256: string;
  created_at: Date;
  superseded_at: Date | null;
}

/** Reading sealed snapshots and proving they are unchanged. */
@Injectable()
export class SnapshotsService {
  constructor(
    private readonly db: Sql,
    private readonly access: ApplicationAccessPolicy,
  ) {}

  /** Recompute the hash from the stored text and compare it with the recorded one. */
  async verify(id: string): Promise<Verification> {
    if (!UUID.test(id)) throw notFound();
    const row = await this.db.one<Pick<SnapshotRow, 'canonical' | 'sha256'>>('SELECT canonical, sha256 FROM snapshots WHERE id = $1', [id]);
    if (!row) throw notFound();
    return verifyStored(id, row.canonical, row.sha256);
  }

  /** Snapshots of an application (current and superseded), for its organisation and staff. */
  async list(actor: Actor, applicationId: string) {
    await this.assertReadable(actor, applicationId);
    return this.db.rows<{ id: string; sha256: string; createdAt: Date; supersededAt: Date | null }>(
      `SELECT id, sha256, created_at AS "createdAt", superseded_at AS "supersededAt" FROM snapshots
        WHERE application_id = $1 ORDER BY created_at DESC`,
      [applicationId],
    );
  }

  async get(actor: Actor, id: string) {
    if (!UUID.test(id)) throw notFound();
    const row = await this.db.one<SnapshotRow>(
      `SELECT id, application_id, canonical, sha256, created_at, superseded_at FROM snapshots WHERE id = $1`,
      [id],
    );
    if (!row) throw notFound();
    await this.assertReadable(actor, row.application_id);
    return {
      id: row.id,
      applicationId: row.application_id,
      sha256: row.sha256,
      createdAt: row.created_at.toISOString(),
      supersededAt: row.superseded_at?.toISOString() ?? null,
      document: JSON.parse(row.canonical),
    };
  }

  private async assertReadable(actor: Actor, applicationId: string): Promise<void> {
    if (!(await this.access.checkAccess(actor, 'read', new Set([applicationId]))).size) throw notFound();
  }
}

export function verifyStored(id: string, canonical: string, expected: string): Verification {
  const actual = createHash('sha256').update(canonical, 'utf8').digest('hex');
  let isCanonical: boolean;
  try {
    isCanonical = canonicalJson(JSON.parse(canonical)) === canonical;
  } catch {
    isCanonical = false;
  }
  return { id, valid: actual === expected && isCanonical, expected, actual, canonical: isCanonical };
}

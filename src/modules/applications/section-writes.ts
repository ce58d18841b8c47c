import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Role } from '../../common/auth/roles';
import { Sql } from '../../infra/database/sql';
import { applicationAccessSql } from './application-access.policy';
import { EFFECTIVE_DEADLINE_SQL } from './deadline';

/** One section write, already validated: lands only on `baseVersion`, for a writer the policy grants. */
export interface SectionWrite {
  applicationId: string;
  key: string;
  /** The section document as JSON text. */
  json: string;
  baseVersion: number;
  userId: string;
  role: Role;
}

export interface SectionWritten {
  version: number;
  updated_at: Date;
}

interface Queued {
  write: SectionWrite;
  done: (result: SectionWritten | undefined) => void;
  fail: (e: unknown) => void;
}

/** Batches in flight at once: one in PostgreSQL while the next one fills (more only split the same work into smaller commits). */
const IN_FLIGHT = 1;
/** Rows and JSON bytes per statement at most (a burst larger than this is split). */
const BATCH_ROWS = 64;
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Group commit for section writes. Fifty people typing means fifty autosaves a moment, each a
 * statement and a commit of its own; here the writes that arrive while the previous batch is in
 * PostgreSQL go together in one statement and one commit (`unnest` over arrays: one prepared plan
 * for any batch size). A quiet server sends each write at once, alone: nothing waits for a batch
 * to fill. Measured in bench/RESULTS.md (issue 11): PostgreSQL CPU per autosave 0.31 → 0.10 ms.
 *
 * Each write keeps its own outcome. A batch never waits for a lock: an entry being sealed (its row
 * held FOR UPDATE) is skipped, not waited for, so one seal cannot stall everybody's autosave. A write
 * the batch did not land is tried once more alone, waiting for its locks, and that answer stands:
 * the new version, or `undefined` (no grant, not a draft, past the deadline, another version) for
 * the caller to say which.
 *
 * Two writes to one section never share a statement or overlap in flight (the later one waits for
 * the earlier batch), so a batch never updates a row twice. A batch that fails as a whole (a
 * deadlock with another API process, say) is retried one write at a time, so one bad row fails one request.
 */
@Injectable()
export class SectionWrites implements BeforeApplicationShutdown {
  private readonly queue: Queued[] = [];
  /** `applicationId/key` of every write in a batch now in flight. */
  private readonly busy = new Set<string>();
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly sql: Sql) {}

  /** Writes waiting for a batch (not yet sent). */
  get queued(): number {
    return this.queue.length;
  }

  /** On shutdown, the writes already accepted reach the database before its pool closes (5 s at most). */
  async beforeApplicationShutdown(): Promise<void> {
    for (let waited = 0; (this.queue.length || this.busy.size) && waited < 5000; waited += 10) await sleep(10);
  }

  /** The new version, or `undefined` when the write was not allowed or not based on the current version. */
  write(write: SectionWrite): Promise<SectionWritten | undefined> {
    return new Promise((done, fail) => {
      this.queue.push({ write, done, fail });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= IN_FLIGHT || !this.queue.length) return;
    this.scheduled = true;
    // the writes parsed in this turn of the event loop go together
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < IN_FLIGHT) {
      const batch = this.take();
      if (!batch.length) return;
      this.inFlight++;
      void this.run(batch);
    }
  }

  /** The next batch: the oldest write's role, at most one write per section, none whose section is in flight; bounded in rows and bytes. */
  private take(): Queued[] {
    const batch: Queued[] = [];
    const role = this.queue.find((q) => !this.busy.has(sectionOf(q.write)))?.write.role;
    let bytes = 0;
    for (let i = 0; i < this.queue.length && batch.length < BATCH_ROWS;) {
      const q = this.queue[i];
      const section = sectionOf(q.write);
      if (q.write.role !== role || this.busy.has(section)) {
        i++;
        continue;
      }
      if (batch.length && bytes + q.write.json.length > BATCH_BYTES) break;
      bytes += q.write.json.length;
      this.busy.add(section);
      batch.push(q);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async run(batch: Queued[]): Promise<void> {
    let written = new Map<number, SectionWritten>();
    try {
      written = await this.execute(
        batch.map((q) => q.write),
        'skip locked',
      );
    } catch {
      // every write is tried again alone, below
    }
    const again: Queued[] = [];
    for (const [i, q] of batch.entries()) {
      const landed = written.get(i);
      if (!landed) again.push(q);
      else {
        this.busy.delete(sectionOf(q.write));
        q.done(landed);
      }
    }
    // the next batch goes now; a write tried again alone (waiting for a seal, say) holds up only its own section
    this.inFlight--;
    this.schedule();
    await Promise.all(
      again.map((q) =>
        this.execute([q.write], 'wait')
          .then((w) => q.done(w.get(0)), q.fail)
          .finally(() => {
            this.busy.delete(sectionOf(q.write));
            this.schedule();
          }),
      ),
    );
  }

  /**
   * The writes and their audit rows in one statement. Each application row is read FOR SHARE: a
   * seal (which holds it FOR UPDATE while it reads the sections) and a write are serialised, so a
   * write either lands before the snapshot is taken or finds the entry sealed — never a 200 for
   * text the snapshot left out. The grant is the policy's, whose text differs by role only: one
   * prepared statement per role.
   */
  private async execute(writes: SectionWrite[], locks: 'skip locked' | 'wait'): Promise<Map<number, SectionWritten>> {
    const role = writes[0].role;
    const rows = await this.sql.prepared<SectionWritten & { n: number }>(
      `section-writes-${role}-${locks === 'wait' ? 'wait' : 'skip'}`,
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::int[], $5::uuid[]) WITH ORDINALITY
                AS i (application_id, section_key, data, base_version, user_id, n)
       ), allowed AS (
         SELECT i.n FROM input i JOIN applications a ON a.id = i.application_id JOIN cycles c ON c.id = a.cycle_id
          WHERE a.state = 'draft' AND now() < ${EFFECTIVE_DEADLINE_SQL}
            AND ${applicationAccessSql(role, 'write', { app: 'a', user: 'i.user_id' })}
            FOR SHARE OF a${locks === 'wait' ? '' : ' SKIP LOCKED'}
       ), written AS (
         UPDATE application_sections s
            SET data = i.data, version = s.version + 1, updated_by = i.user_id, updated_at = now()
           FROM input i JOIN allowed USING (n)
          WHERE s.application_id = i.application_id AND s.section_key = i.section_key AND s.version = i.base_version
          RETURNING i.n, i.application_id, i.section_key, i.user_id, s.version, s.updated_at
       ), audited AS (
         INSERT INTO audit_log (actor_id, actor_role, action, application_id, entity, entity_id, details)
         SELECT user_id, $6, 'section.write', application_id, 'section', section_key, jsonb_build_object('version', version) FROM written
       )
       SELECT n::int, version, updated_at FROM written`,
      [
        writes.map((w) => w.applicationId),
        writes.map((w) => w.key),
        writes.map((w) => w.json),
        writes.map((w) => w.baseVersion),
        writes.map((w) => w.userId),
        role,
      ],
    );
    return new Map(rows.map((r) => [r.n - 1, { version: r.version, updated_at: r.updated_at }]));
  }
}

const sectionOf = (w: SectionWrite) => `${w.applicationId.toLowerCase()}/${w.key}`;

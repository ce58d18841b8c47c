import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Actor } from '../../common/auth/actor';
import { DomainError, notFound, validationError, wrongState } from '../../common/errors/domain-error';
import { computeSection } from '../../form/computed-values';
import { parseInstant } from '../../common/time/instant';
import { isoInZone } from '../../common/time/zoned-time';
import { checkApplication } from '../../form/completeness';
import type { SectionContext, SectionData } from '../../form/field-types';
import { SectionRegistry } from '../../form/section-registry';
import { Sql, type SqlTx } from '../../infra/database/sql';
import { accessColumns, assertAccess, UUID, type AccessGrants } from '../applications/application-access.policy';
import { assertBeforeDeadline } from '../applications/deadline';
import { etagOf } from '../applications/etag';
import { AuditService } from '../audit/audit.service';
import { DossiersService } from '../dossiers/dossiers.service';
import { OutboxService } from '../notifications/outbox.service';
import { canonicalJson } from './canonical-json';
import { APPLICANT_MEMBERSHIPS } from '../../common/sql/applicant-memberships';
import { TRANSITIONS, type Action } from './transitions';

/** Bumped when the snapshot document's layout changes; part of what is hashed. */
export const SNAPSHOT_FORMAT = 1;

interface LockedApplication extends AccessGrants {
  id: string;
  state: string;
  version: number;
  organisation_id: string;
  organisation_name: string;
  entry_code: string;
  nomination: unknown;
  cycle_id: string;
  cycle_name: string;
  time_zone: string;
  submission_deadline: Date;
  deadline_extension: Date | null;
  category_id: string;
  category_code: string;
  snapshot_id: string | null;
}

export interface TransitionResult {
  id: string;
  state: string;
  version: number;
  etag: string;
  snapshotId?: string;
  sha256?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Moves applications through their life cycle. Every transition runs in one transaction that
 * holds the application's row lock, so double clicks and races have one outcome: the first
 * request moves the state, the others find it moved and get 409.
 */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly db: Sql,
    private readonly registry: SectionRegistry,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly dossiers: DossiersService,
  ) {}

  async transition(
    actor: Actor,
    id: string,
    action: Action,
    opts: { reason?: string; baseVersion?: number } = {},
  ): Promise<TransitionResult> {
    const t = TRANSITIONS[action];
    const notifications: string[] = [];
    const result = await this.db.transaction(async (tx) => {
      const app = await this.lock(tx, actor, id);
      assertAccess(app, t.by === 'applicant' ? 'write' : 'manage');
      if (!(t.from as readonly string[]).includes(app.state)) throw wrongState(app.state);
      if (opts.baseVersion !== undefined && opts.baseVersion !== app.version) {
        throw new DomainError('precondition_failed', 'stale_version', [
          { path: 'If-Match', code: 'stale_version', params: { currentVersion: app.version } },
        ]);
      }
      if (t.beforeDeadline) assertBeforeDeadline(app);
      if (action === 'return' && !opts.reason?.trim()) throw validationError([{ path: 'reason', code: 'required' }]);

      let snapshot: { id: string; sha256: string } | undefined;
      if (action === 'seal') snapshot = await this.seal(tx, actor, app);
      if (action === 'submit') await this.requireStampedReceipt(tx, app);
      if (action === 'unseal' || action === 'return') {
        await tx.run('UPDATE snapshots SET superseded_at = now() WHERE id = $1 AND superseded_at IS NULL', [app.snapshot_id]);
      }

      const [row] = await tx.rows<{ version: number }>(
        `UPDATE applications SET state = $2, version = version + 1, updated_at = now(), state_changed_at = now(),
                snapshot_id = $3, return_reason = $4
          WHERE id = $1 RETURNING version`,
        [
          id,
          t.to,
          action === 'seal' ? snapshot!.id : t.to === 'draft' ? null : app.snapshot_id,
          action === 'return' ? opts.reason!.trim() : null, // shown to the applicant until the next transition
        ],
      );
      const snapshotSha = snapshot?.sha256 ?? (app.snapshot_id ? await this.snapshotSha(tx, app.snapshot_id) : null);
      await this.audit.record(
        {
          action: `application.${action}`,
          actor,
          applicationId: id,
          entity: 'application',
          entityId: id,
          fromState: app.state,
          toState: t.to,
          snapshotSha256: snapshotSha,
          details: opts.reason ? { reason: opts.reason.trim() } : {},
        },
        tx,
      );
      notifications.push(...(await this.notify(tx, action, app, { reason: opts.reason?.trim(), sha256: snapshotSha })));
      return {
        id,
        state: t.to,
        version: row.version,
        etag: etagOf(row.version),
        ...(snapshot ? { snapshotId: snapshot.id, sha256: snapshot.sha256 } : {}),
      };
    });
    await this.outbox.enqueue(notifications); // only once committed
    if (result.snapshotId) await this.dossiers.afterSeal(result.snapshotId); // the applicant's copy renders at once
    return result;
  }

  /** Staff grant one application more time than the cycle's deadline. */
  async extendDeadline(actor: Actor, id: string, until: string, reason: string) {
    return this.db.transaction(async (tx) => {
      const app = await this.lock(tx, actor, id);
      assertAccess(app, 'manage');
      const at = parseInstant(until)!; // checked by the DTO (IsInstant)
      await tx.run('UPDATE applications SET deadline_extension = $2, updated_at = now() WHERE id = $1', [id, at.toISOString()]);
      await this.audit.record(
        { action: 'application.extension', actor, applicationId: id, entity: 'application', entityId: id, details: { until, reason } },
        tx,
      );
      return { id, deadline: isoInZone(at, app.time_zone), extended: true };
    });
  }

  private async lock(tx: SqlTx, actor: Actor, id: string): Promise<LockedApplication> {
    if (!UUID.test(id)) throw notFound();
    const [app] = await tx.rows<LockedApplication>(
      `SELECT a.id, a.state, a.version, a.organisation_id, o.name AS organisation_name, a.entry_code, a.nomination,
              c.id AS cycle_id, c.name AS cycle_name, c.time_zone, c.submission_deadline, a.deadline_extension,
              k.id AS category_id, k.code AS category_code, a.snapshot_id,
              ${accessColumns(actor.role, { app: 'a', user: '$2' })}
         FROM applications a JOIN organisations o ON o.id = a.organisation_id
         JOIN cycles c ON c.id = a.cycle_id JOIN categories k ON k.id = a.category_id
        WHERE a.id = $1 FOR UPDATE OF a`,
      [id, actor.userId],
    );
    assertAccess(app, 'read');
    return app;
  }

  /** Completeness must pass; then the canonical snapshot is frozen and hashed. */
  private async seal(tx: SqlTx, actor: Actor, app: LockedApplication): Promise<{ id: string; sha256: string }> {
    const rows = await tx.rows<{ section_key: string; data: SectionData }>(
      'SELECT section_key, data FROM application_sections WHERE application_id = $1',
      [app.id],
    );
    const sections = Object.fromEntries(rows.map((r) => [r.section_key, r.data]));
    const attachments = await tx.rows<{ id: string; kind: string; sha256: string }>(
      `SELECT id, kind, sha256 FROM attachments WHERE application_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
      [app.id],
    );
    const issues = checkApplication(this.registry, sections, new Map(attachments.map((a) => [a.id, a.kind])));
    if (issues.length) {
      throw new DomainError(
        'unprocessable',
        'incomplete',
        issues.map((i) => ({ path: `${i.section}.${i.path}`, code: i.code, params: i.params })),
      );
    }
    const ctx: SectionContext = { section: (k) => sections[k] ?? {} };
    const document = {
      format: SNAPSHOT_FORMAT,
      application: {
        id: app.id,
        entryCode: app.entry_code,
        cycle: { id: app.cycle_id, name: app.cycle_name },
        category: { id: app.category_id, code: app.category_code },
        organisation: { id: app.organisation_id, name: app.organisation_name },
        nomination: app.nomination,
      },
      sections: Object.fromEntries(this.registry.all().map((d) => [d.key, sections[d.key] ?? {}])),
      computed: Object.fromEntries(
        this.registry
          .all()
          .filter((d) => d.compute)
          .map((d) => [d.key, computeSection(d, sections[d.key] ?? {}, ctx)]),
      ),
      attachments: attachments.map((a) => ({ id: a.id, kind: a.kind, sha256: a.sha256 })),
    };
    const canonical = canonicalJson(document);
    const hash = sha256(canonical);
    const [snap] = await tx.rows<{ id: string }>(
      'INSERT INTO snapshots (application_id, canonical, sha256, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
      [app.id, canonical, hash, actor.userId],
    );
    return { id: snap.id, sha256: hash };
  }

  /** Submitting needs the receipt page printed from the dossier, stamped, scanned and uploaded. */
  private async requireStampedReceipt(tx: SqlTx, app: LockedApplication): Promise<void> {
    const [row] = await tx.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM attachments WHERE application_id = $1 AND kind = 'stamped_receipt' AND deleted_at IS NULL`,
      [app.id],
    );
    if (!row.n) throw new DomainError('unprocessable', 'incomplete', [{ path: 'receipt.stampedReceipt', code: 'required' }]);
  }

  private async snapshotSha(tx: SqlTx, id: string): Promise<string | null> {
    const row = await tx.one<{ sha256: string }>('SELECT sha256 FROM snapshots WHERE id = $1', [id]);
    return row?.sha256 ?? null;
  }

  /** An outbox row in the same transaction; a job delivers it after commit. Returns its id. */
  private async notify(tx: SqlTx, action: Action, app: LockedApplication, payload: Record<string, unknown>): Promise<string[]> {
    const kind = { seal: 'sealed', submit: 'submitted', return: 'returned', accept: 'accepted', reject: 'rejected' }[action as string];
    if (!kind) return [];
    const rows = await tx.rows<{ id: string }>(
      `INSERT INTO notification_outbox (kind, application_id, recipient_user_ids, payload)
       SELECT $1, $2, coalesce(array_agg(user_id), '{}'), $3 FROM ${APPLICANT_MEMBERSHIPS} m WHERE organisation_id = $4 RETURNING id`,
      [kind, app.id, JSON.stringify({ entryCode: app.entry_code, cycle: app.cycle_name, ...payload }), app.organisation_id],
    );
    return rows.map((r) => r.id);
  }
}

import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { DomainError, notFound, validationError } from '../../common/errors/domain-error';
import { message, type Lang } from '../../common/i18n/messages';
import { SectionRegistry } from '../../form/section-registry';
import { Sql } from '../../infra/database/sql';
import { UUID } from '../applications/application-access.policy';
import { dossierTemplate } from '../dossiers/dossier-template';
import { verifyStored } from '../workflow/snapshots.service';
import { WorkflowService } from '../workflow/workflow.service';
import { EntriesService } from './entries.service';
import { diffDocuments } from './snapshot-diff';
import type { BulkAction } from './staff.dto';
import type { BulkResultResponse, ScreeningResponse } from './staff.response';

const HTTP_STATUS: Record<string, number> = {
  validation: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
};

/** Screening decisions on many entries, snapshot comparisons and the staff entry page's facts. */
@Injectable()
export class ScreeningService {
  constructor(
    private readonly sql: Sql,
    private readonly workflow: WorkflowService,
    private readonly entries: EntriesService,
    private readonly registry: SectionRegistry,
  ) {}

  /**
   * One decision for many entries. Each entry is its own transition (its own transaction under
   * its row lock, audit row and mail): an entry is moved entirely or not at all, and one refusal
   * stops none of the others. An entry of another cycle is refused (409 other_cycle) untouched;
   * an entry another staff member moved first answers 409 wrong_state with the state it is in.
   */
  async bulk(actor: Actor, cycleId: string, action: BulkAction, ids: string[], reason: string | undefined, lang: Lang) {
    if (action === 'return' && !reason?.trim()) throw validationError([{ path: 'reason', code: 'required' }]);
    const cycle = await this.sql.one<{ id: string }>('SELECT id FROM cycles WHERE id = $1', [cycleId]);
    if (!cycle) throw validationError([{ path: 'cycleId', code: 'not_found' }]);
    const found = await this.sql.rows<{ id: string; cycle_id: string; state: string }>(
      'SELECT id, cycle_id, state FROM applications WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const byId = new Map(found.map((r) => [r.id, r]));
    const results: BulkResultResponse[] = [];
    for (const id of ids) {
      const row = byId.get(id.toLowerCase());
      if (!row) {
        results.push(refusal(id, null, 404, 'not_found', lang));
        continue;
      }
      if (row.cycle_id !== cycleId) {
        results.push(refusal(id, row.state, 409, 'other_cycle', lang));
        continue;
      }
      try {
        const done = await this.workflow.transition(actor, row.id, action, { reason: reason?.trim() });
        results.push({ id, ok: true, state: done.state as BulkResultResponse['state'] });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const now = await this.sql.one<{ state: string }>('SELECT state FROM applications WHERE id = $1', [row.id]);
        const params = e.details[0]?.params ?? e.params;
        results.push(refusal(id, now?.state ?? null, HTTP_STATUS[e.kind] ?? 409, e.code, lang, params));
      }
    }
    const succeeded = results.filter((r) => r.ok).length;
    return { action, results, succeeded, failed: results.length - succeeded };
  }

  /** Field-level differences between two snapshots of the same entry, labelled from the form descriptor. */
  async diff(applicationId: string, from: string, to: string) {
    if (!UUID.test(applicationId)) throw notFound();
    const snaps = await this.sql.rows<{ id: string; application_id: string; canonical: string }>(
      'SELECT id, application_id, canonical FROM snapshots WHERE id = ANY($1::uuid[])',
      [[from, to]],
    );
    const app = await this.sql.one<{ id: string }>('SELECT id FROM applications WHERE id = $1', [applicationId]);
    if (!app) throw notFound();
    const before = snaps.find((s) => s.id === from.toLowerCase());
    const after = snaps.find((s) => s.id === to.toLowerCase());
    const details = [
      ...(before?.application_id === applicationId ? [] : [{ path: 'from', code: 'not_found' }]),
      ...(after?.application_id === applicationId ? [] : [{ path: 'to', code: 'not_found' }]),
    ];
    if (details.length) throw validationError(details);
    return {
      from: before!.id,
      to: after!.id,
      changes: diffDocuments(this.registry, JSON.parse(before!.canonical), JSON.parse(after!.canonical)),
    };
  }

  /** What the staff entry page shows beyond the application itself. */
  async detail(applicationId: string): Promise<ScreeningResponse> {
    if (!UUID.test(applicationId)) throw notFound();
    const entry = await this.entries.one(applicationId);
    const app = (await this.sql.one<{ return_reason: string | null; snapshot_id: string | null; entry_code: string }>(
      'SELECT return_reason, snapshot_id, entry_code FROM applications WHERE id = $1',
      [applicationId],
    ))!;
    const [receipts, snapshots, audit, current, copies] = await Promise.all([
      this.sql.rows<{
        id: string;
        created_at: Date;
        receipt_check: string | null;
        receipt_decoded: string | null;
        receipt_checked_at: Date | null;
      }>(
        `SELECT id, created_at, receipt_check, receipt_decoded, receipt_checked_at FROM attachments
          WHERE application_id = $1 AND kind = 'stamped_receipt' AND deleted_at IS NULL ORDER BY created_at DESC`,
        [applicationId],
      ),
      this.sql.rows<{ id: string; sha256: string; created_at: Date; superseded_at: Date | null }>(
        'SELECT id, sha256, created_at, superseded_at FROM snapshots WHERE application_id = $1 ORDER BY created_at DESC',
        [applicationId],
      ),
      this.sql.rows<{
        id: string;
        at: Date;
        action: string;
        actor_name: string | null;
        actor_role: string | null;
        from_state: string | null;
        to_state: string | null;
        snapshot_sha256: string | null;
        details: Record<string, unknown> | null;
      }>(
        `SELECT l.id::text, l.at, l.action, u.name AS actor_name, l.actor_role, l.from_state, l.to_state, l.snapshot_sha256, l.details
           FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
          WHERE l.application_id = $1 AND l.action <> 'section.write' ORDER BY l.at DESC, l.id DESC LIMIT 200`,
        [applicationId],
      ),
      app.snapshot_id
        ? this.sql.one<{ id: string; canonical: string; sha256: string }>('SELECT id, canonical, sha256 FROM snapshots WHERE id = $1', [
            app.snapshot_id,
          ])
        : Promise.resolve(undefined),
      app.snapshot_id
        ? this.sql.rows<{ variant: string; viewer: string; status: string }>(
            'SELECT variant, viewer, status FROM dossiers WHERE snapshot_id = $1 AND template_version = $2',
            [app.snapshot_id, dossierTemplate().version],
          )
        : Promise.resolve([]),
    ]);
    const verification = current ? verifyStored(current.id, current.canonical, current.sha256) : null;
    const href = `/api/applications/${applicationId}/dossier`;
    const copy = (variant: string, viewer: string, blind: boolean, query: string) => ({
      variant,
      blind,
      status: copies.find((c) => c.variant === variant && (variant !== 'judge' || c.viewer.endsWith(viewer)))?.status ?? 'missing',
      href: `${href}${query}`,
    });
    return {
      entry,
      returnReason: app.return_reason,
      receipts: receipts.map((r) => ({
        attachmentId: r.id,
        uploadedAt: r.created_at.toISOString(),
        check: r.receipt_check ?? 'pending',
        decoded: r.receipt_decoded,
        decodedHash: r.receipt_decoded?.split('|')[2] ?? null,
        sealedHash: current?.sha256 ?? null,
        checkedAt: r.receipt_checked_at?.toISOString() ?? null,
      })),
      verification: verification
        ? { snapshotId: verification.id, valid: verification.valid, expected: verification.expected, actual: verification.actual }
        : null,
      snapshots: snapshots.map((s) => ({
        id: s.id,
        sha256: s.sha256,
        createdAt: s.created_at.toISOString(),
        supersededAt: s.superseded_at?.toISOString() ?? null,
      })),
      dossiers: app.snapshot_id
        ? [
            copy('staff', '', false, '?variant=staff'),
            copy('applicant', '', false, '?variant=applicant'),
            copy('judge', '/blind', true, '?variant=judge&blind=true'),
            copy('judge', '/open', false, '?variant=judge&blind=false'),
          ]
        : [],
      audit: audit.map((l) => ({
        id: l.id,
        at: l.at.toISOString(),
        action: l.action,
        actorName: l.actor_name,
        actorRole: l.actor_role,
        fromState: l.from_state,
        toState: l.to_state,
        snapshotSha256: l.snapshot_sha256,
        details: l.details,
      })),
    };
  }
}

function refusal(
  id: string,
  state: string | null,
  statusCode: number,
  code: string,
  lang: Lang,
  params: Record<string, unknown> = {},
): BulkResultResponse {
  return { id, ok: false, state: state as BulkResultResponse['state'], error: { statusCode, code, message: message(code, lang, params) } };
}

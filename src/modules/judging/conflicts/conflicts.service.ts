import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/auth/actor';
import { notFound } from '../../../common/errors/domain-error';
import { Sql, type SqlRunner } from '../../../infra/database/sql';
import { AuditService } from '../../audit/audit.service';
import { AssignmentsService } from '../assignments/assignments.service';
import { conflictOn } from '../judging-errors';
import { inferConflicts } from './conflict-inference';
import type { DeclareConflictDto } from './conflicts.dto';
import { judgeOnCyclePanelSql } from '../assignments/judge-access';

/** Applications that are entries of a cycle: submitted and onwards, neither rejected nor withdrawn. */
export const ENTRY_STATES = ['submitted', 'accepted', 'in_review', 'finalist', 'awarded', 'not_awarded'];

const DECLARED_REASON: Record<string, string> = {
  employment: '任职 / employment',
  consulting: '咨询服务 / consulting',
  competitor: '竞争关系 / competitor',
  family: '亲属关系 / family',
  other: '其他 / other',
};

/**
 * Conflicts of interest. Declared ones come from the judge; inferred ones are computed by the
 * server and STORED (so staff can dismiss them by id and the access policy reads them in SQL):
 * `refresh` recomputes a cycle's inferred conflicts for some judges — run when a judge joins a
 * panel, when a round opens, when a panel judge changes their profile and when staff list a
 * round's conflicts (and, next step, before any assignment). New ones are inserted, ones whose
 * reason is gone are deleted unless staff dismissed them; a dismissal is kept.
 */
@Injectable()
export class ConflictsService {
  constructor(
    private readonly sql: Sql,
    private readonly audit: AuditService,
    private readonly assignments: AssignmentsService,
  ) {}

  /**
   * The organisations with an entry in the cycle, shuffled, for a judge on the panel of one of its
   * draft or open rounds who accepted its terms (else 404).
   */
  async entrants(actor: Actor, cycleId: string) {
    const accepted = await this.sql.one(
      `SELECT 1 FROM confidentiality_acceptances ca
        WHERE ca.cycle_id = $1 AND ca.judge_id = $2 AND ${judgeOnCyclePanelSql({ cycle: 'ca.cycle_id', user: '$2' })}`,
      [cycleId, actor.userId],
    );
    if (!accepted) throw notFound();
    const rows = await this.sql.rows<{ id: string; name: string }>(
      `SELECT o.id, o.name FROM organisations o
        WHERE EXISTS (SELECT 1 FROM applications a WHERE a.organisation_id = o.id AND a.cycle_id = $1 AND a.state = ANY($2::text[]))
        ORDER BY random()`,
      [cycleId, ENTRY_STATES],
    );
    return rows.map((r) => ({ organisationId: r.id, name: r.name }));
  }

  /**
   * A judge declares a conflict with an organisation that has an entry in a cycle whose terms the
   * judge accepted (any other id: 404). It holds for every cycle. Live assignments of the judge to
   * that organisation's entries are removed (their reviews stay, not counted), each audited.
   */
  async declare(actor: Actor, dto: DeclareConflictDto) {
    return this.sql.transaction(async (tx) => {
      const visible = await tx.one(
        `SELECT 1 FROM applications a JOIN confidentiality_acceptances c ON c.cycle_id = a.cycle_id AND c.judge_id = $2
          WHERE a.organisation_id = $1 AND a.state = ANY($3::text[]) LIMIT 1`,
        [dto.organisationId, actor.userId, ENTRY_STATES],
      );
      if (!visible) throw notFound();
      const note = dto.note?.trim() || null;
      const row = await tx.one<{ id: string }>(
        `INSERT INTO conflicts (judge_id, organisation_id, source, kind, reason, note) VALUES ($1, $2, 'declared', $3, $4, $5) RETURNING id`,
        [actor.userId, dto.organisationId, dto.kind, DECLARED_REASON[dto.kind], note],
      );
      await this.audit.record(
        {
          action: 'conflict.declare',
          actor,
          entity: 'conflict',
          entityId: row!.id,
          details: { organisationId: dto.organisationId, kind: dto.kind, note },
        },
        tx,
      );
      // live assignments to the organisation's entries go (their reviews stay in the audit trail,
      // not counted) and each entry is refilled from the panel, or reported short
      const outcome = await this.assignments.onConflict(actor.userId, dto.organisationId, actor, tx);
      return {
        id: row!.id,
        organisationId: dto.organisationId,
        kind: dto.kind,
        source: 'declared',
        note,
        removedAssignments: outcome.removed.length,
      };
    });
  }

  /** The judge's own declarations (inferred ones are staff business), newest first. */
  async mine(actor: Actor) {
    const rows = await this.sql.rows<{
      id: string;
      organisation_id: string;
      organisation_name: string;
      kind: string;
      note: string | null;
      created_at: Date;
    }>(
      `SELECT c.id, c.organisation_id, o.name AS organisation_name, c.kind, c.note, c.created_at
         FROM conflicts c JOIN organisations o ON o.id = c.organisation_id
        WHERE c.judge_id = $1 AND c.source = 'declared'
        ORDER BY c.created_at DESC, o.name`,
      [actor.userId],
    );
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      kind: r.kind,
      note: r.note,
      declaredAt: r.created_at.toISOString(),
    }));
  }

  /** Recompute the inferred conflicts of `judgeIds` with the cycle's entrants (see the class comment). */
  async refresh(tx: SqlRunner, cycleId: string, judgeIds: readonly string[], actor?: Actor): Promise<void> {
    if (!judgeIds.length) return;
    const judges = await tx.rows<{ id: string; email: string; employer_uscc: string | null; group_name: string | null }>(
      `SELECT u.id, u.email, p.employer_uscc, p.group_name FROM users u LEFT JOIN judge_profiles p ON p.user_id = u.id
        WHERE u.id = ANY($1::uuid[]) AND u.role = 'judge'`,
      [judgeIds],
    );
    const orgs = await tx.rows<{
      id: string;
      uscc: string | null;
      parent_group: string | null;
      website: string | null;
      contact_email: string | null;
    }>(
      `SELECT DISTINCT ON (o.id) o.id, o.uscc, o.parent_group,
              s.data #>> '{enterprise,website}' AS website, s.data #>> '{contact,email}' AS contact_email
         FROM applications a JOIN organisations o ON o.id = a.organisation_id
         LEFT JOIN application_sections s ON s.application_id = a.id AND s.section_key = 'basics'
        WHERE a.cycle_id = $1 AND a.state = ANY($2::text[])
        ORDER BY o.id, a.updated_at DESC`,
      [cycleId, ENTRY_STATES],
    );
    const found = inferConflicts(
      judges.map((j) => ({ id: j.id, email: j.email, employerUscc: j.employer_uscc, group: j.group_name })),
      orgs.map((o) => ({ id: o.id, uscc: o.uscc, parentGroup: o.parent_group, website: o.website, contactEmail: o.contact_email })),
    );
    const cols = [found.map((c) => c.judgeId), found.map((c) => c.organisationId), found.map((c) => c.kind), found.map((c) => c.reason)];
    const inserted = await tx.rows<{ id: string; judge_id: string; organisation_id: string; kind: string }>(
      `INSERT INTO conflicts (judge_id, organisation_id, cycle_id, source, kind, reason)
       SELECT j, o, $1, 'inferred', k, r FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[]) AS x(j, o, k, r)
       ON CONFLICT (judge_id, organisation_id, cycle_id, kind) WHERE source = 'inferred' DO NOTHING
       RETURNING id, judge_id, organisation_id, kind`,
      [cycleId, ...cols],
    );
    const stale = await tx.rows<{ id: string; judge_id: string; organisation_id: string; kind: string }>(
      `DELETE FROM conflicts c WHERE c.source = 'inferred' AND c.cycle_id = $1 AND c.judge_id = ANY($2::uuid[]) AND c.dismissed_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS x(j, o, k)
                           WHERE x.j = c.judge_id AND x.o = c.organisation_id AND x.k = c.kind)
       RETURNING id, judge_id, organisation_id, kind`,
      [cycleId, judgeIds, ...cols.slice(0, 3)],
    );
    // a conflict found after assignment removes the assignment and refills the entry, as a declared one does
    for (const c of inserted) await this.assignments.onConflict(c.judge_id, c.organisation_id, actor ?? null, tx);
    for (const [action, rows] of [
      ['conflict.infer', inserted],
      ['conflict.infer_lapse', stale],
    ] as const)
      for (const c of rows)
        await this.audit.record(
          {
            action,
            actor: actor ?? null,
            entity: 'conflict',
            entityId: c.id,
            details: { judgeId: c.judge_id, organisationId: c.organisation_id, cycleId, kind: c.kind },
          },
          tx,
        );
  }

  /** Refresh for every round the judge is on (after a profile change). */
  async refreshForJudge(tx: SqlRunner, judgeId: string, actor?: Actor): Promise<void> {
    const cycles = await tx.rows<{ cycle_id: string }>(
      `SELECT DISTINCT r.cycle_id FROM round_judges j JOIN rounds r ON r.id = j.round_id WHERE j.judge_id = $1 AND r.state <> 'closed'`,
      [judgeId],
    );
    for (const c of cycles) await this.refresh(tx, c.cycle_id, [judgeId], actor);
  }

  /** Refresh for a round's whole panel. */
  async refreshForRound(tx: SqlRunner, roundId: string, actor?: Actor): Promise<void> {
    const round = await tx.one<{ cycle_id: string; judges: string[] }>(
      `SELECT r.cycle_id, coalesce(array_agg(j.judge_id) FILTER (WHERE j.judge_id IS NOT NULL), '{}') AS judges
         FROM rounds r LEFT JOIN round_judges j ON j.round_id = r.id WHERE r.id = $1 GROUP BY r.cycle_id`,
      [roundId],
    );
    if (round) await this.refresh(tx, round.cycle_id, round.judges, actor);
  }

  /** Staff: the conflicts between the round's panel and the cycle's entrants, inferred ones brought up to date first. */
  async listForRound(actor: Actor, roundId: string) {
    const round = await this.sql.one<{ cycle_id: string }>('SELECT cycle_id FROM rounds WHERE id = $1', [roundId]);
    if (!round) throw notFound();
    await this.sql.transaction((tx) => this.refreshForRound(tx, roundId, actor));
    const rows = await this.sql.rows<{
      id: string;
      judge_id: string;
      judge_name: string;
      organisation_id: string;
      organisation_name: string;
      source: string;
      kind: string;
      reason: string;
      note: string | null;
      dismissed_at: Date | null;
      dismiss_reason: string | null;
    }>(
      `SELECT c.id, c.judge_id, u.name AS judge_name, c.organisation_id, o.name AS organisation_name, c.source, c.kind, c.reason, c.note,
              c.dismissed_at, c.dismiss_reason
         FROM conflicts c JOIN round_judges j ON j.judge_id = c.judge_id AND j.round_id = $1
         JOIN users u ON u.id = c.judge_id JOIN organisations o ON o.id = c.organisation_id
        WHERE (c.cycle_id IS NULL OR c.cycle_id = $2)
          AND EXISTS (SELECT 1 FROM applications a WHERE a.organisation_id = c.organisation_id AND a.cycle_id = $2 AND a.state = ANY($3::text[]))
        ORDER BY u.name, o.name, c.created_at`,
      [roundId, round.cycle_id, ENTRY_STATES],
    );
    return rows.map((r) => ({
      id: r.id,
      judgeId: r.judge_id,
      judgeName: r.judge_name,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      source: r.source,
      kind: r.kind,
      reason: r.reason,
      note: r.note,
      dismissed: r.dismissed_at !== null,
      dismissReason: r.dismiss_reason,
    }));
  }

  /** Staff dismiss an inferred conflict with a reason (audited); a declared one is 409. */
  async dismiss(actor: Actor, id: string, reason: string) {
    return this.sql.transaction(async (tx) => {
      const c = await tx.one<{ source: string; dismissed_at: Date | null; judge_id: string; organisation_id: string }>(
        'SELECT source, dismissed_at, judge_id, organisation_id FROM conflicts WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!c) throw notFound();
      if (c.source === 'declared') throw conflictOn('source', 'conflict_declared', { source: c.source });
      if (c.dismissed_at) throw conflictOn('dismissed', 'conflict_dismissed');
      await tx.run('UPDATE conflicts SET dismissed_at = now(), dismissed_by = $2, dismiss_reason = $3 WHERE id = $1', [
        id,
        actor.userId,
        reason,
      ]);
      await this.audit.record(
        {
          action: 'conflict.dismiss',
          actor,
          entity: 'conflict',
          entityId: id,
          fromState: 'active',
          toState: 'dismissed',
          details: { reason, judgeId: c.judge_id, organisationId: c.organisation_id },
        },
        tx,
      );
      return { id, dismissed: true, dismissReason: reason };
    });
  }
}

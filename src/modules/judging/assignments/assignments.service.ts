import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/auth/actor';
import { DomainError, notFound, validationError } from '../../../common/errors/domain-error';
import { message, type Lang } from '../../../common/i18n/messages';
import { Sql, type SqlRunner } from '../../../infra/database/sql';
import { isoInZone } from '../../../common/time/zoned-time';
import { AuditService } from '../../audit/audit.service';
import { OutboxService } from '../../notifications/outbox.service';
import { solveAssignment } from '../assignment/assigner';
import type { AssignmentPair, AssignmentProblem, AssignmentResult, Shortfall } from '../assignment/assignment-problem';
import { conflictOn, roundWrongState } from '../judging-errors';
import { conflictedSql } from './judge-access';

interface RoundRow {
  id: string;
  cycle_id: string;
  state: 'draft' | 'open' | 'closed';
  reviews_per_application: number;
}

interface EntryRow {
  application_id: string;
  organisation_id: string;
  entry_code: string;
  industry: string | null;
}

interface JudgeRow {
  judge_id: string;
  name: string;
  industries: string[];
  capacity: number | null;
}

interface LiveRow {
  id: string;
  application_id: string;
  judge_id: string;
  review_state: 'draft' | 'submitted' | null;
}

/** Everything the solver needs about a round, read in one place (inside the caller's transaction when applying). */
interface RoundProblem {
  round: RoundRow;
  entries: EntryRow[];
  judges: Array<JudgeRow & { capacity: number }>;
  conflicts: AssignmentPair[];
  live: LiveRow[];
}

export interface AssignmentChange {
  id: string;
  applicationId: string;
  judgeId: string;
}

const pairKey = (p: { entryId: string; judgeId: string }) => `${p.entryId}|${p.judgeId}`;

/**
 * Judges' assignments in a round: the automatic solver (src/modules/judging/assignment/) fed from
 * the round's entries, panel, judge profiles and conflicts; manual additions and removals; the
 * removal and refill when a conflict appears after assignment. Every change is audited.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly sql: Sql,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * `POST /api/rounds/:id/reminders`: one e-mail (an outbox row, delivered after commit) to each
   * judge of the open round with live assignments whose review is not submitted; audited.
   */
  async remind(actor: Actor, roundId: string): Promise<{ queued: number; judgeIds: string[] }> {
    const ids = await this.sql.transaction(async (tx) => {
      const round = await this.lockRound(tx, roundId);
      if (round.state !== 'open') throw roundWrongState(round.state);
      const info = await tx.one<{ name: string; cycle: string; closes_at: Date; time_zone: string }>(
        'SELECT r.name, c.name AS cycle, r.closes_at, c.time_zone FROM rounds r JOIN cycles c ON c.id = r.cycle_id WHERE r.id = $1',
        [roundId],
      );
      const rows = await tx.rows<{ id: string; judge_id: string }>(
        `INSERT INTO notification_outbox (kind, recipient_user_ids, payload)
         SELECT 'review_reminder', ARRAY[p.judge_id],
                jsonb_build_object('round', $2::text, 'cycle', $3::text, 'closesAt', $4::text, 'pending', p.pending, 'roundId', $1::text)
           FROM (SELECT x.judge_id, count(*)::int AS pending FROM assignments x LEFT JOIN reviews v ON v.assignment_id = x.id
                  WHERE x.round_id = $1 AND x.state = 'assigned' AND (v.state IS NULL OR v.state <> 'submitted')
                  GROUP BY x.judge_id) p
         RETURNING id, recipient_user_ids[1] AS judge_id`,
        [roundId, info!.name, info!.cycle, isoInZone(info!.closes_at, info!.time_zone)],
      );
      await this.audit.record(
        {
          action: 'round.reminders',
          actor,
          entity: 'round',
          entityId: roundId,
          details: { judges: rows.map((r) => r.judge_id) },
        },
        tx,
      );
      return rows;
    });
    await this.outbox.enqueue(ids.map((r) => r.id));
    return { queued: ids.length, judgeIds: ids.map((r) => r.judge_id).sort() };
  }

  /**
   * `POST /api/rounds/:id/assignments/auto`. A dry run previews; otherwise the answer is applied
   * (diff against the live assignment: pairs with a submitted review are kept whatever happens,
   * the rest move as little as the higher goals allow).
   */
  async auto(actor: Actor, roundId: string, dryRun: boolean, lang: Lang) {
    if (dryRun) {
      const problem = await this.load(this.sql, roundId);
      if (problem.round.state !== 'open') throw roundWrongState(problem.round.state);
      const result = solveAssignment(this.problemOf(problem));
      return { dryRun: true, ...this.describe(problem, result, lang), added: [], removed: [], diff: this.diffOf(problem, result) };
    }
    return this.sql.transaction(async (tx) => {
      await this.lockRound(tx, roundId);
      const problem = await this.load(tx, roundId);
      if (problem.round.state !== 'open') throw roundWrongState(problem.round.state);
      const result = solveAssignment(this.problemOf(problem));
      const diff = this.diffOf(problem, result);
      const wanted = new Set(result.assignments.map(pairKey));
      const liveKeys = new Map(problem.live.map((l) => [pairKey({ entryId: l.application_id, judgeId: l.judge_id }), l]));
      const removed = problem.live.filter((l) => !wanted.has(pairKey({ entryId: l.application_id, judgeId: l.judge_id })));
      const toAdd = result.assignments.filter((p) => !liveKeys.has(pairKey(p)));
      const removedOut = await this.remove(tx, actor, removed, 'reassigned');
      const added = await this.insert(tx, actor, roundId, toAdd, 'auto');
      await this.audit.record(
        {
          action: 'assignments.auto',
          actor,
          entity: 'round',
          entityId: roundId,
          details: {
            added: added.length,
            removed: removedOut.length,
            assigned: result.objective.assigned,
            shortfalls: result.shortfalls.map((s) => ({ applicationId: s.entryId, missing: s.missing, code: s.reason.code })),
          },
        },
        tx,
      );
      return {
        dryRun: false,
        ...this.describe(problem, result, lang),
        added,
        removed: removedOut,
        diff: { ...diff, added: added.map((a) => ({ assignmentId: a.id, applicationId: a.applicationId, judgeId: a.judgeId })) },
      };
    });
  }

  /** `GET /api/rounds/:id/assignments`: live assignments with judge names, entry codes and progress. */
  async list(roundId: string) {
    await this.roundOrThrow(this.sql, roundId);
    const rows = await this.sql.rows<{
      id: string;
      application_id: string;
      entry_code: string;
      judge_id: string;
      judge_name: string;
      created_at: Date;
      review_state: 'draft' | 'submitted' | null;
      total: string | null;
    }>(
      `SELECT x.id, x.application_id, a.entry_code, x.judge_id, u.name AS judge_name, x.created_at, v.state AS review_state, v.total
         FROM assignments x JOIN applications a ON a.id = x.application_id JOIN users u ON u.id = x.judge_id
         LEFT JOIN reviews v ON v.assignment_id = x.id
        WHERE x.round_id = $1 AND x.state = 'assigned' ORDER BY a.entry_code, u.name, x.judge_id`,
      [roundId],
    );
    const progress = (list: typeof rows) => ({
      assigned: list.length,
      draft: list.filter((r) => r.review_state === 'draft').length,
      submitted: list.filter((r) => r.review_state === 'submitted').length,
    });
    const byJudge = groupBy(rows, (r) => r.judge_id);
    const byEntry = groupBy(rows, (r) => r.application_id);
    return rows.map((r) => ({
      id: r.id,
      roundId,
      applicationId: r.application_id,
      entryCode: r.entry_code,
      judgeId: r.judge_id,
      judgeName: r.judge_name,
      reviewState: r.review_state ?? 'none',
      total: r.review_state === 'submitted' && r.total !== null ? Number(r.total) : null,
      createdAt: r.created_at.toISOString(),
      judgeProgress: progress(byJudge.get(r.judge_id) ?? []),
      entryProgress: progress(byEntry.get(r.application_id) ?? []),
    }));
  }

  /**
   * `GET /api/rounds/:id/assignments/matrix`: what the staff's entries × judges matrix shows — the
   * round's entries (with the company: staff see it in blind rounds too), the panel with capacity
   * and load, the live pairs and the pairs a standing conflict rules out (as the solver sees them).
   */
  async matrix(roundId: string) {
    const problem = await this.load(this.sql, roundId);
    const extra = await this.sql.one<{ blind: boolean }>('SELECT blind FROM rounds WHERE id = $1', [roundId]);
    const companies = await this.sql.rows<{ application_id: string; company: string }>(
      `SELECT e.application_id,
              coalesce(nullif(btrim(s.canonical::jsonb #>> '{sections,basics,enterprise,name}'), ''),
                       nullif(btrim(b.data #>> '{enterprise,name}'), ''), o.name) AS company
         FROM round_entries e JOIN applications a ON a.id = e.application_id JOIN organisations o ON o.id = a.organisation_id
         LEFT JOIN snapshots s ON s.id = a.snapshot_id
         LEFT JOIN application_sections b ON b.application_id = a.id AND b.section_key = 'basics'
        WHERE e.round_id = $1`,
      [roundId],
    );
    const company = new Map(companies.map((c) => [c.application_id, c.company]));
    const byJudge = groupBy(problem.live, (l) => l.judge_id);
    const byEntry = groupBy(problem.live, (l) => l.application_id);
    return {
      roundId,
      state: problem.round.state,
      blind: extra!.blind,
      reviewsPerApplication: problem.round.reviews_per_application,
      entries: problem.entries.map((e) => ({
        applicationId: e.application_id,
        entryCode: e.entry_code,
        company: company.get(e.application_id) ?? '',
        organisationId: e.organisation_id,
        industry: e.industry,
        assigned: byEntry.get(e.application_id)?.length ?? 0,
      })),
      judges: problem.judges.map((j) => ({
        judgeId: j.judge_id,
        name: j.name,
        capacity: j.capacity,
        count: byJudge.get(j.judge_id)?.length ?? 0,
        industries: j.industries,
      })),
      assignments: problem.live.map((l) => ({
        id: l.id,
        applicationId: l.application_id,
        judgeId: l.judge_id,
        reviewState: l.review_state ?? 'none',
      })),
      conflicts: problem.conflicts.map((c) => ({ applicationId: c.entryId, judgeId: c.judgeId })),
    };
  }

  /** `GET /api/rounds/:id/progress`: per judge and per entry, assigned / draft / submitted. */
  async progress(roundId: string) {
    const problem = await this.load(this.sql, roundId);
    const reviews = new Map(problem.live.map((l) => [l.id, l.review_state]));
    const count = (list: LiveRow[]) => ({
      assigned: list.length,
      draft: list.filter((l) => reviews.get(l.id) === 'draft').length,
      submitted: list.filter((l) => reviews.get(l.id) === 'submitted').length,
    });
    const byJudge = groupBy(problem.live, (l) => l.judge_id);
    const byEntry = groupBy(problem.live, (l) => l.application_id);
    const k = problem.round.reviews_per_application;
    const totals = count(problem.live);
    return {
      roundId,
      state: problem.round.state,
      reviewsPerApplication: k,
      totals: { ...totals, needed: k * problem.entries.length },
      judges: problem.judges.map((j) => ({
        judgeId: j.judge_id,
        name: j.name,
        capacity: j.capacity,
        ...count(byJudge.get(j.judge_id) ?? []),
      })),
      entries: problem.entries.map((e) => {
        const c = count(byEntry.get(e.application_id) ?? []);
        return { applicationId: e.application_id, entryCode: e.entry_code, ...c, missing: Math.max(0, k - c.assigned) };
      }),
    };
  }

  /** `POST /api/rounds/:id/assignments`: one pair by hand; 409 naming why it cannot be. */
  async addManual(actor: Actor, roundId: string, applicationId: string, judgeId: string) {
    const id = await this.sql.transaction(async (tx) => {
      const round = await this.lockRound(tx, roundId);
      if (round.state !== 'open') throw roundWrongState(round.state);
      const problem = await this.load(tx, roundId);
      const entry = problem.entries.find((e) => e.application_id === applicationId);
      if (!entry) throw validationError([{ path: 'applicationId', code: 'not_in_round' }]);
      const judge = problem.judges.find((j) => j.judge_id === judgeId);
      if (!judge) throw validationError([{ path: 'judgeId', code: 'not_on_panel' }]);
      if (problem.live.some((l) => l.application_id === applicationId && l.judge_id === judgeId))
        throw conflictOn('judgeId', 'already_assigned', { judgeId, applicationId });
      if (problem.conflicts.some((c) => c.entryId === applicationId && c.judgeId === judgeId))
        throw conflictOn('judgeId', 'judge_conflicted', { judgeId, applicationId });
      const load = problem.live.filter((l) => l.judge_id === judgeId).length;
      if (load >= judge.capacity) throw conflictOn('judgeId', 'judge_at_capacity', { count: load, capacity: judge.capacity });
      const [added] = await this.insert(tx, actor, roundId, [{ entryId: applicationId, judgeId }], 'manual');
      return added.id;
    });
    return (await this.list(roundId)).find((a) => a.id === id)!;
  }

  /** `DELETE /api/assignments/:id` (staff): the pair ends; a review it has stays in the audit trail, not counted. */
  async removeOne(actor: Actor, assignmentId: string): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const row = await tx.one<{
        id: string;
        round_id: string;
        application_id: string;
        judge_id: string;
        state: string;
        round_state: string;
      }>(
        `SELECT x.id, x.round_id, x.application_id, x.judge_id, x.state, r.state AS round_state
           FROM assignments x JOIN rounds r ON r.id = x.round_id WHERE x.id = $1 FOR UPDATE OF x`,
        [assignmentId],
      );
      if (!row) throw notFound();
      if (row.state !== 'assigned')
        throw new DomainError('conflict', 'wrong_state', [{ path: 'state', code: 'wrong_state', params: { state: row.state } }], {
          state: row.state,
        });
      if (row.round_state === 'closed') throw roundWrongState(row.round_state);
      await this.remove(
        tx,
        actor,
        [{ id: row.id, application_id: row.application_id, judge_id: row.judge_id, review_state: null }],
        'removed_by_staff',
      );
    });
  }

  /**
   * A conflict between `judgeId` and `organisationId` appeared (declared, inferred, or a
   * dismissal undone): every live assignment of that judge to the organisation's entries in a
   * round not yet closed ends (removed_at, reason `conflict`; its review stays in the audit trail
   * and is no longer counted), and each such entry is refilled by the solver for that entry only
   * — or its shortfall reported. Idempotent: nothing to remove, nothing done. With `tx`, runs in
   * the caller's transaction (e.g. the one that inserted the conflict, so the refill sees it);
   * without, after the conflict committed, one transaction per round.
   */
  async onConflict(judgeId: string, organisationId: string, actor: Pick<Actor, 'userId' | 'role'> | null = null, tx?: SqlRunner) {
    const affected = await (tx ?? this.sql).rows<{ round_id: string }>(
      `SELECT DISTINCT x.round_id FROM assignments x JOIN applications a ON a.id = x.application_id JOIN rounds r ON r.id = x.round_id
        WHERE x.judge_id = $1 AND a.organisation_id = $2 AND x.state = 'assigned' AND r.state <> 'closed'`,
      [judgeId, organisationId],
    );
    const out: {
      removed: AssignmentChange[];
      added: AssignmentChange[];
      shortfalls: Array<{ applicationId: string; missing: number; reason: string }>;
    } = {
      removed: [],
      added: [],
      shortfalls: [],
    };
    for (const { round_id: roundId } of affected) {
      const work = async (tx: SqlRunner): Promise<void> => {
        await this.lockRound(tx, roundId);
        const problem = await this.load(tx, roundId);
        const entryIds = new Set(problem.entries.filter((e) => e.organisation_id === organisationId).map((e) => e.application_id));
        const gone = problem.live.filter((l) => l.judge_id === judgeId && entryIds.has(l.application_id));
        if (!gone.length) return;
        const auditActor = actor ?? null;
        out.removed.push(...(await this.remove(tx, auditActor, gone, 'conflict')));
        const goneIds = new Set(gone.map((g) => g.id));
        const live = problem.live.filter((l) => !goneIds.has(l.id));
        const refill = solveAssignment(this.refillProblem({ ...problem, live }, entryIds));
        const keys = new Set(live.map((l) => pairKey({ entryId: l.application_id, judgeId: l.judge_id })));
        out.added.push(
          ...(await this.insert(
            tx,
            auditActor,
            roundId,
            refill.assignments.filter((p) => !keys.has(pairKey(p))),
            'refill',
          )),
        );
        out.shortfalls.push(
          ...refill.shortfalls.map((s) => ({ applicationId: s.entryId, missing: s.missing, reason: s.reason.message.zh })),
        );
      };
      await (tx ? work(tx) : this.sql.transaction(work));
    }
    return out;
  }

  // --- the problem --------------------------------------------------------------------------

  private async roundOrThrow(db: SqlRunner, roundId: string): Promise<RoundRow> {
    const round = await db.one<RoundRow>('SELECT id, cycle_id, state, reviews_per_application FROM rounds WHERE id = $1', [roundId]);
    if (!round) throw notFound();
    return round;
  }

  private async lockRound(tx: SqlRunner, roundId: string): Promise<RoundRow> {
    const round = await tx.one<RoundRow>('SELECT id, cycle_id, state, reviews_per_application FROM rounds WHERE id = $1 FOR UPDATE', [
      roundId,
    ]);
    if (!round) throw notFound();
    return round;
  }

  /**
   * The round as the solver sees it. An entry's industry is `basics.center.industry` of its
   * current snapshot (what the judges read), else of the live section. A judge's capacity is the
   * panel's, else the profile's, else unlimited (every entry).
   */
  private async load(db: SqlRunner, roundId: string): Promise<RoundProblem> {
    const round = await this.roundOrThrow(db, roundId);
    const entries = await db.rows<EntryRow>(
      `SELECT e.application_id, a.organisation_id, a.entry_code,
              coalesce(s.canonical::jsonb #>> '{sections,basics,center,industry}', b.data #>> '{center,industry}') AS industry
         FROM round_entries e JOIN applications a ON a.id = e.application_id
         LEFT JOIN snapshots s ON s.id = a.snapshot_id
         LEFT JOIN application_sections b ON b.application_id = a.id AND b.section_key = 'basics'
        WHERE e.round_id = $1 ORDER BY a.entry_code`,
      [roundId],
    );
    const judges = await db.rows<JudgeRow>(
      `SELECT j.judge_id, u.name, coalesce(p.industries, '{}') AS industries, coalesce(j.capacity, p.capacity) AS capacity
         FROM round_judges j JOIN users u ON u.id = j.judge_id LEFT JOIN judge_profiles p ON p.user_id = j.judge_id
        WHERE j.round_id = $1 ORDER BY u.name, j.judge_id`,
      [roundId],
    );
    const conflicts = await db.rows<{ application_id: string; judge_id: string }>(
      `SELECT e.application_id, j.judge_id FROM round_entries e JOIN applications a ON a.id = e.application_id
         JOIN round_judges j ON j.round_id = e.round_id
        WHERE e.round_id = $1 AND ${conflictedSql({ judge: 'j.judge_id', organisation: 'a.organisation_id', cycle: '$2::uuid' })}`,
      [roundId, round.cycle_id],
    );
    const live = await db.rows<LiveRow>(
      `SELECT x.id, x.application_id, x.judge_id, v.state AS review_state
         FROM assignments x LEFT JOIN reviews v ON v.assignment_id = x.id WHERE x.round_id = $1 AND x.state = 'assigned'`,
      [roundId],
    );
    return {
      round,
      entries,
      judges: judges.map((j) => ({ ...j, capacity: j.capacity ?? entries.length })),
      conflicts: conflicts.map((c) => ({ entryId: c.application_id, judgeId: c.judge_id })),
      live,
    };
  }

  private problemOf(p: RoundProblem): AssignmentProblem {
    const inProblem = (l: LiveRow) =>
      p.judges.some((j) => j.judge_id === l.judge_id) && p.entries.some((e) => e.application_id === l.application_id);
    const pairs = (list: LiveRow[]) => list.filter(inProblem).map((l) => ({ entryId: l.application_id, judgeId: l.judge_id }));
    return {
      entries: p.entries.map((e) => ({ id: e.application_id, industry: e.industry })),
      judges: p.judges.map((j) => ({ id: j.judge_id, industries: j.industries, capacity: j.capacity })),
      reviewsPerEntry: p.round.reviews_per_application,
      conflicts: p.conflicts,
      // a submitted review is never moved; drafts and untouched pairs are kept where the goals allow
      fixed: pairs(p.live.filter((l) => l.review_state === 'submitted')),
      previous: pairs(p.live.filter((l) => l.review_state !== 'submitted')),
    };
  }

  /** Only `entryIds` are solved; every judge's room is what the rest of the round leaves. */
  private refillProblem(p: RoundProblem, entryIds: Set<string>): AssignmentProblem {
    const elsewhere = new Map<string, number>();
    for (const l of p.live) if (!entryIds.has(l.application_id)) elsewhere.set(l.judge_id, (elsewhere.get(l.judge_id) ?? 0) + 1);
    const here = p.live.filter((l) => entryIds.has(l.application_id));
    return {
      entries: p.entries.filter((e) => entryIds.has(e.application_id)).map((e) => ({ id: e.application_id, industry: e.industry })),
      judges: p.judges.map((j) => ({
        id: j.judge_id,
        industries: j.industries,
        capacity: Math.max(0, j.capacity - (elsewhere.get(j.judge_id) ?? 0)),
      })),
      reviewsPerEntry: p.round.reviews_per_application,
      conflicts: p.conflicts.filter((c) => entryIds.has(c.entryId)),
      fixed: here
        .filter((l) => p.judges.some((j) => j.judge_id === l.judge_id))
        .map((l) => ({ entryId: l.application_id, judgeId: l.judge_id })),
    };
  }

  /** The answer against the live assignment: pairs it adds, ends and keeps. */
  private diffOf(p: RoundProblem, result: AssignmentResult) {
    const liveKey = (l: LiveRow) => pairKey({ entryId: l.application_id, judgeId: l.judge_id });
    const wanted = new Set(result.assignments.map(pairKey));
    const liveKeys = new Set(p.live.map(liveKey));
    const ref = (l: LiveRow) => ({ assignmentId: l.id as string | null, applicationId: l.application_id, judgeId: l.judge_id });
    return {
      added: result.assignments
        .filter((a) => !liveKeys.has(pairKey(a)))
        .map((a) => ({ assignmentId: null as string | null, applicationId: a.entryId, judgeId: a.judgeId })),
      removed: p.live.filter((l) => !wanted.has(liveKey(l))).map(ref),
      kept: p.live.filter((l) => wanted.has(liveKey(l))).map(ref),
    };
  }

  /** The contract's answer plus what a page shows: per-entry panels, expertise matches, shortfalls worded. */
  private describe(p: RoundProblem, result: AssignmentResult, lang: Lang) {
    const entryById = new Map(p.entries.map((e) => [e.application_id, e]));
    const judgeById = new Map(p.judges.map((j) => [j.judge_id, j]));
    const expert = (entryId: string, judgeId: string) => {
      const industry = entryById.get(entryId)?.industry;
      return !!industry && !!judgeById.get(judgeId)?.industries.includes(industry);
    };
    const shortfallOf = new Map<string, Shortfall>(result.shortfalls.map((s) => [s.entryId, s]));
    return {
      assignments: result.assignments.map((a) => ({
        applicationId: a.entryId,
        judgeId: a.judgeId,
        expertiseMatch: expert(a.entryId, a.judgeId),
      })),
      loads: result.loads.map((l) => ({ ...l, name: judgeById.get(l.judgeId)?.name ?? '' })),
      objective: result.objective,
      shortfalls: result.shortfalls.map((s) => ({
        applicationId: s.entryId,
        entryCode: entryById.get(s.entryId)?.entry_code ?? '',
        missing: s.missing,
        reason: s.reason.message[lang],
        reasonCode: s.reason.code,
        eligible: s.reason.eligible,
        conflicted: s.reason.conflicted,
        atCapacity: s.reason.atCapacity,
      })),
      entries: p.entries.map((e) => ({
        applicationId: e.application_id,
        entryCode: e.entry_code,
        industry: e.industry,
        judges: result.assignments
          .filter((a) => a.entryId === e.application_id)
          .map((a) => ({ judgeId: a.judgeId, name: judgeById.get(a.judgeId)?.name ?? '', expertiseMatch: expert(a.entryId, a.judgeId) })),
        missing: shortfallOf.get(e.application_id)?.missing ?? 0,
      })),
      warnings: result.warnings.map((w) => ({
        code: w.code,
        applicationId: w.entryId ?? null,
        judgeId: w.judgeId ?? null,
        message: message(w.code, lang),
      })),
    };
  }

  // --- writes -------------------------------------------------------------------------------

  private async insert(
    tx: SqlRunner,
    actor: Pick<Actor, 'userId' | 'role'> | null,
    roundId: string,
    pairs: AssignmentPair[],
    how: 'auto' | 'manual' | 'refill',
  ): Promise<AssignmentChange[]> {
    if (!pairs.length) return [];
    const rows = await tx.rows<{ id: string; application_id: string; judge_id: string }>(
      `INSERT INTO assignments (round_id, application_id, judge_id, created_by)
       SELECT $1, p.application_id, p.judge_id, $4 FROM unnest($2::uuid[], $3::uuid[]) AS p(application_id, judge_id)
       RETURNING id, application_id, judge_id`,
      [roundId, pairs.map((p) => p.entryId), pairs.map((p) => p.judgeId), actor?.userId ?? null],
    );
    await tx.run(
      `INSERT INTO audit_log (actor_id, actor_role, action, application_id, entity, entity_id, to_state, details)
       SELECT $1, $2, 'assignment.add', r.application_id, 'assignment', r.id, 'assigned', jsonb_build_object('roundId', $3::text, 'judgeId', r.judge_id, 'how', $4::text)
         FROM unnest($5::uuid[], $6::uuid[], $7::uuid[]) AS r(id, application_id, judge_id)`,
      [
        actor?.userId ?? null,
        actor?.role ?? null,
        roundId,
        how,
        rows.map((r) => r.id),
        rows.map((r) => r.application_id),
        rows.map((r) => r.judge_id),
      ],
    );
    return rows.map((r) => ({ id: r.id, applicationId: r.application_id, judgeId: r.judge_id }));
  }

  /** Ends assignments with a reason; the review (if any) stays as it was, in the trail with the removal. */
  private async remove(
    tx: SqlRunner,
    actor: Pick<Actor, 'userId' | 'role'> | null,
    list: LiveRow[],
    reason: 'reassigned' | 'removed_by_staff' | 'conflict',
  ): Promise<AssignmentChange[]> {
    if (!list.length) return [];
    const rows = await tx.rows<{ id: string; application_id: string; judge_id: string; review: unknown }>(
      `WITH gone AS (
         UPDATE assignments SET state = 'removed', removed_at = now(), removed_reason = $2
          WHERE id = ANY($1::uuid[]) AND state = 'assigned' RETURNING id, application_id, judge_id
       )
       SELECT g.id, g.application_id, g.judge_id,
              CASE WHEN v.id IS NULL THEN NULL ELSE jsonb_build_object('state', v.state, 'version', v.version, 'total', v.total,
                     'ratings', v.ratings, 'comments', v.comments, 'overallComment', v.overall_comment) END AS review
         FROM gone g LEFT JOIN reviews v ON v.assignment_id = g.id`,
      [list.map((l) => l.id), reason],
    );
    for (const r of rows)
      await this.audit.record(
        {
          action: 'assignment.remove',
          actor,
          applicationId: r.application_id,
          entity: 'assignment',
          entityId: r.id,
          fromState: 'assigned',
          toState: 'removed',
          details: { judgeId: r.judge_id, reason, review: r.review },
        },
        tx,
      );
    return rows.map((r) => ({ id: r.id, applicationId: r.application_id, judgeId: r.judge_id }));
  }
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}

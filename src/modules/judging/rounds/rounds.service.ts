import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/auth/actor';
import { notFound, validationError } from '../../../common/errors/domain-error';
import { parseInstant } from '../../../common/time/instant';
import { isoInZone } from '../../../common/time/zoned-time';
import { Sql, type SqlRunner } from '../../../infra/database/sql';
import { AuditService } from '../../audit/audit.service';
import { TRANSITIONS } from '../../workflow/transitions';
import { ConflictsService } from '../conflicts/conflicts.service';
import { conflictOn, isUniqueViolation, roundWrongState } from '../judging-errors';
import type { RoundState } from '../judging.entities';
import type { AdvancementDto, CreateRoundDto, UpdateRoundDto } from './rounds.dto';

interface RoundRow {
  id: string;
  cycle_id: string;
  name: string;
  ordinal: number;
  rubric_id: string;
  reviews_per_application: number;
  opens_at: Date;
  closes_at: Date;
  blind: boolean;
  aggregation: string;
  advancement: { type: 'top'; n: number } | { type: 'threshold'; score: number };
  entrants: 'accepted' | 'previous_round';
  state: RoundState;
  version: number;
  time_zone: string;
  entries: number;
}

interface PanelRow {
  judge_id: string;
  name: string;
  email: string;
  capacity: number | null;
  accepted: boolean;
  assignments: number;
}

/** The checks a round's settings get beyond their DTO's (create, and a draft's change once merged). */
function checkSettings(dto: { opensAt: string; closesAt: string; advancement: AdvancementDto }) {
  const [opens, closes] = [parseInstant(dto.opensAt)!, parseInstant(dto.closesAt)!];
  if (closes <= opens) throw validationError([{ path: 'closesAt', code: 'round_order' }]);
  const advancement =
    dto.advancement.type === 'top' ? { type: 'top', n: dto.advancement.n } : { type: 'threshold', score: dto.advancement.score };
  if (dto.advancement.type === 'top' && dto.advancement.score !== undefined)
    throw validationError([{ path: 'advancement.score', code: 'unknown_field' }]);
  if (dto.advancement.type === 'threshold' && dto.advancement.n !== undefined)
    throw validationError([{ path: 'advancement.n', code: 'unknown_field' }]);
  return { opens, closes, advancement };
}

const ENTER_REVIEW = TRANSITIONS.enter_review;

/**
 * Review rounds: created as drafts, opened (which fixes the entrants and moves their applications
 * to in_review, one transaction under the round's row lock) and closed. Wrong state → 409 with it.
 */
@Injectable()
export class RoundsService {
  constructor(
    private readonly sql: Sql,
    private readonly audit: AuditService,
    private readonly conflicts: ConflictsService,
  ) {}

  async create(actor: Actor, cycleId: string, dto: CreateRoundDto) {
    const { opens, closes, advancement } = checkSettings(dto);
    const id = await this.sql
      .transaction(async (tx) => {
        const cycle = await tx.one<{ id: string }>('SELECT id FROM cycles WHERE id = $1 FOR UPDATE', [cycleId]);
        if (!cycle) throw notFound();
        const rubric = await tx.one<{ id: string }>('SELECT id FROM rubrics WHERE id = $1', [dto.rubricId]);
        if (!rubric) throw validationError([{ path: 'rubricId', code: 'not_found' }]);
        const row = await tx.one<{ id: string; ordinal: number }>(
          `INSERT INTO rounds (cycle_id, name, ordinal, rubric_id, reviews_per_application, opens_at, closes_at, blind, aggregation,
                               advancement, entrants, created_by)
           SELECT $1, $2, coalesce(max(ordinal), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM rounds WHERE cycle_id = $1
           RETURNING id, ordinal`,
          [
            cycleId,
            dto.name,
            dto.rubricId,
            dto.reviewsPerApplication,
            opens,
            closes,
            dto.blind,
            dto.aggregation,
            JSON.stringify(advancement),
            dto.entrants,
            actor.userId,
          ],
        );
        await this.audit.record(
          {
            action: 'round.create',
            actor,
            entity: 'round',
            entityId: row!.id,
            toState: 'draft',
            details: { cycleId, ordinal: row!.ordinal, name: dto.name, rubricId: dto.rubricId, entrants: dto.entrants },
          },
          tx,
        );
        return row!.id;
      })
      .catch((e: unknown) => {
        if (isUniqueViolation(e)) throw conflictOn('ordinal', 'duplicate'); // the cycle row lock makes this a rare race
        throw e;
      });
    return this.get(id);
  }

  async listForCycle(cycleId: string) {
    const cycle = await this.sql.one<{ id: string }>('SELECT id FROM cycles WHERE id = $1', [cycleId]);
    if (!cycle) throw notFound();
    const ids = await this.sql.rows<{ id: string }>('SELECT id FROM rounds WHERE cycle_id = $1 ORDER BY ordinal', [cycleId]);
    return Promise.all(ids.map((r) => this.get(r.id)));
  }

  async get(id: string) {
    const r = await this.sql.one<RoundRow>(
      `SELECT r.*, c.time_zone, (SELECT count(*) FROM round_entries e WHERE e.round_id = r.id)::int AS entries
         FROM rounds r JOIN cycles c ON c.id = r.cycle_id WHERE r.id = $1`,
      [id],
    );
    if (!r) throw notFound();
    const panel = await this.sql.rows<PanelRow>(
      `SELECT j.judge_id, u.name, u.email, j.capacity,
              EXISTS (SELECT 1 FROM confidentiality_acceptances a WHERE a.cycle_id = $2 AND a.judge_id = j.judge_id) AS accepted,
              (SELECT count(*) FROM assignments x WHERE x.round_id = j.round_id AND x.judge_id = j.judge_id AND x.state = 'assigned')::int
                AS assignments
         FROM round_judges j JOIN users u ON u.id = j.judge_id WHERE j.round_id = $1 ORDER BY j.created_at, u.name`,
      [id, r.cycle_id],
    );
    return {
      id: r.id,
      cycleId: r.cycle_id,
      name: r.name,
      ordinal: r.ordinal,
      rubricId: r.rubric_id,
      reviewsPerApplication: r.reviews_per_application,
      opensAt: isoInZone(r.opens_at, r.time_zone),
      closesAt: isoInZone(r.closes_at, r.time_zone),
      blind: r.blind,
      aggregation: r.aggregation,
      advancement: r.advancement,
      entrants: r.entrants,
      state: r.state,
      version: r.version,
      entries: r.entries,
      panel: panel.map((p) => ({
        judgeId: p.judge_id,
        name: p.name,
        email: p.email,
        capacity: p.capacity,
        confidentialityAccepted: p.accepted,
        assignments: p.assignments,
      })),
    };
  }

  /**
   * A draft round's settings: the members given replace the stored ones and the result is checked
   * as a new round would be (400 naming the field); an open or closed round is 409 with its state.
   */
  async update(actor: Actor, id: string, dto: UpdateRoundDto) {
    await this.sql.transaction(async (tx) => {
      const round = await tx.one<RoundRow>(
        `SELECT r.*, c.time_zone, 0 AS entries FROM rounds r JOIN cycles c ON c.id = r.cycle_id WHERE r.id = $1 FOR UPDATE OF r`,
        [id],
      );
      if (!round) throw notFound();
      if (round.state !== 'draft') throw roundWrongState(round.state);
      const merged = {
        name: dto.name ?? round.name,
        rubricId: dto.rubricId ?? round.rubric_id,
        reviewsPerApplication: dto.reviewsPerApplication ?? round.reviews_per_application,
        opensAt: dto.opensAt ?? round.opens_at.toISOString(),
        closesAt: dto.closesAt ?? round.closes_at.toISOString(),
        blind: dto.blind ?? round.blind,
        aggregation: dto.aggregation ?? round.aggregation,
        advancement: (dto.advancement ?? round.advancement) as AdvancementDto,
        entrants: dto.entrants ?? round.entrants,
      };
      const { opens, closes, advancement } = checkSettings(merged);
      if (dto.rubricId !== undefined && !(await tx.one('SELECT 1 FROM rubrics WHERE id = $1', [dto.rubricId])))
        throw validationError([{ path: 'rubricId', code: 'not_found' }]);
      // a PATCH that changes nothing (empty, or every value as stored) makes no new version and no audit row
      const unchanged =
        merged.name === round.name &&
        merged.rubricId === round.rubric_id &&
        merged.reviewsPerApplication === round.reviews_per_application &&
        opens.getTime() === round.opens_at.getTime() &&
        closes.getTime() === round.closes_at.getTime() &&
        merged.blind === round.blind &&
        merged.aggregation === round.aggregation &&
        isDeepStrictEqual({ ...advancement }, { ...round.advancement }) &&
        merged.entrants === round.entrants;
      if (unchanged) return;
      await tx.run(
        `UPDATE rounds SET name = $2, rubric_id = $3, reviews_per_application = $4, opens_at = $5, closes_at = $6, blind = $7,
                aggregation = $8, advancement = $9, entrants = $10, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [
          id,
          merged.name,
          merged.rubricId,
          merged.reviewsPerApplication,
          opens,
          closes,
          merged.blind,
          merged.aggregation,
          JSON.stringify(advancement),
          merged.entrants,
        ],
      );
      await this.audit.record(
        {
          action: 'round.update',
          actor,
          entity: 'round',
          entityId: id,
          details: { changed: Object.keys(dto).filter((k) => dto[k as keyof UpdateRoundDto] !== undefined), ...dto },
        },
        tx,
      );
    });
    return this.get(id);
  }

  /**
   * draft → open: fixes the entrants (the cycle's accepted applications, or the previous round's
   * confirmed advancers) and moves each application accepted → in_review (the `enter_review`
   * transition of src/modules/workflow/transitions.ts), one audit row per application.
   */
  async open(actor: Actor, id: string) {
    await this.sql.transaction(async (tx) => {
      const round = await this.lock(tx, id);
      if (round.state !== 'draft') throw roundWrongState(round.state);
      // the rubric is fixed from here on: a concurrent edit of it (PUT /api/rubrics/:id) waits, then sees the round open
      await tx.run('SELECT 1 FROM rubrics WHERE id = (SELECT rubric_id FROM rounds WHERE id = $1) FOR SHARE', [id]);
      const entrants = await this.entrantsOf(tx, round);
      if (!entrants.length) throw conflictOn('entrants', 'no_entrants');
      await tx.run(`INSERT INTO round_entries (round_id, application_id) SELECT $1, unnest($2::uuid[])`, [id, entrants]);
      // applications entering their first round leave `accepted`; the audit row is written with the move
      await tx.run(
        `WITH moved AS (
           UPDATE applications a SET state = $5, version = version + 1, updated_at = now(), state_changed_at = now()
            WHERE a.id = ANY($1::uuid[]) AND a.state = ANY($6::text[]) RETURNING a.id, a.snapshot_id
         )
         INSERT INTO audit_log (actor_id, actor_role, action, application_id, entity, entity_id, from_state, to_state, snapshot_sha256, details)
         SELECT $2, $3, 'application.enter_review', m.id, 'application', m.id, 'accepted', $5, s.sha256, jsonb_build_object('roundId', $4::text)
           FROM moved m LEFT JOIN snapshots s ON s.id = m.snapshot_id`,
        [entrants, actor.userId, actor.role, id, ENTER_REVIEW.to, ENTER_REVIEW.from],
      );
      await this.setState(tx, actor, round, 'open', { entries: entrants.length });
      await this.conflicts.refreshForRound(tx, id, actor);
    });
    return this.get(id);
  }

  /** open → closed. */
  async close(actor: Actor, id: string) {
    await this.sql.transaction(async (tx) => {
      const round = await this.lock(tx, id);
      if (round.state !== 'open') throw roundWrongState(round.state);
      await this.setState(tx, actor, round, 'closed', {});
    });
    return this.get(id);
  }

  private async lock(tx: SqlRunner, id: string) {
    const round = await tx.one<Pick<RoundRow, 'id' | 'cycle_id' | 'ordinal' | 'entrants' | 'state' | 'version'>>(
      'SELECT id, cycle_id, ordinal, entrants, state, version FROM rounds WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!round) throw notFound();
    return round;
  }

  private async entrantsOf(tx: SqlRunner, round: Pick<RoundRow, 'id' | 'cycle_id' | 'ordinal' | 'entrants'>): Promise<string[]> {
    if (round.entrants === 'accepted') {
      const rows = await tx.rows<{ id: string }>(
        `SELECT id FROM applications WHERE cycle_id = $1 AND state = ANY($2::text[]) ORDER BY entry_code FOR UPDATE`,
        [round.cycle_id, ENTER_REVIEW.from],
      );
      return rows.map((r) => r.id);
    }
    const previous = await tx.one<{ id: string }>(
      'SELECT id FROM rounds WHERE cycle_id = $1 AND ordinal < $2 ORDER BY ordinal DESC LIMIT 1',
      [round.cycle_id, round.ordinal],
    );
    if (!previous) throw conflictOn('entrants', 'no_previous_round');
    // advancement is confirmed by staff with the results work (not yet here): until then there are none
    throw conflictOn('entrants', 'no_confirmed_advancers', { previousRoundId: previous.id });
  }

  private async setState(tx: SqlRunner, actor: Actor, round: { id: string; state: string }, to: RoundState, details: object) {
    await tx.run('UPDATE rounds SET state = $2, version = version + 1, updated_at = now() WHERE id = $1', [round.id, to]);
    await this.audit.record(
      {
        action: `round.${to === 'open' ? 'open' : 'close'}`,
        actor,
        entity: 'round',
        entityId: round.id,
        fromState: round.state,
        toState: to,
        details: details as Record<string, unknown>,
      },
      tx,
    );
  }
}

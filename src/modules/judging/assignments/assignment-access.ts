import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/auth/actor';
import { isStaff } from '../../../common/auth/actor';
import { notFound } from '../../../common/errors/domain-error';
import { Sql, type SqlRunner } from '../../../infra/database/sql';
import type { RubricTree } from '../rubrics/rubric-tree';
import { judgeSeesAssignmentSql } from './judge-access';

/** One assignment with what the judge routes need: round, rubric, entry. */
export interface AssignmentContext {
  id: string;
  round_id: string;
  round_name: string;
  round_state: 'draft' | 'open' | 'closed';
  closes_at: Date;
  blind: boolean;
  cycle_id: string;
  rubric_id: string;
  tree: RubricTree;
  application_id: string;
  organisation_id: string;
  entry_code: string;
  snapshot_id: string | null;
  judge_id: string;
  state: 'assigned' | 'removed';
}

/**
 * Who may open an assignment: its judge — live, confidentiality accepted, no conflict
 * (judge-access.ts) — and, where a route says so, staff. Everyone else: 404.
 */
@Injectable()
export class AssignmentAccess {
  constructor(private readonly sql: Sql) {}

  /** `lock`: the assignment row FOR UPDATE (inside the caller's transaction). */
  async require(actor: Actor, id: string, opts: { staff?: boolean; db?: SqlRunner; lock?: boolean } = {}): Promise<AssignmentContext> {
    const staff = !!opts.staff && isStaff(actor);
    if (!staff && actor.role !== 'judge') throw notFound();
    const row = await (opts.db ?? this.sql).one<AssignmentContext>(
      `SELECT x.id, x.round_id, r.name AS round_name, r.state AS round_state, r.closes_at, r.blind, r.cycle_id, r.rubric_id, rb.tree,
              x.application_id, a.organisation_id, a.entry_code, a.snapshot_id, x.judge_id, x.state
         FROM assignments x JOIN applications a ON a.id = x.application_id JOIN rounds r ON r.id = x.round_id
         JOIN rubrics rb ON rb.id = r.rubric_id
        WHERE x.id = $1 AND ($3 OR ${judgeSeesAssignmentSql({ assignment: 'x', app: 'a', round: 'r', user: '$2' })})
        ${opts.lock ? 'FOR UPDATE OF x' : ''}`,
      [id, actor.userId, staff],
    );
    if (!row) throw notFound();
    return row;
  }
}

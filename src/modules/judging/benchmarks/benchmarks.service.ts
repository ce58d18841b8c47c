import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/auth/actor';
import { REQUIRED_KPIS } from '../../../form/kpi-catalogue';
import { Sql } from '../../../infra/database/sql';
import { AssignmentAccess } from '../assignments/assignment-access';
import { ENTRY_STATES } from '../conflicts/conflicts.service';
import { kpiBenchmarks, reportedKpis } from './kpi-benchmark';

/**
 * `GET /api/assignments/:id/benchmark`: the KPI benchmark of the entry's cycle and category, with
 * the entry's standing — for its judge beside the rubric, and for staff. Aggregates only: no
 * other entrant is named or counted alone, so it is the same in blind rounds.
 */
@Injectable()
export class BenchmarksService {
  constructor(
    private readonly sql: Sql,
    private readonly access: AssignmentAccess,
  ) {}

  async forAssignment(actor: Actor, assignmentId: string) {
    const ctx = await this.access.require(actor, assignmentId, { staff: true });
    // Entrants from submission on: their kpis section can no longer change (edits need a draft and
    // a new seal), so the live row is the sealed snapshot's — without parsing every snapshot.
    const rows = await this.sql.rows<{ id: string; data: unknown }>(
      `SELECT a.id, s.data
         FROM applications a JOIN application_sections s ON s.application_id = a.id AND s.section_key = 'kpis'
        WHERE a.cycle_id = $1 AND a.category_id = (SELECT category_id FROM applications WHERE id = $2) AND a.state = ANY($3)`,
      [ctx.cycle_id, ctx.application_id, ENTRY_STATES],
    );
    const entrants = rows.map((r) => ({ id: r.id, kpis: reportedKpis(r.data) }));
    const own = entrants.find((e) => e.id === ctx.application_id)?.kpis;
    const figures = kpiBenchmarks(
      entrants.map((e) => e.kpis),
      own,
    );
    return {
      entrants: entrants.length,
      kpis: figures.map((f, i) => {
        const k = REQUIRED_KPIS[i];
        return { ...f, label: k.label, unit: k.unit, direction: k.direction };
      }),
    };
  }
}

import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/auth/actor';
import { isStaff } from '../../../common/auth/actor';
import { notFound, validationError } from '../../../common/errors/domain-error';
import { Sql } from '../../../infra/database/sql';
import { AuditService } from '../../audit/audit.service';
import { PRESET_KEYS, PRESET_NAMES, presetTree } from './rubric-presets';
import { checkRubricTree, criteriaOf, maxTotal, type RubricTree, type RubricWarning } from './rubric-tree';
import { conflictOn } from '../judging-errors';
import type { CreateRubricDto, UpdateRubricDto } from './rubrics.dto';

interface RubricRow {
  id: string;
  name: string;
  tree: RubricTree;
  preset_key: string | null;
  created_at: Date;
  updated_at: Date;
}

@Injectable()
export class RubricsService {
  constructor(
    private readonly sql: Sql,
    private readonly audit: AuditService,
  ) {}

  presets() {
    return PRESET_KEYS.map((key) => ({ key, name: PRESET_NAMES[key].zh, nameEn: PRESET_NAMES[key].en }));
  }

  /** From a preset or an imported tree; structural errors are 400 naming `tree.…` paths. */
  async create(actor: Actor, dto: CreateRubricDto): Promise<{ id: string; warnings: RubricWarning[] }> {
    if ((dto.preset === undefined) === (dto.tree === undefined)) throw validationError([{ path: 'tree', code: 'rubric_source' }]);
    const { errors, tree, warnings } = checkRubricTree(dto.preset ? presetTree(dto.preset) : dto.tree);
    if (errors.length || !tree) throw validationError(errors);
    const id = await this.sql.transaction(async (tx) => {
      const row = await tx.one<{ id: string }>(
        'INSERT INTO rubrics (name, tree, preset_key, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
        [dto.name, JSON.stringify(tree), dto.preset ?? null, actor.userId],
      );
      await this.audit.record(
        {
          action: 'rubric.create',
          actor,
          entity: 'rubric',
          entityId: row!.id,
          details: { name: dto.name, preset: dto.preset ?? null, criteria: criteriaOf(tree).length, warnings: warnings.map((w) => w.code) },
        },
        tx,
      );
      return row!.id;
    });
    return { id, warnings };
  }

  /**
   * Replaces a rubric's name and tree (checked as on creation; structural errors 400, warnings
   * answered). Once a round using it has opened the rubric is fixed: 409 rubric_in_use naming it.
   */
  async update(actor: Actor, id: string, dto: UpdateRubricDto): Promise<{ id: string; warnings: RubricWarning[] }> {
    const { errors, tree, warnings } = checkRubricTree(dto.tree);
    await this.sql.transaction(async (tx) => {
      // opening a round takes this row FOR SHARE: an edit and an opening never interleave
      const row = await tx.one<{ id: string; name: string }>('SELECT id, name FROM rubrics WHERE id = $1 FOR UPDATE', [id]);
      if (!row) throw notFound();
      const used = await tx.one<{ name: string; state: string }>(
        `SELECT name, state FROM rounds WHERE rubric_id = $1 AND state <> 'draft' ORDER BY created_at LIMIT 1`,
        [id],
      );
      if (used) throw conflictOn('tree', 'rubric_in_use', { round: used.name, state: used.state });
      if (errors.length || !tree) throw validationError(errors);
      await tx.run('UPDATE rubrics SET name = $2, tree = $3, updated_at = now() WHERE id = $1', [id, dto.name, JSON.stringify(tree)]);
      await this.audit.record(
        {
          action: 'rubric.update',
          actor,
          entity: 'rubric',
          entityId: id,
          details: { name: dto.name, previousName: row.name, criteria: criteriaOf(tree).length, warnings: warnings.map((w) => w.code) },
        },
        tx,
      );
    });
    return { id, warnings };
  }

  async list() {
    const rows = await this.sql.rows<RubricRow>(
      'SELECT id, name, tree, preset_key, created_at, updated_at FROM rubrics ORDER BY created_at DESC',
    );
    const rounds = await this.sql.rows<{ id: string; cycle_id: string; name: string; state: string; rubric_id: string }>(
      'SELECT id, cycle_id, name, state, rubric_id FROM rounds ORDER BY created_at',
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      presetKey: r.preset_key,
      criteria: criteriaOf(r.tree).length,
      maxTotal: maxTotal(r.tree),
      warnings: checkRubricTree(r.tree).warnings,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      rounds: rounds.filter((x) => x.rubric_id === r.id).map((x) => ({ id: x.id, cycleId: x.cycle_id, name: x.name, state: x.state })),
    }));
  }

  /** Staff, or a judge on the panel of a round that uses it; anyone else 404. */
  async get(actor: Actor, id: string): Promise<{ id: string; name: string; tree: RubricTree }> {
    const row = await this.sql.one<RubricRow>(
      `SELECT r.id, r.name, r.tree FROM rubrics r
        WHERE r.id = $1 AND ($3 OR EXISTS (
          SELECT 1 FROM rounds x JOIN round_judges j ON j.round_id = x.id WHERE x.rubric_id = r.id AND j.judge_id = $2))`,
      [id, actor.userId, isStaff(actor)],
    );
    if (!row) throw notFound();
    return { id: row.id, name: row.name, tree: row.tree };
  }

  /** The stored tree (for rounds and scoring). */
  async treeOf(id: string): Promise<RubricTree | undefined> {
    return (await this.sql.one<{ tree: RubricTree }>('SELECT tree FROM rubrics WHERE id = $1', [id]))?.tree;
  }
}

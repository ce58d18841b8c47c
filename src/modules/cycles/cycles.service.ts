import { Injectable } from '@nestjs/common';
import { DomainError, notFound, validationError } from '../../common/errors/domain-error';
import { parseInstant } from '../../common/time/instant';
import { isoInZone } from '../../common/time/zoned-time';
import type { Actor } from '../../common/auth/actor';
import { Sql, type SqlRunner } from '../../infra/database/sql';
import { AuditService } from '../audit/audit.service';
import type { CategoryDto, CreateCycleDto, UpdateCategoryDto, UpdateCycleDto } from './cycles.dto';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

interface CycleRow {
  id: string;
  name: string;
  time_zone: string;
  opens_at: Date;
  submission_deadline: Date;
}

/** A category with the cycle it belongs to. */
interface CategoryRow {
  id: string;
  cycle_id: string;
  code: string;
  name_zh: string;
  name_en: string;
}

export interface CycleView {
  id: string;
  name: string;
  timeZone: string;
  opensAt: string;
  submissionDeadline: string;
  open: boolean;
  categories: Array<{ id: string; code: string; nameZh: string; nameEn: string }>;
}

@Injectable()
export class CyclesService {
  constructor(
    private readonly db: Sql,
    private readonly audit: AuditService,
  ) {}

  /** Applicants and judges see cycles open now; staff see every cycle. */
  async list(includeClosed: boolean): Promise<CycleView[]> {
    const rows = await this.db.rows<CycleRow>(
      `SELECT * FROM cycles ${includeClosed ? '' : 'WHERE opens_at <= now() AND submission_deadline > now()'} ORDER BY opens_at DESC`,
    );
    return this.withCategories(rows);
  }

  async get(id: string): Promise<CycleView> {
    const rows = await this.db.rows<CycleRow>('SELECT * FROM cycles WHERE id = $1', [id]);
    if (!rows.length) throw notFound();
    return (await this.withCategories(rows))[0];
  }

  async create(dto: CreateCycleDto): Promise<CycleView> {
    checkOrder(dto.opensAt, dto.submissionDeadline);
    const id = await this.db.transaction(async (tx) => {
      const [row] = await tx.rows<{ id: string }>(
        'INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ($1, $2, $3, $4) RETURNING id',
        [dto.name.trim(), dto.timeZone ?? DEFAULT_TIME_ZONE, utc(dto.opensAt), utc(dto.submissionDeadline)],
      );
      for (const c of dto.categories) await this.insertCategory(tx, row.id, c);
      return row.id;
    });
    return this.get(id);
  }

  /**
   * Guard rails: the deadline stays after the opening (400 naming the field). Once an entry has
   * been submitted the deadline may only move later (409 `deadline_after_submissions`): an
   * earlier one would close the cycle under applicants who planned by it. Once any entry exists
   * the opening may only move earlier (409 `opening_after_entries`). Audited with before/after.
   */
  async update(id: string, dto: UpdateCycleDto, actor?: Actor): Promise<CycleView> {
    await this.db.transaction(async (tx) => {
      const current = await tx.one<CycleRow>('SELECT * FROM cycles WHERE id = $1 FOR UPDATE', [id]);
      if (!current) throw notFound();
      const opensAt = dto.opensAt ? parseInstant(dto.opensAt)! : current.opens_at;
      const deadline = dto.submissionDeadline ? parseInstant(dto.submissionDeadline)! : current.submission_deadline;
      checkOrder(opensAt.toISOString(), deadline.toISOString());
      const usage = await tx.one<{ entries: number; submitted: number }>(
        `SELECT count(*)::int AS entries,
                count(*) FILTER (WHERE a.state NOT IN ('draft', 'sealed') OR EXISTS (
                  SELECT 1 FROM audit_log l WHERE l.application_id = a.id AND l.action = 'application.submit'))::int AS submitted
           FROM applications a WHERE a.cycle_id = $1`,
        [id],
      );
      if (usage!.submitted > 0 && deadline < current.submission_deadline) {
        const params = { submitted: usage!.submitted, current: isoInZone(current.submission_deadline, current.time_zone) };
        throw new DomainError(
          'conflict',
          'deadline_after_submissions',
          [{ path: 'submissionDeadline', code: 'deadline_after_submissions', params }],
          {},
          params,
        );
      }
      if (usage!.entries > 0 && opensAt > current.opens_at) {
        const params = { entries: usage!.entries };
        throw new DomainError(
          'conflict',
          'opening_after_entries',
          [{ path: 'opensAt', code: 'opening_after_entries', params }],
          {},
          params,
        );
      }
      await tx.run(
        `UPDATE cycles SET name = COALESCE($2, name), time_zone = COALESCE($3, time_zone), opens_at = COALESCE($4, opens_at),
                submission_deadline = COALESCE($5, submission_deadline), updated_at = now() WHERE id = $1`,
        [id, dto.name?.trim() ?? null, dto.timeZone ?? null, utc(dto.opensAt), utc(dto.submissionDeadline)],
      );
      await this.audit.record(
        {
          action: 'cycle.update',
          actor: actor ?? null,
          entity: 'cycle',
          entityId: id,
          details: {
            before: {
              name: current.name,
              timeZone: current.time_zone,
              opensAt: current.opens_at.toISOString(),
              submissionDeadline: current.submission_deadline.toISOString(),
            },
            changes: { ...dto },
          },
        },
        tx,
      );
    });
    return this.get(id);
  }

  /** Rename a category (staff); its code stays, as entries and exports refer to it. */
  async updateCategory(cycleId: string, categoryId: string, dto: UpdateCategoryDto, actor?: Actor): Promise<CycleView> {
    const row = await this.db.one<{ id: string }>(
      `UPDATE categories SET name_zh = COALESCE($3, name_zh), name_en = COALESCE($4, name_en)
        WHERE id = $2 AND cycle_id = $1 RETURNING id`,
      [cycleId, categoryId, dto.nameZh?.trim() ?? null, dto.nameEn?.trim() ?? null],
    );
    if (!row) throw notFound();
    await this.audit.record({
      action: 'category.update',
      actor: actor ?? null,
      entity: 'category',
      entityId: categoryId,
      details: { ...dto },
    });
    return this.get(cycleId);
  }

  async addCategory(cycleId: string, dto: CategoryDto): Promise<CycleView> {
    await this.get(cycleId);
    await this.insertCategory(this.db, cycleId, dto);
    return this.get(cycleId);
  }

  private async insertCategory(tx: SqlRunner, cycleId: string, c: CategoryDto): Promise<void> {
    await tx
      .run('INSERT INTO categories (cycle_id, code, name_zh, name_en) VALUES ($1, $2, $3, $4)', [
        cycleId,
        c.code,
        c.nameZh.trim(),
        c.nameEn.trim(),
      ])
      .catch((e: { code?: string }) => {
        if (e.code === '23505') throw new DomainError('conflict', 'duplicate', [{ path: 'code', code: 'duplicate' }]);
        throw e;
      });
  }

  private async withCategories(rows: CycleRow[]): Promise<CycleView[]> {
    if (!rows.length) return [];
    const cats = await this.db.rows<CategoryRow>(
      'SELECT id, cycle_id, code, name_zh, name_en FROM categories WHERE cycle_id = ANY($1) ORDER BY created_at',
      [rows.map((r) => r.id)],
    );
    const now = Date.now();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      timeZone: r.time_zone,
      opensAt: isoInZone(r.opens_at, r.time_zone),
      submissionDeadline: isoInZone(r.submission_deadline, r.time_zone),
      open: r.opens_at.getTime() <= now && now < r.submission_deadline.getTime(),
      categories: cats.filter((c) => c.cycle_id === r.id).map((c) => ({ id: c.id, code: c.code, nameZh: c.name_zh, nameEn: c.name_en })),
    }));
  }
}

/** The DTO has checked the text (IsInstant); PostgreSQL gets the instant in UTC, nothing to reinterpret. */
const utc = (text: string | undefined): string | null => (text === undefined ? null : parseInstant(text)!.toISOString());

function checkOrder(opensAt: string, deadline: string): void {
  if (parseInstant(deadline)!.getTime() <= parseInstant(opensAt)!.getTime()) {
    throw validationError([{ path: 'submissionDeadline', code: 'deadline_order' }]);
  }
}

import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/errors/domain-error';
import { isoInZone } from '../../common/time/zoned-time';
import { checkApplication } from '../../form/completeness';
import { deepBlank } from '../../form/completeness';
import type { SectionData } from '../../form/field-types';
import { SectionRegistry } from '../../form/section-registry';
import { Sql } from '../../infra/database/sql';
import { effectiveDeadline } from '../applications/deadline';
import type { ApplicationState } from '../applications/application.entity';
import { industryLabel } from './entry-columns';
import type { EntriesFilterDto, EntrySort } from './staff.dto';
import type { EntryRowResponse } from './staff.response';

/** Entries whose summary is recomputed per statement batch. */
const BATCH = 200;

/** SQL of each sort key; ties broken by entry code, so pages never overlap. */
const SORT_SQL: Record<EntrySort, string> = {
  entryCode: 'a.entry_code',
  company: 'coalesce(e.company, o.name)',
  category: 'k.code',
  state: 'a.state',
  completeness: 'coalesce(e.percent, 0)',
  updatedAt: 'greatest(a.updated_at, e.content_updated_at)',
};

export interface EntryRow {
  id: string;
  entry_code: string;
  state: ApplicationState;
  state_changed_at: Date;
  updated_at: Date;
  deadline_extension: Date | null;
  submission_deadline: Date;
  time_zone: string;
  org_id: string;
  org_name: string;
  uscc: string | null;
  member_unit: boolean;
  category_id: string;
  category_code: string;
  name_zh: string;
  name_en: string;
  company: string | null;
  industry: string | null;
  percent: number | null;
  complete: boolean | null;
  content_updated_at: Date | null;
  sha256: string | null;
  receipt_check: EntryRowResponse['receiptCheck'];
  total: string;
}

/** The columns of an entry row; callers add WHERE / ORDER BY / LIMIT (aliases a, c, o, k, e, s, r). */
export const ENTRY_SELECT = `
  SELECT a.id, a.entry_code, a.state, a.state_changed_at, a.updated_at, a.deadline_extension,
         c.submission_deadline, c.time_zone,
         o.id AS org_id, o.name AS org_name, o.uscc, o.member_unit,
         k.id AS category_id, k.code AS category_code, k.name_zh, k.name_en,
         e.company, e.industry, e.percent, e.complete, e.content_updated_at,
         s.sha256, r.receipt_check, count(*) OVER () AS total
    FROM applications a
    JOIN cycles c ON c.id = a.cycle_id
    JOIN organisations o ON o.id = a.organisation_id
    JOIN categories k ON k.id = a.category_id
    LEFT JOIN entry_summaries e ON e.application_id = a.id
    LEFT JOIN snapshots s ON s.id = a.snapshot_id
    LEFT JOIN LATERAL (
      SELECT t.receipt_check FROM attachments t
       WHERE t.application_id = a.id AND t.kind = 'stamped_receipt' AND t.deleted_at IS NULL
       ORDER BY t.created_at DESC LIMIT 1
    ) r ON true`;

/** WHERE conditions of the entries filters, with their parameters appended to `params`. */
export function entryFilters(cycleId: string, f: EntriesFilterDto, params: unknown[]): string {
  const where: string[] = [`a.cycle_id = $${params.push(cycleId)}`];
  const and = (sql: (n: number) => string, value: unknown) => where.push(sql(params.push(value)));
  if (f.state) and((n) => `a.state = $${n}`, f.state);
  if (f.categoryId) and((n) => `a.category_id = $${n}`, f.categoryId);
  if (f.industry) and((n) => `e.industry = $${n}`, f.industry);
  if (f.memberUnit !== undefined) and((n) => `o.member_unit = $${n}`, f.memberUnit);
  if (f.receiptCheck === 'none') where.push('r.receipt_check IS NULL');
  else if (f.receiptCheck) and((n) => `r.receipt_check = $${n}`, f.receiptCheck);
  const q = f.q?.trim();
  if (q) {
    // a LIKE pattern of the text as typed: %, _ and \ are matched literally
    const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    and(
      (n) => `(a.entry_code ILIKE $${n} OR coalesce(e.company, o.name) ILIKE $${n} OR o.name ILIKE $${n} OR o.uscc ILIKE $${n})`,
      pattern,
    );
  }
  return where.join(' AND ');
}

export function entryOrder(f: EntriesFilterDto): string {
  const dir = f.order === 'asc' ? 'ASC' : 'DESC';
  return `${SORT_SQL[f.sort ?? 'updatedAt']} ${dir} NULLS LAST, a.entry_code ${dir}`;
}

export function toEntryRow(r: EntryRow): EntryRowResponse {
  const deadline = effectiveDeadline(r);
  const lastChange = r.content_updated_at && r.content_updated_at > r.updated_at ? r.content_updated_at : r.updated_at;
  return {
    id: r.id,
    entryCode: r.entry_code,
    company: r.company?.trim() || r.org_name,
    organisation: { id: r.org_id, name: r.org_name, uscc: r.uscc, memberUnit: r.member_unit },
    category: { id: r.category_id, code: r.category_code, nameZh: r.name_zh, nameEn: r.name_en },
    industry: r.industry,
    industryLabel: industryLabel(r.industry),
    state: r.state,
    completeness: r.percent ?? 0,
    complete: r.complete ?? false,
    sealedHash: r.sha256 ? r.sha256.slice(0, 12) : null,
    sha256: r.sha256,
    receiptCheck: r.receipt_check,
    memberUnit: r.member_unit,
    lastChange: lastChange.toISOString(),
    deadline: isoInZone(deadline, r.time_zone),
    extended: deadline.getTime() !== r.submission_deadline.getTime(),
    stateChangedAt: r.state_changed_at.toISOString(),
  };
}

/**
 * The staff entries table of a cycle: one SQL statement pages, sorts and filters over
 * `entry_summaries`, which `refresh` first brings up to date for the entries whose data moved.
 */
@Injectable()
export class EntriesService {
  constructor(
    private readonly sql: Sql,
    private readonly registry: SectionRegistry,
  ) {}

  async requireCycle(cycleId: string): Promise<{ id: string; name: string; time_zone: string; opens_at: Date; submission_deadline: Date }> {
    const cycle = await this.sql.one<{ id: string; name: string; time_zone: string; opens_at: Date; submission_deadline: Date }>(
      'SELECT id, name, time_zone, opens_at, submission_deadline FROM cycles WHERE id = $1',
      [cycleId],
    );
    if (!cycle) throw notFound();
    return cycle;
  }

  async page(cycleId: string, f: EntriesFilterDto & { page?: number; pageSize?: number }) {
    await this.requireCycle(cycleId);
    await this.refresh(cycleId);
    const page = f.page ?? 1;
    const pageSize = f.pageSize ?? 50;
    const params: unknown[] = [];
    const where = entryFilters(cycleId, f, params);
    const rows = await this.sql.rows<EntryRow>(
      `${ENTRY_SELECT} WHERE ${where} ORDER BY ${entryOrder(f)} LIMIT $${params.push(pageSize)} OFFSET $${params.push((page - 1) * pageSize)}`,
      params,
    );
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && page > 1) {
      const count = await this.sql.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM (${ENTRY_SELECT} WHERE ${where}) x`,
        params.slice(0, -2),
      );
      total = count?.n ?? 0;
    }
    return { items: rows.map(toEntryRow), total, page, pageSize };
  }

  /** Every matching entry (exports), in the list's order. */
  async all(cycleId: string, f: EntriesFilterDto, limit = 10_000): Promise<EntryRowResponse[]> {
    await this.requireCycle(cycleId);
    await this.refresh(cycleId);
    const params: unknown[] = [];
    const where = entryFilters(cycleId, f, params);
    const rows = await this.sql.rows<EntryRow>(
      `${ENTRY_SELECT} WHERE ${where} ORDER BY ${entryOrder(f)} LIMIT $${params.push(limit)}`,
      params,
    );
    return rows.map(toEntryRow);
  }

  /** One entry as a row of the table (any cycle). */
  async one(applicationId: string): Promise<EntryRowResponse> {
    const cycle = await this.sql.one<{ cycle_id: string }>('SELECT cycle_id FROM applications WHERE id = $1', [applicationId]);
    if (!cycle) throw notFound();
    await this.refresh(cycle.cycle_id, [applicationId]);
    const row = await this.sql.one<EntryRow>(`${ENTRY_SELECT} WHERE a.id = $1`, [applicationId]);
    if (!row) throw notFound();
    return toEntryRow(row);
  }

  /**
   * Brings `entry_summaries` up to date for the cycle's entries (or the given ones): one query
   * finds the entries whose fingerprint moved — the sum of section versions changes with every
   * write, the file digest with every upload or deletion — and only those are read and checked.
   */
  async refresh(cycleId: string, ids?: string[]): Promise<number> {
    const stale = await this.sql.rows<{ id: string }>(
      `SELECT a.id FROM applications a
         LEFT JOIN entry_summaries e ON e.application_id = a.id
        WHERE a.cycle_id = $1 ${ids ? 'AND a.id = ANY($2::uuid[])' : ''}
          AND e.fingerprint IS DISTINCT FROM ${FINGERPRINT_SQL}`,
      ids ? [cycleId, ids] : [cycleId],
    );
    for (let i = 0; i < stale.length; i += BATCH) await this.recompute(stale.slice(i, i + BATCH).map((r) => r.id));
    return stale.length;
  }

  private async recompute(ids: string[]): Promise<void> {
    // one snapshot for data and fingerprint: the stored fingerprint is that of the data checked
    const { sections, files, fingerprints } = await this.sql.transaction(async (tx) => {
      const [sections, files, fingerprints] = [
        await tx.rows<{ application_id: string; section_key: string; data: SectionData; updated_at: Date }>(
          'SELECT application_id, section_key, data, updated_at FROM application_sections WHERE application_id = ANY($1::uuid[])',
          [ids],
        ),
        await tx.rows<{ application_id: string; id: string; kind: string }>(
          'SELECT application_id, id, kind FROM attachments WHERE application_id = ANY($1::uuid[]) AND deleted_at IS NULL',
          [ids],
        ),
        await tx.rows<{ id: string; fingerprint: string; created_at: Date }>(
          `SELECT a.id, ${FINGERPRINT_SQL} AS fingerprint, a.created_at FROM applications a WHERE a.id = ANY($1::uuid[])`,
          [ids],
        ),
      ];
      return { sections, files, fingerprints };
    }, 'REPEATABLE READ');
    const dataOf = new Map<string, Record<string, SectionData>>(ids.map((id) => [id, {}]));
    const updatedOf = new Map<string, Date>();
    for (const s of sections) {
      dataOf.get(s.application_id)![s.section_key] = s.data;
      const before = updatedOf.get(s.application_id);
      if (!before || s.updated_at > before) updatedOf.set(s.application_id, s.updated_at);
    }
    const filesOf = new Map<string, Map<string, string>>(ids.map((id) => [id, new Map()]));
    for (const f of files) filesOf.get(f.application_id)!.set(f.id, f.kind);

    const rows = fingerprints.map((fp) => {
      const data = dataOf.get(fp.id)!;
      const summary = summarise(this.registry, data, filesOf.get(fp.id)!);
      const enterprise = (data.basics?.enterprise ?? {}) as Record<string, unknown>;
      const center = (data.basics?.center ?? {}) as Record<string, unknown>;
      return {
        id: fp.id,
        fingerprint: fp.fingerprint,
        ...summary,
        company: typeof enterprise.name === 'string' && enterprise.name.trim() ? enterprise.name.trim() : null,
        industry: typeof center.industry === 'string' ? center.industry : null,
        updatedAt: (updatedOf.get(fp.id) ?? fp.created_at).toISOString(),
      };
    });
    if (!rows.length) return;
    await this.sql.run(
      `INSERT INTO entry_summaries (application_id, fingerprint, percent, complete, issues, company, industry, content_updated_at, computed_at)
       SELECT * , now() FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::boolean[], $5::int[], $6::text[], $7::text[], $8::timestamptz[])
       ON CONFLICT (application_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, percent = EXCLUDED.percent,
              complete = EXCLUDED.complete, issues = EXCLUDED.issues, company = EXCLUDED.company, industry = EXCLUDED.industry,
              content_updated_at = EXCLUDED.content_updated_at, computed_at = now()`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.fingerprint),
        rows.map((r) => r.percent),
        rows.map((r) => r.complete),
        rows.map((r) => r.issues),
        rows.map((r) => r.company),
        rows.map((r) => r.industry),
        rows.map((r) => r.updatedAt),
      ],
    );
  }
}

/** The fingerprint of an entry's data over alias `a`: section versions' sum | digest of live files. */
const FINGERPRINT_SQL = `(
  (SELECT coalesce(sum(sv.version), 0)::text FROM application_sections sv WHERE sv.application_id = a.id) || '|' ||
  coalesce((SELECT md5(string_agg(tf.id::text || tf.kind, ',' ORDER BY tf.id)) FROM attachments tf
             WHERE tf.application_id = a.id AND tf.deleted_at IS NULL), ''))`;

/**
 * Completeness as a percentage of sections: complete sections of those that count (every required
 * section; an optional one once started). Pure.
 */
export function summarise(
  registry: SectionRegistry,
  data: Record<string, SectionData>,
  files: ReadonlyMap<string, string>,
): { percent: number; complete: boolean; issues: number } {
  const issues = checkApplication(registry, data, files);
  const counted = registry.all().filter((d) => !d.optional || !deepBlank(data[d.key] ?? {}));
  const failing = new Set(issues.map((i) => i.section));
  const done = counted.filter((d) => !failing.has(d.key)).length;
  return {
    percent: counted.length ? Math.floor((100 * done) / counted.length) : 100,
    complete: issues.length === 0,
    issues: issues.length,
  };
}

import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { randomInt } from 'node:crypto';
import type { Actor } from '../../common/auth/actor';
import { DomainError, forbidden, notFound, validationError, wrongState } from '../../common/errors/domain-error';
import { isoInZone } from '../../common/time/zoned-time';
import { checkApplication, type ApplicationIssue } from '../../form/completeness';
import type { SectionData } from '../../form/field-types';
import { SectionRegistry } from '../../form/section-registry';
import { Sql } from '../../infra/database/sql';
import { ApplicationAccessPolicy, applicationAccessSql } from './application-access.policy';
import type { CreateApplicationDto, NominationDto } from './applications.dto';
import { assertBeforeDeadline, EFFECTIVE_DEADLINE_SQL, effectiveDeadline, type DeadlineFields } from './deadline';
import { etagOf } from './etag';
import { SectionsService } from './sections.service';

/** Entry codes avoid look-alike characters (0/O, 1/I/L) — judges read them aloud. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export interface Completeness {
  complete: boolean;
  /** Required sections complete, in percent: 0 for an empty draft, 100 exactly when `complete` (optional sections do not count). */
  percent: number;
  sections: Array<{ key: string; title: { zh: string; en: string }; complete: boolean; issues: number }>;
  issues: ApplicationIssue[];
}

@Injectable()
export class ApplicationsService {
  /** Completeness by (entry, every section version, every file): ~1 KB each (the titles are the registry's). */
  private readonly completenessMemo = new LRUCache<string, Pick<Completeness, 'complete' | 'percent' | 'sections'>>({ max: 5_000 });

  constructor(
    private readonly db: Sql,
    private readonly access: ApplicationAccessPolicy,
    private readonly sections: SectionsService,
    private readonly registry: SectionRegistry,
  ) {}

  async create(actor: Actor, dto: CreateApplicationDto) {
    if (actor.role !== 'applicant') throw forbidden();
    const nomination = checkNomination(dto.nomination);
    const orgs = await this.access.memberOrganisations(actor);
    const organisationId = dto.organisationId ?? (orgs.length === 1 ? orgs[0] : undefined);
    if (!organisationId) throw validationError([{ path: 'organisationId', code: 'no_organisation' }]);
    if (!orgs.includes(organisationId)) throw notFound();

    const [cycle] = await this.db.rows<{ id: string; opens_at: Date; submission_deadline: Date; time_zone: string }>(
      'SELECT id, opens_at, submission_deadline, time_zone FROM cycles WHERE id = $1',
      [dto.cycleId],
    );
    if (!cycle) throw validationError([{ path: 'cycleId', code: 'not_found' }]);
    const [category] = await this.db.rows<{ id: string }>('SELECT id FROM categories WHERE id = $1 AND cycle_id = $2', [
      dto.categoryId,
      dto.cycleId,
    ]);
    if (!category) throw validationError([{ path: 'categoryId', code: 'category_not_in_cycle' }]);
    const now = Date.now();
    if (now < cycle.opens_at.getTime() || now >= cycle.submission_deadline.getTime()) {
      throw new DomainError('conflict', 'cycle_not_open', [
        {
          path: 'cycleId',
          code: 'cycle_not_open',
          params: {
            opensAt: isoInZone(cycle.opens_at, cycle.time_zone),
            submissionDeadline: isoInZone(cycle.submission_deadline, cycle.time_zone),
          },
        },
      ]);
    }

    const id = await this.db
      .transaction(async (tx) => {
        const existing = await tx.rows<{ id: string }>(
          `SELECT id FROM applications WHERE organisation_id = $1 AND cycle_id = $2 AND category_id = $3 AND state <> 'withdrawn'`,
          [organisationId, dto.cycleId, dto.categoryId],
        );
        if (existing.length) throw duplicate(existing[0].id);
        const [app] = await tx.rows<{ id: string }>(
          `INSERT INTO applications (organisation_id, cycle_id, category_id, entry_code, state, nomination, created_by)
         VALUES ($1, $2, $3, $4, 'draft', $5, $6) RETURNING id`,
          [organisationId, dto.cycleId, dto.categoryId, entryCode(), JSON.stringify(nomination), actor.userId],
        );
        // every section exists from the start, so each has a version (ETag) to write against
        await tx.run(
          `INSERT INTO application_sections (application_id, section_key, data) SELECT $1, k, '{}'::jsonb FROM unnest($2::text[]) AS k`,
          [app.id, this.registry.keys()],
        );
        return app.id;
      })
      .catch((e: { code?: string; constraint?: string }) => {
        if (e.code === '23505' && e.constraint === 'applications_live_key') throw duplicate();
        throw e;
      });
    return this.get(actor, id);
  }

  /** What the actor may read (the access policy) with completeness: applicants their organisations' applications; staff all, filterable. */
  async list(actor: Actor, filter: { cycleId?: string; state?: string; memberUnit?: boolean }) {
    const params: unknown[] = [actor.userId];
    const where: string[] = [applicationAccessSql(actor.role, 'read', { app: 'a', user: '$1' })];
    const and = (sql: (n: number) => string, value: unknown) => where.push(sql(params.push(value)));
    if (filter.cycleId) and((n) => `a.cycle_id = $${n}`, filter.cycleId);
    if (filter.state) and((n) => `a.state = $${n}`, filter.state);
    if (filter.memberUnit !== undefined) and((n) => `o.member_unit = $${n}`, filter.memberUnit);
    const rows = await this.db.rows<SummaryRow>(
      `${SUMMARY_SELECT} WHERE ${where.join(' AND ')} ORDER BY o.member_unit DESC, a.created_at DESC LIMIT 1000`,
      params,
    );
    // staff see the same completeness as the applicant (a complete entry reads 100 % in both lists)
    if (!rows.length) return [];
    const ids = rows.map((a) => a.id);
    const completeness = await this.listedCompleteness(ids);
    return rows.map((a) => toSummary(a, completeness.get(a.id)));
  }

  /**
   * Completeness of many entries from a fixed number of queries: their sections' versions and
   * files, then — only for entries not remembered at exactly those versions — their data. A
   * section version's data never changes, so a result keyed by every version and file is exact;
   * it is remembered because checking one full entry takes milliseconds of CPU.
   */
  private async listedCompleteness(ids: string[]): Promise<Map<string, Pick<Completeness, 'complete' | 'percent' | 'sections'>>> {
    const [versions, files] = await Promise.all([
      this.db.rows<{ application_id: string; section_key: string; version: number }>(
        'SELECT application_id, section_key, version FROM application_sections WHERE application_id = ANY($1::uuid[])',
        [ids],
      ),
      this.db.rows<{ application_id: string; id: string; kind: string }>(
        'SELECT application_id, id, kind FROM attachments WHERE application_id = ANY($1::uuid[]) AND deleted_at IS NULL',
        [ids],
      ),
    ]);
    const versionsOf = new Map<string, string[]>(ids.map((id) => [id, []]));
    for (const v of versions) versionsOf.get(v.application_id)!.push(`${v.section_key}:${v.version}`);
    const filesOf = new Map<string, Map<string, string>>(ids.map((id) => [id, new Map()]));
    for (const f of files) filesOf.get(f.application_id)!.set(f.id, f.kind);

    const result = new Map<string, Pick<Completeness, 'complete' | 'percent' | 'sections'>>();
    const missing = ids.filter((id) => {
      const known = this.completenessMemo.get(memoKey(id, versionsOf.get(id)!, filesOf.get(id)!));
      if (known) result.set(id, known);
      return !known;
    });
    if (!missing.length) return result;
    // versions are read again with the data: a write in between just makes this a fresh key
    const sections = await this.db.rows<{ application_id: string; section_key: string; version: number; data: SectionData }>(
      'SELECT application_id, section_key, version, data FROM application_sections WHERE application_id = ANY($1::uuid[])',
      [missing],
    );
    const dataOf = new Map<string, Record<string, SectionData>>(missing.map((id) => [id, {}]));
    const readVersions = new Map<string, string[]>(missing.map((id) => [id, []]));
    for (const row of sections) {
      dataOf.get(row.application_id)![row.section_key] = row.data;
      readVersions.get(row.application_id)!.push(`${row.section_key}:${row.version}`);
    }
    for (const id of missing) {
      const { complete, percent, sections: perSection } = this.completenessOf(dataOf.get(id)!, filesOf.get(id)!);
      result.set(id, { complete, percent, sections: perSection });
      this.completenessMemo.set(memoKey(id, readVersions.get(id)!, filesOf.get(id)!), { complete, percent, sections: perSection });
    }
    return result;
  }

  async get(actor: Actor, id: string) {
    await this.access.readable(actor, id);
    return this.summary(id, true);
  }

  async updateNomination(actor: Actor, id: string, baseVersion: number, dto: NominationDto) {
    const row = await this.access.writable(actor, id);
    if (row.state !== 'draft') throw wrongState(row.state);
    assertBeforeDeadline(row);
    const nomination = checkNomination(dto);
    const updated = await this.db.rows<{ id: string }>(
      `UPDATE applications a SET nomination = $3, version = a.version + 1, updated_at = now()
        WHERE a.id = $1 AND a.version = $2 AND a.state = 'draft'
          AND now() < (SELECT ${EFFECTIVE_DEADLINE_SQL} FROM cycles c WHERE c.id = a.cycle_id) RETURNING a.id`,
      [id, baseVersion, JSON.stringify(nomination)],
    );
    if (!updated.length) {
      const now = await this.access.readable(actor, id);
      if (now.state !== 'draft') throw wrongState(now.state);
      assertBeforeDeadline(now);
      throw new DomainError('precondition_failed', 'stale_version', [{ path: 'If-Match', code: 'stale_version' }], {
        current: await this.summary(id, false),
      });
    }
    return this.summary(id, true);
  }

  async completeness(actor: Actor, id: string): Promise<Completeness> {
    await this.access.readable(actor, id);
    return this.computeCompleteness(id);
  }

  async computeCompleteness(id: string): Promise<Completeness> {
    const files = await this.db.rows<{ id: string; kind: string }>(
      'SELECT id, kind FROM attachments WHERE application_id = $1 AND deleted_at IS NULL',
      [id],
    );
    return this.completenessOf(await this.sections.allData(id), new Map(files.map((f) => [f.id, f.kind])));
  }

  private completenessOf(sections: Record<string, SectionData>, files: Map<string, string>): Completeness {
    const issues = checkApplication(this.registry, sections, files);
    const required = this.registry.all().filter((d) => !d.optional);
    const done = required.filter((d) => !issues.some((i) => i.section === d.key)).length;
    return {
      complete: issues.length === 0,
      percent: issues.length === 0 ? 100 : Math.min(99, Math.floor((100 * done) / Math.max(1, required.length))),
      sections: this.registry.all().map((d) => {
        const n = issues.filter((i) => i.section === d.key).length;
        return { key: d.key, title: d.title, complete: n === 0, issues: n };
      }),
      issues,
    };
  }

  /** One application as every route shows it (the list builds the same from its batch queries). */
  private async summary(id: string, withCompleteness: boolean) {
    const [a] = await this.db.rows<SummaryRow>(`${SUMMARY_SELECT} WHERE a.id = $1`, [id]);
    if (!a) throw notFound();
    return toSummary(a, withCompleteness ? await this.computeCompleteness(id) : undefined);
  }
}

/** An entry at given section versions with given files (what its completeness depends on). */
const memoKey = (id: string, versions: string[], files: ReadonlyMap<string, string>) =>
  [id, ...[...versions].sort(), ...[...files].map(([file, kind]) => `${file}:${kind}`).sort()].join('|');

/** The columns of an application summary; callers add WHERE / ORDER BY (aliases a, o, c, k, s). */
const SUMMARY_SELECT = `SELECT a.id, a.entry_code, a.state, a.version, a.nomination, a.created_at, a.updated_at,
              a.return_reason, a.deadline_extension, a.state_changed_at, s.id AS snapshot_id, s.sha256 AS snapshot_sha256, s.created_at AS sealed_at,
              o.id AS org_id, o.name AS org_name, o.member_unit,
              c.id AS cycle_id, c.name AS cycle_name, c.time_zone, c.submission_deadline,
              k.id AS category_id, k.code AS category_code, k.name_zh, k.name_en
         FROM applications a JOIN organisations o ON o.id = a.organisation_id
         JOIN cycles c ON c.id = a.cycle_id JOIN categories k ON k.id = a.category_id
         LEFT JOIN snapshots s ON s.id = a.snapshot_id`;

interface SummaryRow extends DeadlineFields {
  id: string;
  entry_code: string;
  state: string;
  version: number;
  nomination: unknown;
  created_at: Date;
  updated_at: Date;
  return_reason: string | null;
  state_changed_at: Date;
  snapshot_id: string | null;
  snapshot_sha256: string | null;
  sealed_at: Date | null;
  org_id: string;
  org_name: string;
  member_unit: boolean;
  cycle_id: string;
  cycle_name: string;
  category_id: string;
  category_code: string;
  name_zh: string;
  name_en: string;
}

function toSummary(a: SummaryRow, completeness?: Pick<Completeness, 'complete' | 'percent' | 'sections'>) {
  return {
    id: a.id,
    entryCode: a.entry_code,
    state: a.state,
    version: a.version,
    etag: etagOf(a.version),
    nomination: a.nomination,
    organisation: { id: a.org_id, name: a.org_name, memberUnit: a.member_unit },
    cycle: { id: a.cycle_id, name: a.cycle_name, timeZone: a.time_zone, submissionDeadline: isoInZone(a.submission_deadline, a.time_zone) },
    /** This entry's deadline: the cycle's, or a later one staff granted. */
    deadline: isoInZone(effectiveDeadline(a), a.time_zone),
    stateChangedAt: a.state_changed_at.toISOString(),
    returnReason: a.return_reason,
    snapshot: a.snapshot_id ? { id: a.snapshot_id, sha256: a.snapshot_sha256, sealedAt: a.sealed_at!.toISOString() } : null,
    category: { id: a.category_id, code: a.category_code, nameZh: a.name_zh, nameEn: a.name_en },
    ...(completeness ? { complete: completeness.complete, percent: completeness.percent, sections: completeness.sections } : {}),
    createdAt: a.created_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
  };
}

function checkNomination(n: NominationDto): NominationDto {
  if (n.type === 'recommended' && !n.recommenderName?.trim()) {
    throw validationError([{ path: 'nomination.recommenderName', code: 'required' }]);
  }
  if (n.type === 'self' && (n.recommenderName || n.recommenderContact)) {
    throw validationError([
      { path: n.recommenderName ? 'nomination.recommenderName' : 'nomination.recommenderContact', code: 'only_when_recommended' },
    ]);
  }
  return n.type === 'self'
    ? { type: 'self' }
    : { type: 'recommended', recommenderName: n.recommenderName!.trim(), recommenderContact: n.recommenderContact?.trim() };
}

function entryCode(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `TT-${s}`;
}

const duplicate = (existingId?: string) =>
  new DomainError(
    'conflict',
    'duplicate_application',
    [{ path: 'categoryId', code: 'duplicate_application' }],
    existingId ? { existingApplicationId: existingId } : {},
  );

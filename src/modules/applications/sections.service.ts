import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isStaff, type Actor } from '../../common/auth/actor';
import { DomainError, forbidden, notFound, validationError, wrongState } from '../../common/errors/domain-error';
import { validateDraft } from '../../form/draft-validation';
import type { SectionContext, SectionData, SectionDefinition } from '../../form/field-types';
import { SectionRegistry } from '../../form/section-registry';
import { UUID } from './application-access.policy';
import { etagOf } from './etag';
import { applyMergePatch, withoutNulls } from './merge-patch';

export interface SectionView {
  key: string;
  version: number;
  etag: string;
  updatedAt: string;
  updatedBy: { id: string; name: string } | null;
  data: SectionData;
  /** Read-only values the server derives (recruitment accuracyRate, KPI met/gapPct, …). */
  computed: SectionData;
}

interface SectionRow {
  data: SectionData;
  version: number;
  updated_at: Date;
  updated_by: string | null;
  updated_by_name: string | null;
  state: string;
  is_member: boolean;
}

/**
 * Reading and writing one form section with optimistic concurrency. A write names the version it
 * was based on (`If-Match`); the UPDATE only lands on that version, so a second writer with an old
 * ETag gets 412 with the current data and nothing is overwritten.
 */
@Injectable()
export class SectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: SectionRegistry,
  ) {}

  async get(actor: Actor, applicationId: string, key: string): Promise<SectionView> {
    const def = this.definition(key);
    const row = await this.load(actor, applicationId, key);
    if (!row.is_member && !isStaff(actor)) throw notFound();
    return this.view(def, row, await this.context(def, applicationId));
  }

  /** PUT: replace the whole section (a draft may be partial). */
  replace(actor: Actor, applicationId: string, key: string, baseVersion: number, body: unknown): Promise<SectionView> {
    return this.write(actor, applicationId, key, baseVersion, () => body);
  }

  /** PATCH: JSON merge patch onto the stored section (autosave). */
  patch(actor: Actor, applicationId: string, key: string, baseVersion: number, patch: unknown): Promise<SectionView> {
    return this.write(actor, applicationId, key, baseVersion, (current) => applyMergePatch(current, patch));
  }

  /** All sections' data of an application, for completeness and cross-section rules. */
  async allData(applicationId: string): Promise<Record<string, SectionData>> {
    const rows: Array<{ section_key: string; data: SectionData }> = await this.db.query(
      'SELECT section_key, data FROM application_sections WHERE application_id = $1',
      [applicationId],
    );
    return Object.fromEntries(rows.map((r) => [r.section_key, r.data]));
  }

  private async write(
    actor: Actor,
    applicationId: string,
    key: string,
    baseVersion: number,
    next: (current: SectionData) => unknown,
  ): Promise<SectionView> {
    const def = this.definition(key);
    const row = await this.load(actor, applicationId, key);
    if (!row.is_member) throw isStaff(actor) ? forbidden() : notFound();
    if (row.state !== 'draft') throw wrongState(row.state);
    if (row.version !== baseVersion) throw this.stale(def, row);

    const body = next(row.data);
    const issues = validateDraft(def, body);
    if (issues.length) throw validationError(issues);
    const data = withoutNulls(body) as SectionData;

    // Lands only on the version the client saw, and only while the application is a draft.
    const [updated]: [Array<{ version: number; updated_at: Date }>, number] = await this.db.query(
      `UPDATE application_sections s
          SET data = $3, version = s.version + 1, updated_by = $5, updated_at = now()
         FROM applications a
        WHERE s.application_id = $1 AND s.section_key = $2 AND s.version = $4
          AND a.id = s.application_id AND a.state = 'draft'
        RETURNING s.version, s.updated_at`,
      [applicationId, key, JSON.stringify(data), baseVersion, actor.userId],
    );
    if (!updated.length) {
      // Someone else won the race between our read and write: report what is there now.
      const now = await this.load(actor, applicationId, key);
      if (now.state !== 'draft') throw wrongState(now.state);
      throw this.stale(def, now);
    }
    const ctx = await this.context(def, applicationId, { [key]: data });
    return this.view(def, { ...row, data, version: updated[0].version, updated_at: updated[0].updated_at, updated_by: actor.userId, updated_by_name: actor.name }, ctx);
  }

  private definition(key: string): SectionDefinition {
    const def = this.registry.get(key);
    if (!def) throw notFound();
    return def;
  }

  private async load(actor: Actor, applicationId: string, key: string): Promise<SectionRow> {
    if (!UUID.test(applicationId)) throw notFound();
    const rows: SectionRow[] = await this.db.query(
      `SELECT s.data, s.version, s.updated_at, s.updated_by, u.name AS updated_by_name, a.state,
              EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = a.organisation_id AND m.user_id = $3) AS is_member
         FROM application_sections s
         JOIN applications a ON a.id = s.application_id
         LEFT JOIN users u ON u.id = s.updated_by
        WHERE s.application_id = $1 AND s.section_key = $2`,
      [applicationId, key, actor.userId],
    );
    if (!rows.length) throw notFound();
    return rows[0];
  }

  /** Other sections, loaded only when this section computes something (cross-section rules). */
  private async context(def: SectionDefinition, applicationId: string, override: Record<string, SectionData> = {}): Promise<SectionContext> {
    const all = def.compute ? { ...(await this.allData(applicationId)), ...override } : override;
    return { section: (k) => all[k] ?? {} };
  }

  private view(def: SectionDefinition, row: Pick<SectionRow, 'data' | 'version' | 'updated_at' | 'updated_by' | 'updated_by_name'>, ctx: SectionContext): SectionView {
    return {
      key: def.key,
      version: row.version,
      etag: etagOf(row.version),
      updatedAt: row.updated_at.toISOString(),
      updatedBy: row.updated_by ? { id: row.updated_by, name: row.updated_by_name ?? '' } : null,
      data: row.data,
      computed: def.compute?.(row.data, ctx) ?? {},
    };
  }

  private stale(def: SectionDefinition, row: SectionRow): DomainError {
    return new DomainError(
      'precondition_failed',
      'stale_version',
      [{ path: 'If-Match', code: 'stale_version', params: { currentVersion: row.version } }],
      { current: { key: def.key, version: row.version, etag: etagOf(row.version), updatedAt: row.updated_at.toISOString(), updatedBy: row.updated_by ? { id: row.updated_by, name: row.updated_by_name } : null, data: row.data } },
    );
  }
}

import { Injectable } from '@nestjs/common';
import { computeSection } from '../../form/computed-values';
import type { Actor } from '../../common/auth/actor';
import { DomainError, notFound, validationError, wrongState } from '../../common/errors/domain-error';
import { LRUCache } from 'lru-cache';
import { validateDraft } from '../../form/draft-validation';
import type { SectionContext, SectionData, SectionDefinition } from '../../form/field-types';
import { SectionRegistry } from '../../form/section-registry';
import { Sql } from '../../infra/database/sql';
import { accessColumns, assertAccess, UUID, type AccessGrants } from './application-access.policy';
import { deadlinePassed, EFFECTIVE_DEADLINE_SQL, type DeadlineFields } from './deadline';
import { SectionWrites } from './section-writes';
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

interface SectionRow extends DeadlineFields, AccessGrants {
  data: SectionData;
  version: number;
  updated_at: Date;
  updated_by: string | null;
  updated_by_name: string | null;
  state: string;
  past_deadline: boolean;
}

/** What a write answers with: `computed: false` when the client takes only the ETag (`Prefer: return=minimal`). */
export interface Answer {
  computed?: boolean;
}

/** The section cache holds at most this many bytes of JSON (a full entry is ~60 KB). */
const CACHE_BYTES = 64 * 1024 * 1024;

interface Remembered {
  version: number;
  data: SectionData;
  bytes: number;
}

/**
 * Reading and writing one form section with optimistic concurrency. A write names the version it
 * was based on (`If-Match`); the UPDATE lands only on that version, only while the application is
 * a draft and only for a member of its organisation — so a second writer with an old ETag gets
 * 412 with the current data and nothing is overwritten.
 *
 * The data of a version never changes, so this process remembers each section's latest version
 * it has seen: an autosave based on it is one UPDATE (shared with others: SectionWrites); any other case reads first. Only the latest
 * is kept (an autosave based on an older one fails anyway): one entry per section, replaced in
 * place, instead of every version of every keystroke piling up in the old generation.
 */
@Injectable()
export class SectionsService {
  /** Bounded by bytes, not count: one essay-heavy section can be 100× a small one. */
  private readonly versions = new LRUCache<string, Remembered>({ maxSize: CACHE_BYTES, sizeCalculation: (v) => v.bytes });

  constructor(
    private readonly sql: Sql,
    private readonly registry: SectionRegistry,
    private readonly writes: SectionWrites,
  ) {}

  async get(actor: Actor, applicationId: string, key: string): Promise<SectionView> {
    const def = this.definition(key);
    const row = await this.load(actor, applicationId, key);
    assertAccess(row, 'read');
    this.remember(applicationId, key, row.version, row.data);
    return this.view(def, applicationId, row);
  }

  /** PUT: replace the whole section (a draft may be partial). */
  replace(actor: Actor, applicationId: string, key: string, baseVersion: number, body: unknown, answer?: Answer): Promise<SectionView> {
    return this.write(actor, applicationId, key, baseVersion, () => body, undefined, answer);
  }

  /** PATCH: JSON merge patch onto the stored section (autosave). */
  patch(actor: Actor, applicationId: string, key: string, baseVersion: number, patch: unknown, answer?: Answer): Promise<SectionView> {
    // the stored document was valid; only what the patch touches needs checking again
    const touched = patch !== null && typeof patch === 'object' && !Array.isArray(patch) ? Object.keys(patch) : undefined;
    return this.write(actor, applicationId, key, baseVersion, (current) => applyMergePatch(current, patch), touched, answer);
  }

  /** All sections' data of an application, for completeness and cross-section rules. */
  async allData(applicationId: string): Promise<Record<string, SectionData>> {
    const rows = await this.sql.rows<{ section_key: string; data: SectionData }>(
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
    touched: readonly string[] | undefined,
    answer: Answer = {},
  ): Promise<SectionView> {
    const def = this.definition(key);
    if (!UUID.test(applicationId)) throw notFound();
    const known = this.versions.get(this.cacheKey(applicationId, key));
    let base = known?.version === baseVersion ? known.data : undefined;
    if (!base) {
      const row = await this.load(actor, applicationId, key);
      this.assertWritable(def, row, baseVersion);
      base = row.data;
    }

    const body = next(base);
    const issues = validateDraft(def, body, touched);
    if (issues.length) {
      // access before content: a stranger learns nothing from validation messages
      this.assertWritable(def, await this.load(actor, applicationId, key), baseVersion);
      throw validationError(issues);
    }
    const data = withoutNulls(body) as SectionData;
    const json = JSON.stringify(data);

    // lands only on baseVersion, for a writer the policy grants, while a draft before the deadline
    const updated = await this.writes.write({ applicationId, key, json, baseVersion, userId: actor.userId, role: actor.role });
    if (!updated) {
      // Not allowed, not a draft any more, or someone else's write landed first: say which.
      const now = await this.load(actor, applicationId, key);
      this.assertWritable(def, now, baseVersion);
      throw this.stale(def, now);
    }
    const { version, updated_at } = updated;
    this.remember(applicationId, key, version, data, json.length);
    return this.view(def, applicationId, { data, version, updated_at, updated_by: actor.userId, updated_by_name: actor.name }, answer);
  }

  /** 404 for strangers, 403 for staff (who may read), 409 unless a draft before the deadline, 412 on an old version. */
  private assertWritable(def: SectionDefinition, row: SectionRow, baseVersion: number): void {
    assertAccess(row, 'write');
    if (row.state !== 'draft') throw wrongState(row.state);
    if (row.past_deadline) throw deadlinePassed(row);
    if (row.version !== baseVersion) throw this.stale(def, row);
  }

  private definition(key: string): SectionDefinition {
    const def = this.registry.get(key);
    if (!def) throw notFound();
    return def;
  }

  private async load(actor: Actor, applicationId: string, key: string): Promise<SectionRow> {
    if (!UUID.test(applicationId)) throw notFound();
    const rows = await this.sql.rows<SectionRow>(
      `SELECT s.data, s.version, s.updated_at, s.updated_by, u.name AS updated_by_name, a.state,
              c.submission_deadline, a.deadline_extension, c.time_zone, now() >= ${EFFECTIVE_DEADLINE_SQL} AS past_deadline,
              ${accessColumns(actor.role, { app: 'a', user: '$3' })}
         FROM application_sections s
         JOIN applications a ON a.id = s.application_id
         JOIN cycles c ON c.id = a.cycle_id
         LEFT JOIN users u ON u.id = s.updated_by
        WHERE s.application_id = $1 AND s.section_key = $2`,
      [applicationId, key, actor.userId],
    );
    if (!rows.length) throw notFound();
    return rows[0];
  }

  private cacheKey = (applicationId: string, key: string) => `${applicationId}/${key}`;

  private remember(applicationId: string, key: string, version: number, data: SectionData, bytes?: number): void {
    const cacheKey = this.cacheKey(applicationId, key);
    // a read that raced a write must not put the older version back
    if ((this.versions.peek(cacheKey)?.version ?? 0) > version) return;
    this.versions.set(cacheKey, { version, data, bytes: bytes ?? JSON.stringify(data).length });
  }

  private async view(
    def: SectionDefinition,
    applicationId: string,
    row: Pick<SectionRow, 'data' | 'version' | 'updated_at' | 'updated_by' | 'updated_by_name'>,
    { computed = true }: Answer = {},
  ): Promise<SectionView> {
    return {
      key: def.key,
      version: row.version,
      etag: etagOf(row.version),
      updatedAt: row.updated_at.toISOString(),
      updatedBy: row.updated_by ? { id: row.updated_by, name: row.updated_by_name ?? '' } : null,
      data: row.data,
      computed: def.compute && computed ? computeSection(def, row.data, await this.context(def, applicationId, row.data)) : {},
    };
  }

  /** Other sections, read only for a compute() that declares the context parameter. */
  private async context(def: SectionDefinition, applicationId: string, own: SectionData): Promise<SectionContext> {
    const all = def.compute && def.compute.length > 1 ? await this.allData(applicationId) : {};
    all[def.key] = own;
    return { section: (k) => all[k] ?? {} };
  }

  private stale(def: SectionDefinition, row: SectionRow): DomainError {
    return new DomainError(
      'precondition_failed',
      'stale_version',
      [{ path: 'If-Match', code: 'stale_version', params: { currentVersion: row.version } }],
      {
        current: {
          key: def.key,
          version: row.version,
          etag: etagOf(row.version),
          updatedAt: row.updated_at.toISOString(),
          updatedBy: row.updated_by ? { id: row.updated_by, name: row.updated_by_name } : null,
          data: row.data,
        },
      },
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { Actor } from '../../../common/auth/actor';
import { DomainError, notFound } from '../../../common/errors/domain-error';
import { isoInZone } from '../../../common/time/zoned-time';
import { SectionRegistry } from '../../../form/section-registry';
import { Sql } from '../../../infra/database/sql';
import { StorageService } from '../../../infra/storage/storage.service';
import { judgeViewer } from '../../dossiers/dossier-builder';
import type { SnapshotDocument } from '../../dossiers/dossier-view';
import { DossiersService } from '../../dossiers/dossiers.service';
import { unrated } from '../rubrics/rubric-scoring';
import { criteriaOf, type RubricTree } from '../rubrics/rubric-tree';
import { AssignmentAccess } from './assignment-access';
import { judgeEntryView, type EntryAttachmentMeta } from './blind-entry';
import { judgeSeesAssignmentSql } from './judge-access';

interface AttachmentRow {
  id: string;
  kind: string;
  sha256: string;
  size: string;
  content_type: string;
  original_name: string | null;
  storage_key: string;
}

export type JudgeDossierAnswer =
  { ready: true; stream: Readable; size: number; sha256: string; fileName: string } | { ready: false; status: string; progress: number };

/**
 * What a judge sees of their assignments: the list (own only), one entry as the round lets them
 * see it (blind: entry code and no identifying field), its attachments under neutral names, and
 * their copy of the dossier. Before confidentiality acceptance, once conflicted, or not assigned:
 * 404 (assignment-access.ts).
 */
@Injectable()
export class JudgeEntriesService {
  constructor(
    private readonly sql: Sql,
    private readonly access: AssignmentAccess,
    private readonly registry: SectionRegistry,
    private readonly storage: StorageService,
    private readonly dossiers: DossiersService,
  ) {}

  /** `GET /api/judge/assignments`. */
  async mine(actor: Actor) {
    const rows = await this.sql.rows<{
      id: string;
      round_id: string;
      round_name: string;
      round_state: string;
      closes_at: Date;
      time_zone: string;
      blind: boolean;
      entry_code: string;
      tree: RubricTree;
      review_state: 'draft' | 'submitted' | null;
      ratings: Record<string, unknown> | null;
    }>(
      `SELECT x.id, x.round_id, r.name AS round_name, r.state AS round_state, r.closes_at, c.time_zone, r.blind, a.entry_code, rb.tree,
              v.state AS review_state, v.ratings
         FROM assignments x JOIN applications a ON a.id = x.application_id JOIN rounds r ON r.id = x.round_id
         JOIN cycles c ON c.id = r.cycle_id JOIN rubrics rb ON rb.id = r.rubric_id LEFT JOIN reviews v ON v.assignment_id = x.id
        WHERE x.judge_id = $1 AND ${judgeSeesAssignmentSql({ assignment: 'x', app: 'a', round: 'r', user: '$1' })}
        ORDER BY r.closes_at, r.name, a.entry_code`,
      [actor.userId],
    );
    return rows.map((r) => {
      const criteria = criteriaOf(r.tree).length;
      return {
        id: r.id,
        roundId: r.round_id,
        roundName: r.round_name,
        roundState: r.round_state,
        closesAt: isoInZone(r.closes_at, r.time_zone),
        timeZone: r.time_zone,
        blind: r.blind,
        entryCode: r.entry_code,
        state: r.review_state ?? 'none',
        progress: { rated: criteria - unrated(r.tree, (r.ratings ?? {}) as never).length, criteria },
      };
    });
  }

  /** `GET /api/assignments/:id`: the assigned judge, or staff (who see it as the judge would). */
  async entry(actor: Actor, id: string) {
    const ctx = await this.access.require(actor, id, { staff: true });
    const doc = await this.snapshot(ctx.snapshot_id);
    const attachments = await this.attachmentRows(doc);
    const view = judgeEntryView(this.registry, doc, attachments.map(meta), ctx.blind);
    const sectionsOfCriteria = criteriaOf(ctx.tree).map(({ criterion: c, groups }) => ({
      key: c.key,
      label: c.label,
      ...(c.guidance ? { guidance: c.guidance } : {}),
      groups,
      type: c.type,
      weight: c.weight,
      ...(c.type === 'scale' ? { min: c.min, max: c.max, step: c.step } : {}),
      sections: c.sections,
      commentRequiredAtExtremes: !!c.commentRequiredAtExtremes,
    }));
    return {
      id: ctx.id,
      roundId: ctx.round_id,
      roundName: ctx.round_name,
      roundState: ctx.round_state,
      blind: ctx.blind,
      entryCode: ctx.entry_code,
      // who the entrant is only where the round is not blind
      ...(ctx.blind ? {} : { company: enterpriseName(doc) ?? doc.application?.organisation?.name ?? null }),
      sections: view.sections,
      computed: view.computed,
      hidden: view.hidden,
      attachments: view.attachments,
      rubric: { id: ctx.rubric_id, scoring: ctx.tree.scoring, criteria: sectionsOfCriteria },
    };
  }

  /** `GET /api/assignments/:id/attachments/:attId`: the bytes under a neutral name (blind) — never the original name in a blind round. */
  async attachment(actor: Actor, id: string, attachmentId: string) {
    const ctx = await this.access.require(actor, id, { staff: true });
    const doc = await this.snapshot(ctx.snapshot_id);
    const rows = await this.attachmentRows(doc);
    const view = judgeEntryView(this.registry, doc, rows.map(meta), ctx.blind);
    const listed = view.attachments.find((a) => a.id === attachmentId);
    const row = rows.find((r) => r.id === attachmentId);
    if (!listed || !row) throw notFound();
    return {
      stream: await this.storage.getStream(row.storage_key),
      size: Number(row.size),
      contentType: row.content_type,
      sha256: row.sha256,
      fileName: ctx.blind ? `${ctx.entry_code}-${listed.name}` : listed.name,
    };
  }

  /** `GET /api/assignments/:id/dossier`: the judge copy (blind as the round is), watermarked with the judge's name. */
  async dossier(actor: Actor, id: string): Promise<JudgeDossierAnswer> {
    const ctx = await this.access.require(actor, id);
    if (!ctx.snapshot_id) throw notFound();
    const row = await this.dossiers.request(ctx.snapshot_id, 'judge', judgeViewer(actor.userId, ctx.blind));
    if (row.status === 'failed')
      throw new DomainError(
        'conflict',
        'dossier_failed',
        [{ path: 'dossier', code: 'dossier_failed', params: { reason: row.error ?? '' } }],
        {
          status: 'failed',
        },
      );
    if (row.status === 'ready' && row.storage_key)
      return {
        ready: true,
        stream: await this.storage.getStream(row.storage_key),
        size: Number(row.size),
        sha256: row.sha256!,
        fileName: `${ctx.entry_code}-judge.pdf`,
      };
    return { ready: false, status: row.status, progress: row.progress };
  }

  private async snapshot(snapshotId: string | null): Promise<SnapshotDocument> {
    if (!snapshotId) throw notFound();
    const row = await this.sql.one<{ canonical: string }>('SELECT canonical FROM snapshots WHERE id = $1', [snapshotId]);
    if (!row) throw notFound();
    const doc = JSON.parse(row.canonical) as Partial<SnapshotDocument>;
    return {
      application: {
        ...(doc.application as SnapshotDocument['application']),
        organisation: doc.application?.organisation ?? { id: '', name: '' },
      },
      sections: doc.sections ?? {},
      computed: doc.computed ?? {},
      attachments: doc.attachments ?? [],
    };
  }

  private attachmentRows(doc: SnapshotDocument): Promise<AttachmentRow[]> {
    const ids = doc.attachments.map((a) => a.id);
    if (!ids.length) return Promise.resolve([]);
    return this.sql.rows<AttachmentRow>(
      'SELECT id, kind, sha256, size, content_type, original_name, storage_key FROM attachments WHERE id = ANY($1::uuid[])',
      [ids],
    );
  }
}

const meta = (r: AttachmentRow): EntryAttachmentMeta => ({
  id: r.id,
  kind: r.kind,
  sha256: r.sha256,
  size: Number(r.size),
  contentType: r.content_type,
  originalName: r.original_name,
});

function enterpriseName(doc: SnapshotDocument): string | undefined {
  const name = (doc.sections.basics?.enterprise as Record<string, unknown> | undefined)?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/auth/actor';
import { DomainError, validationError } from '../../../common/errors/domain-error';
import { Sql, type SqlRunner } from '../../../infra/database/sql';
import { etagOf } from '../../applications/etag';
import { AuditService } from '../../audit/audit.service';
import { AssignmentAccess, type AssignmentContext } from '../assignments/assignment-access';
import { roundWrongState } from '../judging-errors';
import { reviewTotal, type Rating, type Ratings } from '../rubrics/rubric-scoring';
import { patchReview, ratingChanges, submitIssues, type ReviewDocument } from './review-rules';

interface ReviewRow {
  id: string;
  ratings: Record<string, Rating>;
  comments: Record<string, string>;
  overall_comment: string | null;
  state: 'draft' | 'submitted';
  version: number;
  total: string | null;
  updated_at: Date;
  submitted_at: Date | null;
}

export interface ReviewView {
  assignmentId: string;
  ratings: Record<string, Rating>;
  comments: Record<string, string>;
  overallComment: string | null;
  state: 'draft' | 'submitted';
  version: number;
  etag: string;
  /** The rubric total of the ratings so far (counted only once submitted). */
  total: number;
  groups?: Record<string, number>;
  updatedAt: string | null;
  submittedAt: string | null;
}

/**
 * A judge's review of one assignment: read with an ETag, changed by JSON merge patch with
 * If-Match (412 with the current review when stale, 428 without), submitted when complete (422
 * listing what is missing). Editable while the round is open (then 409 with its state); every
 * change audited with what changed. No row until the first change: version 0.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly sql: Sql,
    private readonly access: AssignmentAccess,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, assignmentId: string): Promise<ReviewView> {
    const ctx = await this.access.require(actor, assignmentId);
    return this.view(ctx, await this.row(this.sql, assignmentId));
  }

  async patch(actor: Actor, assignmentId: string, baseVersion: number, body: unknown): Promise<ReviewView> {
    return this.sql.transaction(async (tx) => {
      const ctx = await this.access.require(actor, assignmentId, { db: tx, lock: true });
      const row = await this.row(tx, assignmentId);
      if (ctx.round_state !== 'open') throw roundWrongState(ctx.round_state);
      if ((row?.version ?? 0) !== baseVersion) throw this.stale(ctx, row);
      const current = this.document(row);
      const { errors, next } = patchReview(ctx.tree, { ...current, state: row?.state ?? 'draft' }, body);
      if (errors.length || !next) throw validationError(errors);
      // a submitted review stays submittable: a change may not leave it incomplete
      if (row?.state === 'submitted') {
        const issues = submitIssues(ctx.tree, next);
        if (issues.length) throw new DomainError('unprocessable', 'review_incomplete', issues);
      }
      const total = reviewTotal(ctx.tree, next.ratings as Ratings).total;
      const saved = await tx.one<ReviewRow>(
        `INSERT INTO reviews (assignment_id, ratings, comments, overall_comment, total) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (assignment_id) DO UPDATE SET ratings = EXCLUDED.ratings, comments = EXCLUDED.comments,
           overall_comment = EXCLUDED.overall_comment, total = EXCLUDED.total, version = reviews.version + 1, updated_at = now()
         RETURNING *`,
        [assignmentId, JSON.stringify(next.ratings), JSON.stringify(next.comments), next.overallComment, total],
      );
      await this.audit.record(
        {
          action: 'review.update',
          actor,
          applicationId: ctx.application_id,
          entity: 'review',
          entityId: saved!.id,
          details: {
            assignmentId,
            roundId: ctx.round_id,
            version: saved!.version,
            state: saved!.state,
            ratings: ratingChanges(current.ratings, next.ratings),
            comments: Object.keys(ratingChanges(current.comments, next.comments)),
            overallComment: current.overallComment !== next.overallComment,
            total,
          },
        },
        tx,
      );
      return this.view(ctx, saved);
    });
  }

  async submit(actor: Actor, assignmentId: string): Promise<ReviewView> {
    return this.sql.transaction(async (tx) => {
      const ctx = await this.access.require(actor, assignmentId, { db: tx, lock: true });
      if (ctx.round_state !== 'open') throw roundWrongState(ctx.round_state);
      const row = await this.row(tx, assignmentId);
      const doc = this.document(row);
      const issues = submitIssues(ctx.tree, doc);
      if (issues.length) throw new DomainError('unprocessable', 'review_incomplete', issues);
      const total = reviewTotal(ctx.tree, doc.ratings as Ratings).total;
      const saved = await tx.one<ReviewRow>(
        `UPDATE reviews SET state = 'submitted', submitted_at = coalesce(submitted_at, now()), total = $2, version = version + 1, updated_at = now()
          WHERE assignment_id = $1 RETURNING *`,
        [assignmentId, total],
      );
      await this.audit.record(
        {
          action: 'review.submit',
          actor,
          applicationId: ctx.application_id,
          entity: 'review',
          entityId: saved!.id,
          fromState: row!.state,
          toState: 'submitted',
          details: { assignmentId, roundId: ctx.round_id, version: saved!.version, total, ratings: doc.ratings },
        },
        tx,
      );
      return this.view(ctx, saved);
    });
  }

  private row(db: SqlRunner, assignmentId: string) {
    return db.one<ReviewRow>('SELECT * FROM reviews WHERE assignment_id = $1', [assignmentId]);
  }

  private document(row: ReviewRow | undefined): ReviewDocument {
    return { ratings: row?.ratings ?? {}, comments: row?.comments ?? {}, overallComment: row?.overall_comment ?? null };
  }

  private view(ctx: AssignmentContext, row: ReviewRow | undefined): ReviewView {
    const doc = this.document(row);
    const score = reviewTotal(ctx.tree, doc.ratings as Ratings);
    return {
      assignmentId: ctx.id,
      ...doc,
      state: row?.state ?? 'draft',
      version: row?.version ?? 0,
      etag: etagOf(row?.version ?? 0),
      total: score.total,
      ...(score.groups ? { groups: score.groups } : {}),
      updatedAt: row ? row.updated_at.toISOString() : null,
      submittedAt: row?.submitted_at ? row.submitted_at.toISOString() : null,
    };
  }

  private stale(ctx: AssignmentContext, row: ReviewRow | undefined): DomainError {
    const current = this.view(ctx, row);
    return new DomainError(
      'precondition_failed',
      'stale_version',
      [{ path: 'If-Match', code: 'stale_version', params: { currentVersion: current.version } }],
      { current },
    );
  }
}

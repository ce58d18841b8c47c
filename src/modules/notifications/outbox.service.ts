import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { isoInZone } from '../../common/time/zoned-time';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Sql, type SqlRunner } from '../../infra/database/sql';
import { Mailer } from '../../infra/mail/mailer';
import { missingRow } from '../../infra/queue/job-table.processor';
import { NOTIFICATIONS_QUEUE, NotificationJob } from '../../infra/queue/queues';
import { APPLICANT_MEMBERSHIPS } from '../../common/sql/applicant-memberships';
import { renderNotification } from './notification-renderer';

const REMINDERS: Array<{ kind: 'deadline_3d' | 'deadline_24h'; withinHours: [number, number] }> = [
  { kind: 'deadline_24h', withinHours: [0, 24] },
  { kind: 'deadline_3d', withinHours: [24, 72] },
];

/** Mails whose one-time link is issued as they are sent, in the delivery's transaction. */
export type LinkedMailKind = 'password_reset' | 'invitation';
/** Issues the link for `subjectId` (a user, an invitation); undefined: nothing to send any more. */
export type MailLinkIssuer = (tx: SqlRunner, subjectId: string, publicUrl: string) => Promise<string | undefined>;

/** An outbox row as delivery reads it. */
interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  recipient_user_ids: string[];
  /** Addresses without an account yet (a judge invitation). */
  recipient_emails: string[];
  delivered_at: Date | null;
}

/** A draft whose (possibly extended) deadline is within a reminder's window. */
interface DraftNearDeadline {
  id: string;
  entry_code: string;
  cycle: string;
  time_zone: string;
  deadline: Date;
  organisation_id: string;
}

/**
 * The notification outbox: rows are written in the transaction that causes them; after commit
 * their delivery is queued (job id = row id, so never twice), and a periodic sweep queues any
 * whose enqueue was lost. Delivery is idempotent: a delivered row is skipped.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);
  private readonly linkIssuers = new Map<LinkedMailKind, MailLinkIssuer>();

  constructor(
    private readonly db: Sql,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The feature that owns a linked mail registers how its one-time link is issued (identity: reset
   * links, organisations: invitation links), so that notifications imports no feature module.
   */
  useLinkIssuer(kind: LinkedMailKind, issuer: MailLinkIssuer): void {
    this.linkIssuers.set(kind, issuer);
  }

  private issueLink(kind: LinkedMailKind, tx: SqlRunner, subjectId: string): Promise<string | undefined> {
    const issuer = this.linkIssuers.get(kind);
    // a process that delivers mail without the owner's module loaded is a wiring bug: fail the delivery (it is retried)
    if (!issuer) throw new Error(`no link issuer registered for ${kind} mails`);
    return issuer(tx, subjectId, this.config.publicUrl);
  }

  /** After commit. Best effort: if Redis is down now, the sweep queues them later. */
  async enqueue(outboxIds: string[]): Promise<void> {
    if (!outboxIds.length) return;
    await this.queue
      .addBulk(outboxIds.map((id) => ({ name: NotificationJob.deliver, data: { outboxId: id }, opts: { jobId: `deliver-${id}` } })))
      .catch((e: Error) => this.logger.warn(`queueing notifications failed (the sweep retries): ${e.message}`));
  }

  /** Undelivered rows older than a few seconds, queued again (duplicates are dropped by job id). */
  async sweep(): Promise<number> {
    const rows = await this.db.rows<{ id: string }>(
      `SELECT id FROM notification_outbox WHERE delivered_at IS NULL AND created_at < now() - interval '5 seconds' ORDER BY created_at LIMIT 500`,
    );
    await this.enqueue(rows.map((r) => r.id));
    return rows.length;
  }

  /** Send one row's e-mail and mark it delivered, under its row lock. */
  async deliver(outboxId: string): Promise<'sent' | 'already'> {
    let failure: unknown;
    const outcome = await this.db
      .transaction(async (tx) => {
        const row = await tx.one<OutboxRow>(
          'SELECT id, kind, payload, recipient_user_ids, recipient_emails, delivered_at FROM notification_outbox WHERE id = $1 FOR UPDATE',
          [outboxId],
        );
        if (!row) return 'missing' as const;
        if (row.delivered_at) return 'already' as const;
        const recipients = await tx.rows<{ id: string; email: string }>('SELECT id, email FROM users WHERE id = ANY($1) AND NOT disabled', [
          row.recipient_user_ids,
        ]);
        let payload = row.payload;
        // addresses without an account yet (a judge invitation) are mailed as given
        let to = [...recipients.map((r) => r.email), ...row.recipient_emails];
        // an organisation invitation goes to its address with a link issued now like a reset link;
        // revoked, accepted or expired meanwhile, nothing is sent
        if (row.kind === 'invitation') {
          const address = row.recipient_emails[0];
          const link = address ? await this.issueLink('invitation', tx, String(row.payload.invitationId)) : undefined;
          payload = { ...row.payload, link: link ?? '' };
          to = link ? [address] : [];
        }
        // a reset link is issued only now, in this transaction: the row never holds the secret, and
        // a send that fails rolls the token back (a row for an unknown address has no recipient)
        if (row.kind === 'password_reset' && recipients.length === 1)
          payload = { link: (await this.issueLink('password_reset', tx, recipients[0].id)) ?? '' };
        try {
          await this.mailer.send(renderNotification(row.kind, payload, to));
        } catch (e) {
          failure = e;
          throw e; // rolls back what this delivery wrote
        }
        await tx.run('UPDATE notification_outbox SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1', [
          outboxId,
        ]);
        return 'sent' as const;
      })
      .catch((e: unknown) => {
        if (failure !== undefined && e === failure) return 'failed' as const;
        throw e;
      });
    if (outcome === 'missing') throw missingRow('notification', outboxId);
    if (outcome === 'failed') {
      await this.db.run('UPDATE notification_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
        outboxId,
        String(failure),
      ]);
      throw failure; // BullMQ retries with backoff
    }
    return outcome;
  }

  /** Queue "deadline in 3 days" and "in 24 hours" for drafts, once per application and deadline. */
  async queueDeadlineReminders(now = new Date()): Promise<number> {
    const ids: string[] = [];
    for (const r of REMINDERS) {
      const rows = await this.db.rows<DraftNearDeadline>(
        `SELECT a.id, a.entry_code, c.name AS cycle, c.time_zone, a.organisation_id,
                greatest(c.submission_deadline, coalesce(a.deadline_extension, c.submission_deadline)) AS deadline
           FROM applications a JOIN cycles c ON c.id = a.cycle_id
          WHERE a.state = 'draft'
            AND greatest(c.submission_deadline, coalesce(a.deadline_extension, c.submission_deadline))
                BETWEEN $1::timestamptz + make_interval(hours => $2) AND $1::timestamptz + make_interval(hours => $3)`,
        [now, r.withinHours[0], r.withinHours[1]],
      );
      for (const a of rows) {
        const deadline = isoInZone(a.deadline, a.time_zone);
        const inserted = await this.db.rows<{ id: string }>(
          `INSERT INTO notification_outbox (kind, application_id, recipient_user_ids, payload, dedup_key)
           SELECT $1, $2, coalesce(array_agg(user_id), '{}'), $3, $4 FROM ${APPLICANT_MEMBERSHIPS} m WHERE organisation_id = $5
           ON CONFLICT (dedup_key) DO NOTHING RETURNING id`,
          [
            r.kind,
            a.id,
            JSON.stringify({ entryCode: a.entry_code, cycle: a.cycle, deadline }),
            `${r.kind}:${a.id}:${deadline}`,
            a.organisation_id,
          ],
        );
        ids.push(...inserted.map((i) => i.id));
      }
    }
    await this.enqueue(ids);
    return ids.length;
  }
}

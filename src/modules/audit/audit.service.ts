import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { Sql, type SqlRunner } from '../../infra/database/sql';

export interface AuditEntry {
  action: string;
  actor?: Pick<Actor, 'userId' | 'role'> | null;
  applicationId?: string | null;
  entity?: string;
  entityId?: string;
  fromState?: string | null;
  toState?: string | null;
  snapshotSha256?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditFilter {
  applicationId?: string;
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/** One entry of `list`: the audit row with its actor's name and e-mail. */
export type AuditRow = {
  id: string;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  applicationId: string | null;
  entity: string | null;
  entityId: string | null;
  fromState: string | null;
  toState: string | null;
  snapshotSha256: string | null;
  details: Record<string, unknown>;
};

/** The audit trail: one row per thing that happened, written in the transaction that did it. */
@Injectable()
export class AuditService {
  constructor(private readonly db: Sql) {}

  /** Record inside the caller's transaction (or on its own when none is given). */
  async record(entry: AuditEntry, tx: SqlRunner = this.db): Promise<void> {
    await tx.run(INSERT_AUDIT, auditParams(entry));
  }

  async list(filter: AuditFilter): Promise<AuditRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.applicationId) add('l.application_id = ?', filter.applicationId);
    if (filter.action) add('l.action = ?', filter.action);
    if (filter.actorId) add('l.actor_id = ?', filter.actorId);
    if (filter.from) add('l.at >= ?', filter.from);
    if (filter.to) add('l.at < ?', filter.to);
    params.push(Math.min(filter.limit ?? 500, 10_000));
    return this.db.rows<AuditRow>(
      `SELECT l.id::text, l.at, l.action, l.actor_id AS "actorId", u.name AS "actorName", u.email AS "actorEmail", l.actor_role AS "actorRole",
              l.application_id AS "applicationId", l.entity, l.entity_id AS "entityId", l.from_state AS "fromState",
              l.to_state AS "toState", l.snapshot_sha256 AS "snapshotSha256", l.details
         FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY l.at DESC, l.id DESC LIMIT $${params.length}`,
      params,
    );
  }
}

const INSERT_AUDIT = `INSERT INTO audit_log (actor_id, actor_role, action, application_id, entity, entity_id, from_state, to_state, snapshot_sha256, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;

const auditParams = (entry: AuditEntry): unknown[] => [
  entry.actor?.userId ?? null,
  entry.actor?.role ?? null,
  entry.action,
  entry.applicationId ?? null,
  entry.entity ?? null,
  entry.entityId ?? null,
  entry.fromState ?? null,
  entry.toState ?? null,
  entry.snapshotSha256 ?? null,
  JSON.stringify(entry.details ?? {}),
];

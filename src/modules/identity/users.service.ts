import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { Sql, type SqlTx } from '../../infra/database/sql';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Actor } from '../../common/auth/actor';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from './password';
import { SessionService } from './session.service';
import type { UsersQueryDto } from './auth.dto';
import type { Role } from './user.entity';

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly db: Sql,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /** The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD; no password lives in code. */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    const rows = await this.db.rows<{ id: string }>(
      `INSERT INTO users (email, name, password_hash, role) VALUES ($1, 'Administrator', $2, 'admin')
       ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
      [admin.email, await hashPassword(admin.password)],
    );
    if (rows.length) this.logger.log(`Created admin ${admin.email}`);
  }

  /** Accounts by e-mail or name and role, oldest first, with their live sessions. */
  async list(query: UsersQueryDto) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const params: unknown[] = [];
    const where: string[] = [];
    const q = query.q?.trim();
    if (q) {
      params.push(`%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      where.push(`(u.email ILIKE $${params.length} OR u.name ILIKE $${params.length})`);
    }
    if (query.role) where.push(`u.role = $${params.push(query.role)}`);
    const rows = await this.db.rows<{
      id: string;
      email: string;
      name: string;
      role: Role;
      disabled: boolean;
      created_at: Date;
      active_sessions: number;
      last_sign_in_at: Date | null;
      total: string;
    }>(
      `SELECT u.id, u.email, u.name, u.role, u.disabled, u.created_at, count(*) OVER () AS total,
              (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id AND s.expires_at > now()) AS active_sessions,
              (SELECT max(s.created_at) FROM sessions s WHERE s.user_id = u.id) AS last_sign_in_at
         FROM users u ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY u.created_at, u.id LIMIT $${params.push(pageSize)} OFFSET $${params.push((page - 1) * pageSize)}`,
      params,
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        role: r.role,
        disabled: r.disabled,
        createdAt: r.created_at.toISOString(),
        activeSessions: r.active_sessions,
        lastSignInAt: r.last_sign_in_at?.toISOString() ?? null,
      })),
      total: rows.length ? Number(rows[0].total) : 0,
      page,
      pageSize,
    };
  }

  /**
   * Locks every enabled admin row (in id order), then the target's. Every role or status change
   * takes them in this order, so two admins demoting or disabling each other at once are
   * serialised — the second sees the first's outcome — and never deadlock.
   */
  private async lockTarget(tx: SqlTx, id: string) {
    const admins = await tx.rows<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`);
    const target = await tx.one<{ role: Role; disabled: boolean }>('SELECT role, disabled FROM users WHERE id = $1 FOR UPDATE', [id]);
    if (!target) throw notFound();
    return { target, admins: admins.map((a) => a.id) };
  }

  /** An admin may not demote or disable themself, nor leave the platform without an enabled admin (409). */
  private guardAdmins(actor: Actor, id: string, target: { role: Role; disabled: boolean }, admins: string[], code: string) {
    if (actor.userId === id) throw new DomainError('conflict', `${code}_self`, [{ path: 'id', code: `${code}_self` }]);
    if (target.role !== 'admin' || target.disabled) return;
    if (!admins.some((a) => a !== id)) throw new DomainError('conflict', 'last_admin', [{ path: 'id', code: 'last_admin' }]);
  }

  async changeRole(actor: Actor, id: string, role: Role) {
    const updated = await this.db.transaction(async (tx) => {
      const { target: before, admins } = await this.lockTarget(tx, id);
      if (before.role === 'admin' && role !== 'admin') this.guardAdmins(actor, id, before, admins, 'demote');
      // judges, staff and admins are never organisation members (issue 10): refuse, naming them
      if (role !== 'applicant') {
        const orgs = await tx.rows<{ name: string }>(
          'SELECT o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1 ORDER BY m.created_at',
          [id],
        );
        const organisations = orgs.map((o) => o.name);
        if (organisations.length) {
          throw new DomainError(
            'conflict',
            'role_has_memberships',
            [{ path: 'role', code: 'role_has_memberships', params: { organisations } }],
            {},
            { organisations },
          );
        }
      }
      const user = await tx.one<{ id: string; email: string; name: string; role: Role }>(
        'UPDATE users SET role = $2, updated_at = now() WHERE id = $1 RETURNING id, email, name, role',
        [id, role],
      );
      await this.audit.record({ action: 'user.role', actor, entity: 'user', entityId: id, fromState: before.role, toState: role }, tx);
      // signed out with the change itself: a request of theirs sees the old role and its session, or neither
      await this.sessions.revokeAllOf(id, tx);
      return user!;
    });
    this.sessions.forgetAllOf(id);
    return updated;
  }

  /** Disable (sessions end, sign-in refused) or enable an account; audited with the reason. */
  async setDisabled(actor: Actor, id: string, disabled: boolean, reason?: string) {
    const updated = await this.db.transaction(async (tx) => {
      const { target: before, admins } = await this.lockTarget(tx, id);
      if (disabled) this.guardAdmins(actor, id, before, admins, 'disable');
      const user = await tx.one<{ id: string; email: string; name: string; role: Role; disabled: boolean }>(
        'UPDATE users SET disabled = $2, updated_at = now() WHERE id = $1 RETURNING id, email, name, role, disabled',
        [id, disabled],
      );
      await this.audit.record(
        {
          action: disabled ? 'user.disable' : 'user.enable',
          actor,
          entity: 'user',
          entityId: id,
          fromState: before.disabled ? 'disabled' : 'enabled',
          toState: disabled ? 'disabled' : 'enabled',
          details: reason ? { reason: reason.trim() } : {},
        },
        tx,
      );
      return user!;
    });
    if (disabled) await this.sessions.revokeAllOf(id);
    return updated;
  }

  /** End every session of the account (force sign-out); audited. */
  async signOut(actor: Actor, id: string) {
    const user = await this.db.one<{ id: string }>('SELECT id FROM users WHERE id = $1', [id]);
    if (!user) throw notFound();
    const sessionsEnded = await this.db.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND expires_at > now()',
      [id],
    );
    await this.sessions.revokeAllOf(id);
    await this.audit.record({ action: 'user.sign_out', actor, entity: 'user', entityId: id, details: { sessions: sessionsEnded?.n ?? 0 } });
    return { id, sessionsEnded: sessionsEnded?.n ?? 0 };
  }
}

import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Sql } from '../../infra/database/sql';
import type { Actor } from '../../common/auth/actor';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from './password';
import { SessionService } from './session.service';
import type { Role } from './user.entity';

/** A user as staff see them in the list and after a role change. */
interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
}

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

  list() {
    return this.db.rows<UserRow & { disabled: boolean; createdAt: Date }>(
      'SELECT id, email, name, role, disabled, created_at AS "createdAt" FROM users ORDER BY created_at',
    );
  }

  async changeRole(actor: Actor, id: string, role: Role) {
    const updated = await this.db.transaction(async (tx) => {
      const before = await tx.one<{ role: Role }>('SELECT role FROM users WHERE id = $1 FOR UPDATE', [id]);
      if (!before) throw notFound();
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
      const [user] = await tx.rows<UserRow>(
        'UPDATE users SET role = $2, updated_at = now() WHERE id = $1 RETURNING id, email, name, role',
        [id, role],
      );
      await this.audit.record({ action: 'user.role', actor, entity: 'user', entityId: id, fromState: before.role, toState: role }, tx);
      return user;
    });
    await this.sessions.revokeAllOf(id);
    return updated;
  }
}

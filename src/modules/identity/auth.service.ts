import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { Sql } from '../../infra/database/sql';
import { AuditService } from '../audit/audit.service';
import { hashPassword, verifyPassword } from './password';
import { SessionService } from './session.service';
import type { RegisterDto } from './auth.dto';
import type { Role } from './user.entity';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string; role: Role };
}

/** A user as sign-in and registration answer them. */
interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Sql,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /** A new applicant who owns a new organisation; signed in at once. */
  async register(dto: RegisterDto, userAgent?: string): Promise<SignedIn & { organisation: { id: string; name: string } }> {
    const email = dto.email.trim().toLowerCase();
    const passwordHash = await hashPassword(dto.password);
    const created = await this.db
      .transaction(async (tx) => {
        const taken = await tx.rows<unknown>('SELECT 1 FROM users WHERE lower(email) = $1', [email]);
        if (taken.length) throw new DomainError('conflict', 'email_taken', [{ path: 'email', code: 'email_taken' }]);
        const [user] = await tx.rows<UserRow>(
          `INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, 'applicant') RETURNING id, email, name, role`,
          [email, dto.name.trim(), passwordHash],
        );
        const [org] = await tx.rows<{ id: string; name: string }>('INSERT INTO organisations (name) VALUES ($1) RETURNING id, name', [
          dto.organisationName.trim(),
        ]);
        await tx.run(`INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, 'owner')`, [org.id, user.id]);
        return { user, org };
      })
      .catch((e: unknown) => {
        // two registrations racing for one e-mail: the unique index decides
        if ((e as { code?: string }).code === '23505')
          throw new DomainError('conflict', 'email_taken', [{ path: 'email', code: 'email_taken' }]);
        throw e;
      });
    const session = await this.sessions.create(created.user.id, userAgent);
    return { ...session, user: created.user, organisation: created.org };
  }

  async login(emailRaw: string, password: string, userAgent?: string): Promise<SignedIn> {
    const email = emailRaw.trim().toLowerCase();
    const [user] = await this.db.rows<UserRow & { password_hash: string }>(
      'SELECT id, email, name, role, password_hash FROM users WHERE lower(email) = $1 AND NOT disabled',
      [email],
    );
    if (!(await verifyPassword(user?.password_hash, password))) {
      await this.audit.record({ action: 'auth.login_failed', details: { email } });
      throw new DomainError('unauthorized', 'bad_credentials');
    }
    const session = await this.sessions.create(user.id, userAgent);
    await this.audit.record({ action: 'auth.login', actor: { userId: user.id, role: user.role }, entity: 'user', entityId: user.id });
    return { ...session, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }
}

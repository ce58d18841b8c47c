import { Injectable } from '@nestjs/common';
import { isStaff, type Actor } from '../../common/auth/actor';
import { hashToken, newToken } from '../../common/auth/tokens';
import { DomainError, forbidden, notFound, validationError, wrongState } from '../../common/errors/domain-error';
import { Sql } from '../../infra/database/sql';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../identity/password';
import { OutboxService } from '../notifications/outbox.service';
import { SessionService } from '../identity/session.service';
import { APPLICANT_MEMBERSHIPS } from '../../common/sql/applicant-memberships';
import type { AcceptInvitationDto, UpdateOrganisationDto } from './organisations.dto';

const INVITATION_DAYS = 14;

const ORG_COLUMNS = `o.id, o.name, o.uscc, o.parent_group AS "parentGroup", o.member_unit AS "memberUnit", o.created_at AS "createdAt"`;

/** An organisation as `ORG_COLUMNS` selects it. */
interface OrganisationRow {
  id: string;
  name: string;
  uscc: string | null;
  parentGroup: string | null;
  memberUnit: boolean;
  createdAt: Date;
}

/** A member of an organisation with the account behind the membership. */
interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: 'owner' | 'member';
}

/** An open invitation, as accepting it reads it. */
interface InvitationRow {
  id: string;
  organisation_id: string;
  email: string;
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly db: Sql,
    private readonly sessions: SessionService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  listForUser(userId: string) {
    return this.db.rows<OrganisationRow & { membershipRole: 'owner' | 'member' }>(
      `SELECT ${ORG_COLUMNS}, m.role AS "membershipRole" FROM organisations o
         JOIN ${APPLICANT_MEMBERSHIPS} m ON m.organisation_id = o.id WHERE m.user_id = $1 ORDER BY m.created_at`,
      [userId],
    );
  }

  /** Staff list, member units first (form Part 4: they have priority); search by name, USCC or group. */
  listAll(memberUnit?: boolean, q?: string) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (memberUnit !== undefined) where.push(`o.member_unit = $${params.push(memberUnit)}`);
    if (q?.trim()) {
      const n = params.push(`%${q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      where.push(`(o.name ILIKE $${n} OR o.uscc ILIKE $${n} OR o.parent_group ILIKE $${n})`);
    }
    return this.db.rows(
      `SELECT ${ORG_COLUMNS}, (SELECT count(*)::int FROM applications a WHERE a.organisation_id = o.id) AS "entryCount"
         FROM organisations o ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.member_unit DESC, o.name LIMIT 2000`,
      params,
    );
  }

  /** Members and staff see an organisation; anyone else gets 404. */
  async get(actor: Actor, id: string) {
    const role = await this.membershipRole(actor.userId, id);
    if (!role && !isStaff(actor)) throw notFound();
    const [org] = await this.db.rows<OrganisationRow>(`SELECT ${ORG_COLUMNS} FROM organisations o WHERE o.id = $1`, [id]);
    if (!org) throw notFound();
    const members = await this.db.rows<MemberRow>(
      `SELECT u.id, u.name, u.email, m.role FROM ${APPLICANT_MEMBERSHIPS} m JOIN users u ON u.id = m.user_id
        WHERE m.organisation_id = $1 ORDER BY m.created_at`,
      [id],
    );
    const entries = await this.db.rows(
      `SELECT a.id, a.entry_code AS "entryCode", a.state, c.id AS "cycleId", c.name AS "cycleName",
              k.name_zh AS "categoryNameZh", k.name_en AS "categoryNameEn", a.updated_at AS "updatedAt"
         FROM applications a JOIN cycles c ON c.id = a.cycle_id JOIN categories k ON k.id = a.category_id
        WHERE a.organisation_id = $1 ORDER BY a.created_at DESC`,
      [id],
    );
    return { ...org, members, entries };
  }

  async update(actor: Actor, id: string, dto: UpdateOrganisationDto) {
    await this.requireOwner(actor, id);
    const rows = await this.db.rows<{ id: string }>(
      `UPDATE organisations SET name = COALESCE($2, name), uscc = COALESCE($3, uscc), parent_group = COALESCE($4, parent_group),
              updated_at = now() WHERE id = $1 RETURNING id`,
      [id, dto.name?.trim() ?? null, dto.uscc?.trim().toUpperCase() ?? null, dto.parentGroup?.trim() ?? null],
    );
    if (!rows.length) throw notFound();
    return this.get(actor, id);
  }

  /** Staff verify or revoke member-unit status; revoking needs a reason; both are audited. */
  async setMemberUnit(actor: Actor, id: string, memberUnit: boolean, reason?: string) {
    return this.db.transaction(async (tx) => {
      const before = await tx.one<{ member_unit: boolean }>('SELECT member_unit FROM organisations WHERE id = $1 FOR UPDATE', [id]);
      if (!before) throw notFound();
      if (before.member_unit && !memberUnit && !reason?.trim()) throw validationError([{ path: 'reason', code: 'required' }]);
      const row = await tx.one<{ id: string; name: string; memberUnit: boolean }>(
        `UPDATE organisations SET member_unit = $2, updated_at = now() WHERE id = $1 RETURNING id, name, member_unit AS "memberUnit"`,
        [id, memberUnit],
      );
      await this.audit.record(
        {
          action: memberUnit ? 'organisation.member_unit.verify' : 'organisation.member_unit.revoke',
          actor,
          entity: 'organisation',
          entityId: id,
          fromState: before.member_unit ? 'member_unit' : 'not_member_unit',
          toState: memberUnit ? 'member_unit' : 'not_member_unit',
          details: reason?.trim() ? { reason: reason.trim() } : {},
        },
        tx,
      );
      return row!;
    });
  }

  /**
   * The owner invites by e-mail: the invitation is mailed (an outbox row, delivered by the worker,
   * which issues the mailed link's own token as it sends) and its copyable link's token is shown
   * once. An e-mail of a judge, staff or admin account is refused (409): those are never
   * organisation members.
   */
  async invite(actor: Actor, organisationId: string, emailRaw: string) {
    await this.requireOwner(actor, organisationId);
    const email = emailRaw.trim().toLowerCase();
    const existing = await this.db.one<{ role: string }>('SELECT role FROM users WHERE lower(email) = $1', [email]);
    if (existing && existing.role !== 'applicant')
      throw new DomainError('conflict', 'invitee_not_applicant', [{ path: 'email', code: 'invitee_not_applicant' }]);
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86400_000);
    const { inv, outboxId } = await this.db.transaction(async (tx) => {
      const inv = (await tx.one<{ id: string; email: string; expiresAt: Date }>(
        `INSERT INTO invitations (organisation_id, email, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id, email, expires_at AS "expiresAt"`,
        [organisationId, email, hashToken(token), actor.userId, expiresAt],
      ))!;
      const row = (await tx.one<{ id: string }>(
        `INSERT INTO notification_outbox (kind, recipient_emails, payload)
         SELECT 'invitation', ARRAY[$1], jsonb_build_object('invitationId', $2::text, 'organisation', o.name, 'inviter', u.name)
           FROM organisations o, users u WHERE o.id = $3 AND u.id = $4
         RETURNING id`,
        [email, inv.id, organisationId, actor.userId],
      ))!;
      return { inv, outboxId: row.id };
    });
    await this.audit.record({ action: 'invitation.create', actor, entity: 'invitation', entityId: inv.id, details: { email } });
    await this.outbox.enqueue([outboxId]);
    return { ...inv, token };
  }

  /** Pending invitations of an organisation (owner): not accepted, not revoked, not expired. */
  async pendingInvitations(actor: Actor, organisationId: string) {
    await this.requireOwner(actor, organisationId);
    return this.db.rows<{ id: string; email: string; createdAt: Date; expiresAt: Date; invitedBy: string }>(
      `SELECT i.id, i.email, i.created_at AS "createdAt", i.expires_at AS "expiresAt", u.name AS "invitedBy"
         FROM invitations i JOIN users u ON u.id = i.invited_by
        WHERE i.organisation_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
        ORDER BY i.created_at DESC`,
      [organisationId],
    );
  }

  /**
   * The owner revokes a pending invitation: neither its copied nor its mailed link works after
   * (an unsent mail is not sent). Another organisation's invitation is 404; an accepted or already
   * revoked one 409 with its state.
   */
  async revokeInvitation(actor: Actor, organisationId: string, invitationId: string): Promise<void> {
    await this.requireOwner(actor, organisationId);
    const revoked = await this.db.one<{ id: string }>(
      `UPDATE invitations SET revoked_at = now(), revoked_by = $3
        WHERE id = $1 AND organisation_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
      [invitationId, organisationId, actor.userId],
    );
    if (!revoked) {
      const now = await this.db.one<{ accepted: boolean; revoked: boolean }>(
        `SELECT accepted_at IS NOT NULL AS accepted, revoked_at IS NOT NULL AS revoked FROM invitations WHERE id = $1 AND organisation_id = $2`,
        [invitationId, organisationId],
      );
      if (!now) throw notFound();
      throw wrongState(now.accepted ? 'accepted' : 'revoked');
    }
    await this.audit.record({ action: 'invitation.revoke', actor, entity: 'invitation', entityId: invitationId, toState: 'revoked' });
  }

  /**
   * Accept an invitation: a signed-in user with the invited e-mail joins; a signed-out visitor
   * gives name + password and gets an applicant account for that e-mail. Single use. Only an
   * applicant account joins (409 otherwise); its row is held FOR SHARE so a concurrent role
   * change waits for this and then sees the membership.
   */
  async accept(actor: Actor | undefined, token: string, dto: AcceptInvitationDto, userAgent?: string) {
    const joined = await this.db.transaction(async (tx) => {
      const inv = await tx.one<InvitationRow>(
        `SELECT id, organisation_id, email FROM invitations
          WHERE (token_hash = $1 OR mail_token_hash = $1) AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
          FOR UPDATE`,
        [hashToken(token)],
      );
      if (!inv) throw new DomainError('not_found', 'invitation_invalid');
      let userId: string;
      if (actor) {
        if (actor.email.toLowerCase() !== inv.email) throw new DomainError('forbidden', 'invitation_email');
        const me = await tx.one<{ role: string }>('SELECT role FROM users WHERE id = $1 FOR SHARE', [actor.userId]);
        if (me?.role !== 'applicant') throw new DomainError('conflict', 'not_applicant', [{ path: 'role', code: 'not_applicant' }]);
        userId = actor.userId;
      } else {
        const missing = [!dto.name && 'name', !dto.password && 'password'].filter(Boolean) as string[];
        if (missing.length) throw validationError(missing.map((path) => ({ path, code: 'required' })));
        const existing = await tx.rows<unknown>('SELECT 1 FROM users WHERE lower(email) = $1', [inv.email]);
        if (existing.length) throw new DomainError('conflict', 'email_taken', [{ path: 'email', code: 'email_taken' }]);
        const [user] = await tx.rows<{ id: string }>(
          `INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, 'applicant') RETURNING id`,
          [inv.email, dto.name!.trim(), await hashPassword(dto.password!)],
        );
        userId = user.id;
      }
      await tx.run(`INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, 'member') ON CONFLICT DO NOTHING`, [
        inv.organisation_id,
        userId,
      ]);
      await tx.run('UPDATE invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1', [inv.id, userId]);
      return { organisationId: inv.organisation_id, userId };
    });
    // the session row needs the committed user
    const session = actor ? undefined : await this.sessions.create(joined.userId, userAgent);
    return { ...joined, session };
  }

  async membershipRole(userId: string, organisationId: string): Promise<'owner' | 'member' | undefined> {
    const row = await this.db.one<{ role: 'owner' | 'member' }>(
      `SELECT role FROM ${APPLICANT_MEMBERSHIPS} m WHERE user_id = $1 AND organisation_id = $2`,
      [userId, organisationId],
    );
    return row?.role;
  }

  /** Owners only: members and staff (who can see the organisation) get 403, strangers 404. */
  private async requireOwner(actor: Actor, organisationId: string): Promise<void> {
    const role = await this.membershipRole(actor.userId, organisationId);
    if (role === 'owner') return;
    throw role || isStaff(actor) ? forbidden() : notFound();
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/auth/actor';
import { hashToken, newToken } from '../../../common/auth/tokens';
import { DomainError, notFound, validationError } from '../../../common/errors/domain-error';
import { isoInZone } from '../../../common/time/zoned-time';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { Sql } from '../../../infra/database/sql';
import { AuditService } from '../../audit/audit.service';
import { hashPassword } from '../../identity/password';
import { SessionService } from '../../identity/session.service';
import { OutboxService } from '../../notifications/outbox.service';
import { ConflictsService } from '../conflicts/conflicts.service';
import { conflictOn, isUniqueViolation, roundWrongState } from '../judging-errors';
import { CONFIDENTIALITY_TERMS, confidentialityTextSha256 } from './confidentiality-terms';
import type { AcceptJudgeInvitationDto, AddPanelDto, InviteJudgeDto, UpdateJudgeProfileDto } from './judges.dto';
import { judgeOnCyclePanelSql } from '../assignments/judge-access';

const INVITATION_DAYS = 14;

interface ProfileRow {
  user_id: string;
  name: string;
  email: string;
  industries: string[] | null;
  employer: string | null;
  employer_uscc: string | null;
  group_name: string | null;
  capacity: number | null;
}

/** Judge accounts (by invitation only), their profiles, round panels and confidentiality. */
@Injectable()
export class JudgesService {
  constructor(
    private readonly sql: Sql,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionService,
    private readonly conflicts: ConflictsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Staff invite a judge by e-mail: the token is stored as its SHA-256 only; the link goes back to
   * staff and into the outbox (mailed after commit). An e-mail that already has an account is 409.
   */
  async invite(actor: Actor, dto: InviteJudgeDto) {
    const email = dto.email.trim().toLowerCase();
    const token = newToken();
    const inviteUrl = `${this.config.publicUrl.replace(/\/+$/, '')}/judge-invitations/${token}`;
    const { id, outboxId } = await this.sql.transaction(async (tx) => {
      if (await tx.one('SELECT 1 FROM users WHERE lower(email) = $1', [email])) throw conflictOn('email', 'judge_email_taken');
      const inv = await tx.one<{ id: string }>(
        `INSERT INTO judge_invitations (email, name, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(days => $5)) RETURNING id`,
        [email, dto.name, hashToken(token), actor.userId, INVITATION_DAYS],
      );
      const out = await tx.one<{ id: string }>(
        `INSERT INTO notification_outbox (kind, recipient_emails, payload) VALUES ('judge_invitation', $1, $2) RETURNING id`,
        [[email], JSON.stringify({ name: dto.name, link: inviteUrl, days: INVITATION_DAYS })],
      );
      await this.audit.record(
        {
          action: 'judge.invite',
          actor,
          entity: 'judge_invitation',
          entityId: inv!.id,
          details: { email, name: dto.name },
        },
        tx,
      );
      return { id: inv!.id, outboxId: out!.id };
    });
    await this.outbox.enqueue([outboxId]);
    return { id, email, inviteUrl };
  }

  /** Single use: a new judge account for the invited e-mail, signed in. Never an applicant. */
  async accept(token: string, dto: AcceptJudgeInvitationDto, userAgent?: string) {
    const passwordHash = await hashPassword(dto.password);
    const userId = await this.sql
      .transaction(async (tx) => {
        const inv = await tx.one<{ id: string; email: string }>(
          `SELECT id, email FROM judge_invitations WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > now() FOR UPDATE`,
          [hashToken(token)],
        );
        if (!inv) throw new DomainError('not_found', 'invitation_invalid');
        if (await tx.one('SELECT 1 FROM users WHERE lower(email) = $1', [inv.email])) throw conflictOn('email', 'judge_email_taken');
        const user = await tx.one<{ id: string }>(
          `INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, 'judge') RETURNING id`,
          [inv.email, dto.name, passwordHash],
        );
        await tx.run('INSERT INTO judge_profiles (user_id) VALUES ($1)', [user!.id]);
        await tx.run('UPDATE judge_invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1', [inv.id, user!.id]);
        await this.audit.record(
          {
            action: 'judge.accept_invitation',
            actor: { userId: user!.id, role: 'judge' },
            entity: 'judge_invitation',
            entityId: inv.id,
            details: { email: inv.email },
          },
          tx,
        );
        return user!.id;
      })
      .catch((e: unknown) => {
        if (isUniqueViolation(e)) throw conflictOn('email', 'judge_email_taken'); // a concurrent sign-up took the address
        throw e;
      });
    const session = await this.sessions.create(userId, userAgent); // the session row needs the committed user
    return { userId, session };
  }

  async profile(actor: Actor) {
    const r = await this.sql.one<ProfileRow>(
      `SELECT u.id AS user_id, u.name, u.email, p.industries, p.employer, p.employer_uscc, p.group_name, p.capacity
         FROM users u LEFT JOIN judge_profiles p ON p.user_id = u.id WHERE u.id = $1`,
      [actor.userId],
    );
    if (!r) throw notFound();
    return {
      userId: r.user_id,
      name: r.name,
      email: r.email,
      industries: r.industries ?? [],
      employer: r.employer,
      employerUscc: r.employer_uscc,
      group: r.group_name,
      capacity: r.capacity,
    };
  }

  /** The cycles with a draft or open round whose panel the judge is on — nothing of other cycles. */
  async cycles(actor: Actor) {
    const rows = await this.sql.rows<{
      cycle_id: string;
      cycle_name: string;
      time_zone: string;
      round_id: string;
      round_name: string;
      state: string;
      opens_at: Date;
      closes_at: Date;
      blind: boolean;
    }>(
      `SELECT c.id AS cycle_id, c.name AS cycle_name, c.time_zone, r.id AS round_id, r.name AS round_name, r.state,
              r.opens_at, r.closes_at, r.blind
         FROM round_judges j JOIN rounds r ON r.id = j.round_id JOIN cycles c ON c.id = r.cycle_id
        WHERE j.judge_id = $1 AND r.state IN ('draft', 'open')
        ORDER BY c.opens_at DESC, c.id, r.ordinal`,
      [actor.userId],
    );
    const cycles = new Map<string, { id: string; name: string; timeZone: string; rounds: object[] }>();
    for (const r of rows) {
      let c = cycles.get(r.cycle_id);
      if (!c) cycles.set(r.cycle_id, (c = { id: r.cycle_id, name: r.cycle_name, timeZone: r.time_zone, rounds: [] }));
      c.rounds.push({
        id: r.round_id,
        name: r.round_name,
        state: r.state,
        opensAt: isoInZone(r.opens_at, r.time_zone),
        closesAt: isoInZone(r.closes_at, r.time_zone),
        blind: r.blind,
      });
    }
    return [...cycles.values()];
  }

  /** Members present are set (`null` clears); absent ones stay. Audited with what changed. */
  async updateProfile(actor: Actor, dto: UpdateJudgeProfileDto) {
    const set = <T>(v: T | undefined) => (v === undefined ? { given: false, value: null } : { given: true, value: v });
    /** Trimmed text, `null` (or empty) clears, absent stays. */
    const text = (v: string | null | undefined, upper = false) =>
      v === undefined ? undefined : v === null ? null : (upper ? v.trim().toUpperCase() : v.trim()) || null;
    const fields = {
      industries: set(dto.industries === null ? [] : dto.industries),
      employer: set(text(dto.employer)),
      employer_uscc: set(text(dto.employerUscc, true)),
      group_name: set(text(dto.group)),
      capacity: set(dto.capacity),
    };
    await this.sql.transaction(async (tx) => {
      await tx.run('INSERT INTO judge_profiles (user_id) VALUES ($1) ON CONFLICT DO NOTHING', [actor.userId]);
      await tx.run(
        `UPDATE judge_profiles SET
           industries = CASE WHEN $2 THEN $3::text[] ELSE industries END,
           employer = CASE WHEN $4 THEN $5 ELSE employer END,
           employer_uscc = CASE WHEN $6 THEN $7 ELSE employer_uscc END,
           group_name = CASE WHEN $8 THEN $9 ELSE group_name END,
           capacity = CASE WHEN $10 THEN $11::int ELSE capacity END,
           updated_at = now()
         WHERE user_id = $1`,
        [
          actor.userId,
          fields.industries.given,
          fields.industries.value ?? [],
          fields.employer.given,
          fields.employer.value,
          fields.employer_uscc.given,
          fields.employer_uscc.value,
          fields.group_name.given,
          fields.group_name.value,
          fields.capacity.given,
          fields.capacity.value,
        ],
      );
      await this.audit.record(
        {
          action: 'judge.profile',
          actor,
          entity: 'judge_profile',
          entityId: actor.userId,
          details: Object.fromEntries(
            Object.entries(fields)
              .filter(([, f]) => f.given)
              .map(([k, f]) => [k, f.value]),
          ),
        },
        tx,
      );
      await this.conflicts.refreshForJudge(tx, actor.userId, actor);
    });
    return this.profile(actor);
  }

  /** Adds judges to a round's panel (or sets their capacity there); a closed round is 409. Answers the panel. */
  async addToPanel(actor: Actor, roundId: string, dto: AddPanelDto) {
    await this.sql.transaction(async (tx) => {
      const round = await tx.one<{ state: string }>('SELECT state FROM rounds WHERE id = $1 FOR UPDATE', [roundId]);
      if (!round) throw notFound();
      if (round.state === 'closed') throw roundWrongState(round.state);
      const judges = await tx.rows<{ id: string }>(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND role = 'judge' AND NOT disabled`, [
        dto.judgeIds,
      ]);
      const found = new Set(judges.map((j) => j.id));
      const missing = dto.judgeIds.map((id, i) => [id, i] as const).filter(([id]) => !found.has(id.toLowerCase()));
      if (missing.length) throw validationError(missing.map(([, i]) => ({ path: `judgeIds.${i}`, code: 'not_judge' })));
      await tx.run(
        `INSERT INTO round_judges (round_id, judge_id, capacity) SELECT $1, unnest($2::uuid[]), $3
         ON CONFLICT (round_id, judge_id) DO UPDATE SET capacity = coalesce(EXCLUDED.capacity, round_judges.capacity)`,
        [roundId, [...found], dto.capacity ?? null],
      );
      await this.audit.record(
        {
          action: 'round.panel_add',
          actor,
          entity: 'round',
          entityId: roundId,
          details: { judgeIds: [...found], capacity: dto.capacity ?? null },
        },
        tx,
      );
      await this.conflicts.refreshForRound(tx, roundId, actor);
    });
    return this.panel(roundId);
  }

  /** The round's panel (404 for an unknown round), each judge with the entries assigned to them there. */
  async panelOf(roundId: string) {
    if (!(await this.sql.one('SELECT 1 FROM rounds WHERE id = $1', [roundId]))) throw notFound();
    return this.panel(roundId);
  }

  /**
   * Takes a judge off a round's panel. A judge who still has entries assigned in the round is 409
   * (remove or reassign those first); a closed round is 409; a judge not on the panel 404.
   */
  async removeFromPanel(actor: Actor, roundId: string, judgeId: string) {
    await this.sql.transaction(async (tx) => {
      const round = await tx.one<{ state: string }>('SELECT state FROM rounds WHERE id = $1 FOR UPDATE', [roundId]);
      if (!round) throw notFound();
      if (!(await tx.one('SELECT 1 FROM round_judges WHERE round_id = $1 AND judge_id = $2', [roundId, judgeId]))) throw notFound();
      if (round.state === 'closed') throw roundWrongState(round.state);
      const held = await tx.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM assignments WHERE round_id = $1 AND judge_id = $2 AND state = 'assigned'`,
        [roundId, judgeId],
      );
      if (held!.n > 0) throw conflictOn('judgeId', 'judge_has_assignments', { count: held!.n });
      await tx.run('DELETE FROM round_judges WHERE round_id = $1 AND judge_id = $2', [roundId, judgeId]);
      await this.audit.record(
        {
          action: 'round.panel_remove',
          actor,
          entity: 'round',
          entityId: roundId,
          details: { judgeId },
        },
        tx,
      );
    });
  }

  /** Every judge account with its profile, and the invitations still open (neither accepted nor expired). */
  async overview() {
    const judges = await this.sql.rows<ProfileRow & { disabled: boolean; created_at: Date }>(
      `SELECT u.id AS user_id, u.name, u.email, u.disabled, u.created_at, p.industries, p.employer, p.employer_uscc, p.group_name, p.capacity
         FROM users u LEFT JOIN judge_profiles p ON p.user_id = u.id WHERE u.role = 'judge' ORDER BY u.name, u.email`,
    );
    const invitations = await this.sql.rows<{ id: string; email: string; name: string; created_at: Date; expires_at: Date }>(
      `SELECT id, email, name, created_at, expires_at FROM judge_invitations
        WHERE accepted_at IS NULL AND expires_at > now() ORDER BY created_at DESC`,
    );
    return {
      judges: judges.map((r) => ({
        userId: r.user_id,
        name: r.name,
        email: r.email,
        disabled: r.disabled,
        industries: r.industries ?? [],
        employer: r.employer,
        group: r.group_name,
        capacity: r.capacity,
        createdAt: r.created_at.toISOString(),
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        email: i.email,
        name: i.name,
        createdAt: i.created_at.toISOString(),
        expiresAt: i.expires_at.toISOString(),
      })),
    };
  }

  async panel(roundId: string) {
    const rows = await this.sql.rows<{
      judge_id: string;
      name: string;
      email: string;
      capacity: number | null;
      accepted: boolean;
      assignments: number;
    }>(
      `SELECT j.judge_id, u.name, u.email, j.capacity,
              EXISTS (SELECT 1 FROM confidentiality_acceptances a WHERE a.cycle_id = r.cycle_id AND a.judge_id = j.judge_id) AS accepted,
              (SELECT count(*) FROM assignments x WHERE x.round_id = j.round_id AND x.judge_id = j.judge_id AND x.state = 'assigned')::int
                AS assignments
         FROM round_judges j JOIN rounds r ON r.id = j.round_id JOIN users u ON u.id = j.judge_id
        WHERE j.round_id = $1 ORDER BY j.created_at, u.name`,
      [roundId],
    );
    return rows.map((p) => ({
      judgeId: p.judge_id,
      name: p.name,
      email: p.email,
      capacity: p.capacity,
      confidentialityAccepted: p.accepted,
      assignments: p.assignments,
    }));
  }

  /** The cycle's terms, and whether (and which version) this judge accepted them. */
  async confidentiality(actor: Actor, cycleId: string) {
    const cycle = await this.sql.one<{ id: string }>(
      `SELECT c.id FROM cycles c WHERE c.id = $1 AND ${judgeOnCyclePanelSql({ cycle: 'c.id', user: '$2' })}`,
      [cycleId, actor.userId],
    );
    if (!cycle) throw notFound();
    const accepted = await this.sql.one<{ accepted_at: Date; terms_version: string }>(
      'SELECT accepted_at, terms_version FROM confidentiality_acceptances WHERE cycle_id = $1 AND judge_id = $2',
      [cycleId, actor.userId],
    );
    return {
      cycleId,
      termsVersion: CONFIDENTIALITY_TERMS.version,
      text: { zh: CONFIDENTIALITY_TERMS.zh, en: CONFIDENTIALITY_TERMS.en },
      textSha256: confidentialityTextSha256(),
      acceptedAt: accepted?.accepted_at.toISOString() ?? null,
      acceptedVersion: accepted?.terms_version ?? null,
    };
  }

  /** Accept the cycle's current terms: recorded (version, text hash, time) and audited once. */
  async acceptConfidentiality(actor: Actor, cycleId: string) {
    await this.sql.transaction(async (tx) => {
      const cycle = await tx.one<{ id: string }>(
        `SELECT c.id FROM cycles c WHERE c.id = $1 AND ${judgeOnCyclePanelSql({ cycle: 'c.id', user: '$2' })}`,
        [cycleId, actor.userId],
      );
      if (!cycle) throw notFound();
      const row = await tx.one<{ accepted_at: Date }>(
        `INSERT INTO confidentiality_acceptances (cycle_id, judge_id, terms_version, text_sha256) VALUES ($1, $2, $3, $4)
         ON CONFLICT (cycle_id, judge_id) DO NOTHING RETURNING accepted_at`,
        [cycleId, actor.userId, CONFIDENTIALITY_TERMS.version, confidentialityTextSha256()],
      );
      if (row)
        await this.audit.record(
          {
            action: 'judge.confidentiality_accept',
            actor,
            entity: 'cycle',
            entityId: cycleId,
            details: {
              termsVersion: CONFIDENTIALITY_TERMS.version,
              textSha256: confidentialityTextSha256(),
              acceptedAt: row.accepted_at.toISOString(),
            },
          },
          tx,
        );
    });
    return this.confidentiality(actor, cycleId);
  }
}

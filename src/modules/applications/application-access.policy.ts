import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import type { Role } from '../../common/auth/roles';
import { forbidden, notFound } from '../../common/errors/domain-error';
import { Sql } from '../../infra/database/sql';
import { APPLICANT_MEMBERSHIPS, isApplicantMember } from '../../common/sql/applicant-memberships';
import type { DeadlineFields } from './deadline';

/**
 * What an actor may do with an application (and everything in it: sections, files, snapshots,
 * dossiers). Who, not when: state and deadline rules apply on top of a grant.
 * - `read`: see it. Without it the answer is 404, so ids are never confirmed.
 * - `write`: change it as its applicant (sections, nomination, files, seal/unseal/submit/withdraw).
 * - `manage`: the association's decisions (accept/return/reject, deadline extensions, staff copies).
 * `write` and `manage` imply `read`; readable without the asked permission is 403.
 */
export type ApplicationPermission = 'read' | 'write' | 'manage';
export const APPLICATION_PERMISSIONS: readonly ApplicationPermission[] = ['read', 'write', 'manage'];

/** Where a grant looks: the `applications` row's alias and the SQL (usually a parameter like `$2`) holding the actor's user id. */
export interface AccessSqlContext {
  app: string;
  user: string;
}

/** A grant is a SQL boolean over one application row, so a check of one id and of 1,000 is the same query. */
type Grant = (c: AccessSqlContext) => string;

// Even a constant grant names the actor's id: a query must use every parameter it is given.
const NOTHING: Grant = (c) => `${c.user}::uuid IS NULL`;
const EVERY: Grant = (c) => `${c.user}::uuid IS NOT NULL`;
/** Applicant accounts in the owning organisation (a membership row of any other account counts for nothing: common/sql/applicant-memberships.ts). */
const MEMBER: Grant = (c) => isApplicantMember(`${c.app}.organisation_id`, c.user);
/**
 * A judge reads the entries assigned to them in a review round (migrations/1764000000050-judging.ts):
 * a live assignment (not removed) in a round that is open or closed (not a draft), the cycle's
 * confidentiality terms accepted, and no conflict with the entry's organisation that staff have not
 * dismissed (declared ones hold for every cycle, inferred ones for their cycle). Inferred conflicts
 * are stored rows, refreshed when a judge joins a panel, a round opens, a panel judge's profile
 * changes and staff list a round's conflicts (src/modules/judging/conflicts/conflicts.service.ts).
 * Never in a blind round: there a judge reads the entry only through `/api/assignments/:id…`,
 * redacted to its entry code (these application routes would show the company).
 */
const JUDGE_ASSIGNED: Grant = (c) => `EXISTS (
  SELECT 1 FROM assignments ja JOIN rounds jr ON jr.id = ja.round_id
   WHERE ja.application_id = ${c.app}.id AND ja.judge_id = ${c.user}::uuid AND ja.state = 'assigned' AND jr.state IN ('open', 'closed')
     AND NOT jr.blind
     AND EXISTS (SELECT 1 FROM confidentiality_acceptances jc WHERE jc.cycle_id = jr.cycle_id AND jc.judge_id = ${c.user}::uuid)
     AND NOT EXISTS (SELECT 1 FROM conflicts jk
                      WHERE jk.judge_id = ${c.user}::uuid AND jk.organisation_id = ${c.app}.organisation_id AND jk.dismissed_at IS NULL
                        AND (jk.cycle_id IS NULL OR jk.cycle_id = jr.cycle_id)))`;

/**
 * The access policy of applications, by role: the one place it is decided. Staff read every
 * entry and decide on it but never write for the applicant (403); a staff scope (e.g. by cycle
 * or category) would replace EVERY here. A role's `write` and `manage` must each imply its `read`
 * (access-policy.test.ts checks every role).
 */
const GRANTS: Record<Role, Record<ApplicationPermission, Grant>> = {
  applicant: { read: MEMBER, write: MEMBER, manage: NOTHING },
  judge: { read: JUDGE_ASSIGNED, write: NOTHING, manage: NOTHING },
  staff: { read: EVERY, write: NOTHING, manage: EVERY },
  admin: { read: EVERY, write: NOTHING, manage: EVERY },
};

/**
 * SQL boolean: an actor of `role` may `permission` the application row `c.app`. Every query that
 * decides access to applications inlines this (the autosave's UPDATE included), so the
 * rule is written once. The text depends on the role only, never on ids: per role it can be a
 * prepared statement.
 */
export function applicationAccessSql(role: Role, permission: ApplicationPermission, c: AccessSqlContext): string {
  return `(${(GRANTS[role]?.[permission] ?? NOTHING)(c)})`;
}

/** Columns `may_read`, `may_write`, `may_manage` for a SELECT over `c.app`, to be checked with `assertAccess`. */
export const accessColumns = (role: Role, c: AccessSqlContext): string =>
  APPLICATION_PERMISSIONS.map((p) => `${applicationAccessSql(role, p, c)} AS may_${p}`).join(', ');

export interface AccessGrants {
  may_read: boolean;
  may_write: boolean;
  may_manage: boolean;
}

/** 404 unless readable (nothing is confirmed to a stranger), 403 when readable without `permission`. */
export function assertAccess<T extends AccessGrants>(row: T | undefined, permission: ApplicationPermission): asserts row is T {
  if (!row?.may_read) throw notFound();
  if (!row[`may_${permission}`]) throw forbidden();
}

export interface AccessRow extends DeadlineFields, AccessGrants {
  id: string;
  state: string;
  version: number;
  organisation_id: string;
}

/**
 * Answers "may this actor read / write / manage these applications", immich-style: for a set of
 * ids, in one query, whatever the size of the set; non-UUIDs and unknown ids are simply not
 * granted. Services that need the row anyway (sections, workflow under its row lock) select
 * `accessColumns` in their own query and call `assertAccess`.
 */
@Injectable()
export class ApplicationAccessPolicy {
  constructor(private readonly sql: Sql) {}

  /** The subset of `ids` (as given) the actor may `permission`. One query; none when no id is a UUID. */
  async checkAccess(actor: Actor, permission: ApplicationPermission, ids: ReadonlySet<string>): Promise<Set<string>> {
    const asked = new Map<string, string[]>();
    for (const id of ids) if (UUID.test(id)) asked.set(id.toLowerCase(), [...(asked.get(id.toLowerCase()) ?? []), id]);
    if (!asked.size) return new Set();
    const rows = await this.sql.rows<{ id: string }>(
      `SELECT a.id FROM applications a WHERE a.id = ANY($1::uuid[]) AND ${applicationAccessSql(actor.role, permission, { app: 'a', user: '$2' })}`,
      [[...asked.keys()], actor.userId],
    );
    return new Set(rows.flatMap((r) => asked.get(r.id) ?? []));
  }

  /** One application with what state and deadline checks need; 404 / 403 as `assertAccess`. */
  async require(actor: Actor, permission: ApplicationPermission, id: string): Promise<AccessRow> {
    if (!UUID.test(id)) throw notFound();
    const [row] = await this.sql.rows<AccessRow>(
      `SELECT a.id, a.state, a.version, a.organisation_id, c.submission_deadline, a.deadline_extension, c.time_zone,
              ${accessColumns(actor.role, { app: 'a', user: '$2' })}
         FROM applications a JOIN cycles c ON c.id = a.cycle_id WHERE a.id = $1`,
      [id, actor.userId],
    );
    assertAccess(row, permission);
    return row;
  }

  readable = (actor: Actor, id: string): Promise<AccessRow> => this.require(actor, 'read', id);

  /** Applicant members write; staff can see the entry but may not write for the applicant (403). */
  writable = (actor: Actor, id: string): Promise<AccessRow> => this.require(actor, 'write', id);

  /** Organisations on whose behalf this actor may create applications: an applicant's own. */
  async memberOrganisations(actor: Actor): Promise<string[]> {
    if (actor.role !== 'applicant') return [];
    const rows = await this.sql.rows<{ organisation_id: string }>(
      `SELECT organisation_id FROM ${APPLICANT_MEMBERSHIPS} m WHERE user_id = $1`,
      [actor.userId],
    );
    return rows.map((r) => r.organisation_id);
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

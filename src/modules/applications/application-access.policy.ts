import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isStaff, type Actor } from '../../common/auth/actor';
import { forbidden, notFound } from '../../common/errors/domain-error';
import { APPLICANT_MEMBERSHIPS, isApplicantMember } from '../organisations/membership-sql';
import type { DeadlineFields } from './deadline';

export interface AccessRow extends DeadlineFields {
  id: string;
  state: string;
  version: number;
  organisation_id: string;
  is_member: boolean;
}

/**
 * Who may touch an application, answered in one query. Readers: members of the owning
 * organisation and staff. Editors: members only. Members are applicant accounts only
 * (`membership-sql.ts`): a judge or staff account is never one, whatever rows exist. Anyone else — other organisations, judges
 * (until assigned in a review round) — gets 404, so ids are never confirmed.
 */
@Injectable()
export class ApplicationAccessPolicy {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async readable(actor: Actor, id: string): Promise<AccessRow> {
    const row = await this.load(actor, id);
    if (!row || (!row.is_member && !isStaff(actor))) throw notFound();
    return row;
  }

  /** Applicant members write; staff can see the entry but may not write for the applicant (403). */
  async writable(actor: Actor, id: string): Promise<AccessRow> {
    const row = await this.readable(actor, id);
    if (!row.is_member || actor.role !== 'applicant') throw forbidden();
    return row;
  }

  /** Organisations whose applications this actor may edit. */
  async memberOrganisations(userId: string): Promise<string[]> {
    const rows: Array<{ organisation_id: string }> = await this.db.query(`SELECT organisation_id FROM ${APPLICANT_MEMBERSHIPS} m WHERE user_id = $1`, [userId]);
    return rows.map((r) => r.organisation_id);
  }

  private async load(actor: Actor, id: string): Promise<AccessRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const rows: AccessRow[] = await this.db.query(
      `SELECT a.id, a.state, a.version, a.organisation_id, c.submission_deadline, a.deadline_extension, c.time_zone,
              ${isApplicantMember('a.organisation_id', '$2')} AS is_member
         FROM applications a JOIN cycles c ON c.id = a.cycle_id WHERE a.id = $1`,
      [id, actor.userId],
    );
    return rows[0];
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

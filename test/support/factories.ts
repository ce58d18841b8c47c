import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { hashPassword } from '../../src/modules/identity/password';
import type { Role } from '../../src/modules/identity/user.entity';
import type { TestApp } from './test-app';

export const PASSWORD = 'correct horse battery staple';
const unique = () => randomBytes(4).toString('hex');

export interface Account {
  token: string;
  userId: string;
  email: string;
  organisationId?: string;
}

/** A new applicant with a new organisation, signed in (novu-style: every test its own org). */
export async function registerApplicant(t: TestApp, org = `测试单位 ${unique()}`): Promise<Account & { organisationId: string }> {
  const email = `applicant-${unique()}@example.com`;
  const res = await request(t.http)
    .post('/api/auth/register')
    .send({ email, password: PASSWORD, name: '申报人', organisationName: org })
    .expect(201);
  return { token: res.body.accessToken, userId: res.body.user.id, email, organisationId: res.body.organisation.id };
}

/** A staff/judge/admin account made directly in the database (they do not self-register). */
export async function createUser(t: TestApp, role: Role): Promise<Account> {
  const email = `${role}-${unique()}@example.com`;
  const { rows } = await t.db.query(`INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`, [
    email,
    `${role} user`,
    await hashPassword(PASSWORD),
    role,
  ]);
  const res = await request(t.http).post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  return { token: res.body.accessToken, userId: rows[0].id, email };
}

/** A second member of an applicant's organisation, joined through a real invitation. */
export async function inviteMember(t: TestApp, owner: Account & { organisationId: string }): Promise<Account & { organisationId: string }> {
  const email = `member-${unique()}@example.com`;
  const inv = await request(t.http)
    .post(`/api/organisations/${owner.organisationId}/invitations`)
    .auth(owner.token, { type: 'bearer' })
    .send({ email })
    .expect(201);
  const res = await request(t.http)
    .post(`/api/invitations/${inv.body.token}/accept`)
    .send({ name: '同事', password: PASSWORD })
    .expect(201);
  return { token: res.body.accessToken, userId: res.body.userId, email, organisationId: owner.organisationId };
}

export interface OpenCycle {
  cycleId: string;
  categoryId: string;
}

/** An award cycle open now, deadline in 30 days. */
export async function createOpenCycle(t: TestApp, name = `测试周期 ${unique()}`): Promise<OpenCycle> {
  const { rows } = await t.db.query(
    `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ($1, 'Asia/Shanghai', now() - interval '1 day', now() + interval '30 days') RETURNING id`,
    [name],
  );
  const cat = await t.db.query(
    `INSERT INTO categories (cycle_id, code, name_zh, name_en) VALUES ($1, 'omnichannel_excellence', '卓越全渠道客服', 'Omnichannel excellence') RETURNING id`,
    [rows[0].id],
  );
  return { cycleId: rows[0].id, categoryId: cat.rows[0].id };
}

export async function createApplication(t: TestApp, applicant: Account, cycle: OpenCycle): Promise<{ id: string; etag: string }> {
  const res = await request(t.http)
    .post('/api/applications')
    .auth(applicant.token, { type: 'bearer' })
    .send({ cycleId: cycle.cycleId, categoryId: cycle.categoryId, nomination: { type: 'self' } })
    .expect(201);
  return { id: res.body.id, etag: res.headers.etag };
}

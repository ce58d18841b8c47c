/** Judging fixtures: rubrics, rounds and entries straight into the database or through the API. */
import request from 'supertest';
import { createApplication, registerApplicant, type Account, type OpenCycle } from './factories';
import type { TestApp } from './test-app';

export async function createRubric(t: TestApp, staff: Account, preset = 'top-ten-default'): Promise<string> {
  const res = await request(t.http)
    .post('/api/rubrics')
    .auth(staff.token, { type: 'bearer' })
    .send({ name: `评分表 ${preset}`, preset })
    .expect(201);
  return res.body.id;
}

export const roundBody = (rubricId: string, over: Record<string, unknown> = {}) => ({
  name: 'R1 初评',
  rubricId,
  reviewsPerApplication: 3,
  opensAt: '2027-01-10T09:00:00+08:00',
  closesAt: '2027-01-31T18:00:00+08:00',
  blind: true,
  aggregation: 'mean',
  advancement: { type: 'top', n: 10 },
  entrants: 'accepted',
  ...over,
});

export async function createRound(
  t: TestApp,
  staff: Account,
  cycleId: string,
  rubricId: string,
  over: Record<string, unknown> = {},
): Promise<string> {
  const res = await request(t.http)
    .post(`/api/cycles/${cycleId}/rounds`)
    .auth(staff.token, { type: 'bearer' })
    .send(roundBody(rubricId, over))
    .expect(201);
  return res.body.id;
}

/**
 * An application of a new organisation, moved to `state` in the database with a snapshot row
 * (screening is tested elsewhere). `basics` may carry the website and contact e-mail.
 */
export async function entryIn(
  t: TestApp,
  cycle: OpenCycle,
  state = 'accepted',
  basics?: Record<string, unknown>,
): Promise<{ appId: string; orgId: string; owner: Account & { organisationId: string } }> {
  const owner = await registerApplicant(t);
  const { id } = await createApplication(t, owner, cycle);
  if (basics)
    await t.db.query(
      `INSERT INTO application_sections (application_id, section_key, data) VALUES ($1, 'basics', $2)
       ON CONFLICT (application_id, section_key) DO UPDATE SET data = EXCLUDED.data`,
      [id, JSON.stringify(basics)],
    );
  const snap = await t.db.query(
    `INSERT INTO snapshots (application_id, canonical, sha256, created_by) VALUES ($1, '{}', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), $2) RETURNING id`,
    [id, owner.userId],
  );
  await t.db.query('UPDATE applications SET state = $2, snapshot_id = $3 WHERE id = $1', [id, state, snap.rows[0].id]);
  return { appId: id, orgId: owner.organisationId, owner };
}

/** The criteria of the top-ten-default rubric, in its order. */
export const TOP_TEN = [
  'strategy',
  'recruitment',
  'training',
  'people',
  'omnichannel',
  'satisfaction',
  'kpis',
  'technology',
  'environment',
  'highlights',
];

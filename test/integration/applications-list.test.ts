/**
 * `GET /api/applications` (issue 10, item 14): a constant number of queries however many entries
 * are listed (it was three per entry, up to 1,000 entries), and each listed entry is exactly what
 * `GET /api/applications/:id` shows (staff: without the completeness fields).
 */
import type { Pool } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { completeApplication } from '../fixtures/complete-application';
import { attachmentRow } from '../support/complete-entry';
import { createApplication, createOpenCycle, createUser, registerApplicant, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let staff: Account;
let owner: Account & { organisationId: string };
beforeAll(async () => {
  t = await startTestApp();
  staff = await createUser(t, 'staff');
  owner = await registerApplicant(t);
});
afterAll(() => t.close());

const as = (who: Account, r: request.Test) => r.auth(who.token, { type: 'bearer' });

/** Every statement the application sends to PostgreSQL (TypeORM's `query` and the raw pool behind `Sql`). */
async function queriesDuring(fn: () => Promise<unknown>): Promise<number> {
  const ds = t.app.get(DataSource);
  const pool = (ds.driver as unknown as { master: Pool }).master;
  const a = jest.spyOn(ds, 'query');
  const b = jest.spyOn(pool, 'query');
  try {
    await fn();
    return a.mock.calls.length + b.mock.calls.length;
  } finally {
    a.mockRestore();
    b.mockRestore();
  }
}

/** More entries of the same organisation (one per cycle), in varied states. */
async function addEntries(n: number, cycleIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const cycle = await createOpenCycle(t);
    cycleIds.push(cycle.cycleId);
    const appId = (await createApplication(t, owner, cycle)).id;
    ids.push(appId);
    if (i % 3 === 0) {
      // complete, with files, sealed: a snapshot in the summary and completeness true
      const data = completeApplication({
        orgChart: [await attachmentRow(t, appId, owner, 'org_chart')],
        layoutPhotos: [await attachmentRow(t, appId, owner, 'layout_photo')],
      });
      for (const [key, section] of Object.entries(data))
        await as(owner, request(t.http).put(`/api/applications/${appId}/sections/${key}`))
          .set('If-Match', '"1"')
          .send(section)
          .expect(200);
      if (i % 2 === 0)
        await as(owner, request(t.http).post(`/api/applications/${appId}/seal`))
          .send({})
          .expect(200);
    } else if (i % 3 === 1) {
      // partly filled, a deleted file, and a deadline extension
      await as(owner, request(t.http).patch(`/api/applications/${appId}/sections/strategy`))
        .set('If-Match', '"1"')
        .send({ culture: { mission: '部分填写' } })
        .expect(200);
      const file = await attachmentRow(t, appId, owner, 'org_chart');
      await t.db.query('UPDATE attachments SET deleted_at = now() WHERE id = $1', [file]);
      await as(staff, request(t.http).post(`/api/applications/${appId}/extension`))
        .send({ until: new Date(Date.now() + 40 * 86400_000).toISOString(), reason: '延期' })
        .expect(200);
    }
  }
  return ids;
}

it('lists every entry exactly as GET /:id shows it, with a constant number of queries', async () => {
  const cycleIds: string[] = [];
  const ids = await addEntries(2, cycleIds);
  const list = () => as(owner, request(t.http).get('/api/applications')).expect(200);
  await list(); // the session is looked up once, then cached: count the list itself
  let body: Array<{ id: string; complete?: boolean; snapshot?: unknown }> = [];
  const few = await queriesDuring(async () => (body = (await list()).body));
  expect(body).toHaveLength(2);

  ids.push(...(await addEntries(10, cycleIds)));
  await list();
  const many = await queriesDuring(async () => (body = (await list()).body));
  expect(body).toHaveLength(12);
  expect(many).toBe(few);
  expect(many).toBeLessThanOrEqual(4);

  // newest first, each identical to the single-entry view (complete, sections, snapshot, deadline)
  expect(body.map((a) => a.id)).toEqual([...ids].reverse());
  for (const entry of body) {
    const one = await as(owner, request(t.http).get(`/api/applications/${entry.id}`)).expect(200);
    expect(entry).toEqual(one.body);
  }
  expect(body.filter((a) => a.complete).length).toBe(5);
  expect(body.filter((a) => a.snapshot).length).toBe(3);

  // staff: the same summaries with the same completeness (a complete entry reads 100 % for both), from a constant number of queries
  await as(staff, request(t.http).get('/api/applications')).expect(200);
  let all: Array<Record<string, unknown>> = [];
  const staffQueries = await queriesDuring(
    async () => (all = (await as(staff, request(t.http).get('/api/applications')).expect(200)).body),
  );
  expect(staffQueries).toBeLessThanOrEqual(4);
  const mineForStaff = all.filter((a) => ids.includes(a.id as string));
  expect(mineForStaff).toHaveLength(12);
  for (const entry of mineForStaff) {
    const mine = body.find((a) => a.id === entry.id) as Record<string, unknown>;
    expect(entry).toEqual(mine);
    if (entry.complete) expect(entry.percent).toBe(100);
    else expect(entry.percent).toBeLessThan(100);
  }

  // what the list remembers follows every write: a cleared field, a removed file
  const [editable, withFile] = body.filter((a) => a.complete && !a.snapshot).map((a) => a.id);
  await as(owner, request(t.http).patch(`/api/applications/${editable}/sections/strategy`))
    .set('If-Match', '"2"')
    .send({ overallStrategy: null })
    .expect(200);
  await t.db.query(`UPDATE attachments SET deleted_at = now() WHERE application_id = $1 AND kind = 'org_chart'`, [withFile]);
  const again = (await list()).body as typeof body;
  for (const id of [editable, withFile]) {
    const entry = again.find((a) => a.id === id)!;
    expect(entry.complete).toBe(false);
    expect(entry).toEqual((await as(owner, request(t.http).get(`/api/applications/${id}`)).expect(200)).body);
  }
  expect(again.filter((a) => a.complete).length).toBe(3);

  const filtered = await as(staff, request(t.http).get(`/api/applications?cycleId=${cycleIds[0]}`)).expect(200);
  expect(filtered.body.map((a: { id: string }) => a.id)).toEqual([ids[0]]);
});

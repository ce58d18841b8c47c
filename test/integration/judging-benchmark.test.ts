/**
 * The KPI benchmark beside the rubric (`GET /api/assignments/:id/benchmark`): taken over the
 * cycle and category's entrants from submission on — drafts of the same cycle and entries of
 * another cycle do not count — with the assigned entry's standing; the same for staff, 404 for
 * anyone else (the authorization matrix has the full table).
 */
import request from 'supertest';
import { createOpenCycle, createUser, type Account } from '../support/factories';
import { entryIn } from '../support/judging';
import { assign, openRound, panelJudge } from '../support/review-world';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let staff: Account;

beforeAll(async () => {
  t = await startTestApp();
  staff = await createUser(t, 'staff');
});
afterAll(() => t.close());

const setKpis = (appId: string, aht: [number, number], fcr?: [number, number]) =>
  t.db.query(
    `INSERT INTO application_sections (application_id, section_key, data) VALUES ($1, 'kpis', $2)
     ON CONFLICT (application_id, section_key) DO UPDATE SET data = EXCLUDED.data`,
    [
      appId,
      JSON.stringify({
        operations: {
          aht: { target: aht[0], actual: aht[1] },
          ...(fcr ? { fcr: { target: fcr[0], actual: fcr[1] } } : {}),
        },
      }),
    ],
  );

it('quartiles, met share and the entry’s standing over the entrants of its cycle and category', async () => {
  const round = await openRound(t, staff, { entries: 3, reviewsPerApplication: 1 });
  const [mine, b, c] = round.entries;
  await setKpis(mine.appId, [190, 180], [80, 85]);
  await setKpis(b.appId, [190, 150]);
  await setKpis(c.appId, [190, 240], [80, 70]);
  // a submitted entrant that is not in the round counts (same cycle and category) ...
  const submitted = await entryIn(t, round.cycle, 'submitted');
  await setKpis(submitted.appId, [190, 200]);
  // ... a draft does not, nor an entry of another cycle
  const draft = await entryIn(t, round.cycle, 'draft');
  await setKpis(draft.appId, [190, 1]);
  const elsewhere = await entryIn(t, await createOpenCycle(t), 'submitted');
  await setKpis(elsewhere.appId, [190, 1]);

  const judge = await panelJudge(t, round);
  const id = await assign(t, round.roundId, mine.appId, judge.userId);
  const res = await request(t.http).get(`/api/assignments/${id}/benchmark`).auth(judge.token, { type: 'bearer' }).expect(200);
  expect(res.body.entrants).toBe(4);
  const aht = res.body.kpis.find((k: { key: string }) => k.key === 'operations.aht');
  expect(aht).toEqual({
    key: 'operations.aht',
    label: { zh: '平均联系处理时间', en: 'Average handle time' },
    unit: { zh: '秒', en: 'seconds' },
    direction: 'lower',
    reporting: 4,
    p25: 172.5,
    median: 190,
    p75: 210,
    metShare: 0.5,
    entry: { target: 190, actual: 180, met: true, betterThanPct: 67 },
  });
  const fcr = res.body.kpis.find((k: { key: string }) => k.key === 'operations.fcr');
  expect(fcr).toMatchObject({ direction: 'higher', reporting: 2, median: 77.5, metShare: 0.5, entry: { met: true, betterThanPct: 100 } });
  const absent = res.body.kpis.find((k: { key: string }) => k.key === 'support.absenteeism');
  expect(absent).toMatchObject({ reporting: 0, median: null, metShare: null, entry: null });

  // staff see the same; another judge and an applicant do not see it at all
  const staffView = await request(t.http).get(`/api/assignments/${id}/benchmark`).auth(staff.token, { type: 'bearer' }).expect(200);
  expect(staffView.body).toEqual(res.body);
  const stranger = await createUser(t, 'judge');
  await request(t.http).get(`/api/assignments/${id}/benchmark`).auth(stranger.token, { type: 'bearer' }).expect(404);
});

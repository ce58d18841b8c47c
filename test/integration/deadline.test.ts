/**
 * The submission deadline (issue 10, item 10): once the effective deadline has passed, every
 * applicant write — section PUT and PATCH, the nomination, uploads (stamped receipts included),
 * deleting a file, seal, unseal and submit — is refused with 409 `deadline_passed`, and the
 * message names the deadline in the cycle's zone. A staff extension for one entry reopens each of
 * them for that entry.
 */
import request from 'supertest';
import { isoInZone } from '../../src/common/time/zoned-time';
import { completeApplication } from '../fixtures/complete-application';
import { attachmentRow, completeEntry } from '../support/complete-entry';
import { createOpenCycle, createUser, type Account } from '../support/factories';
import { pngFile } from '../support/sample-files';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let staff: Account;
beforeAll(async () => {
  t = await startTestApp();
  staff = await createUser(t, 'staff');
});
afterAll(() => t.close());

const as = (who: Account, r: request.Test) => r.auth(who.token, { type: 'bearer' });
const upload = (who: Account, appId: string, kind: string) =>
  as(who, request(t.http).post(`/api/applications/${appId}/attachments`))
    .field('kind', kind)
    .attach('file', pngFile(40, 30), `${kind}.png`);

it('after the deadline every applicant write is 409 naming the deadline in the cycle’s zone; an extension reopens them', async () => {
  const cycle = await createOpenCycle(t);
  // a draft with a file of its own, a sealed entry to submit and a sealed entry to unseal
  const draft = await completeEntry(t, cycle);
  const doc = (await upload(draft.owner, draft.appId, 'supporting_doc').expect(201)).body.id as string;
  const toSubmit = await completeEntry(t, cycle);
  const toUnseal = await completeEntry(t, cycle);
  for (const e of [toSubmit, toUnseal])
    await as(e.owner, request(t.http).post(`/api/applications/${e.appId}/seal`))
      .send({})
      .expect(200);
  await attachmentRow(t, toSubmit.appId, toSubmit.owner, 'stamped_receipt');
  const other = await completeEntry(t, cycle);
  const nominationEtag = (await as(draft.owner, request(t.http).get(`/api/applications/${draft.appId}`)).expect(200)).headers.etag;

  // the cycle closed a minute ago (whole seconds, as the zone-formatted time shows them)
  const deadline = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  await t.db.query('UPDATE cycles SET submission_deadline = $2 WHERE id = $1', [cycle.cycleId, deadline]);
  const shown = isoInZone(deadline, 'Asia/Shanghai');
  expect(shown).toMatch(/\+08:00$/);

  const section = (e: typeof draft) => `/api/applications/${e.appId}/sections/strategy`;
  const highlights = { ...completeApplication({ orgChart: [], layoutPhotos: [] }).highlights, bestPractices: '截止后改写的优秀实践' };
  const writes: Array<[string, () => request.Test]> = [
    [
      'section PUT',
      () =>
        as(draft.owner, request(t.http).put(`/api/applications/${draft.appId}/sections/highlights`))
          .set('If-Match', '"2"')
          .send(highlights),
    ],
    [
      'section PATCH',
      () =>
        as(draft.owner, request(t.http).patch(section(draft)))
          .set('If-Match', '"2"')
          .send({ culture: { mission: '截止后的使命' } }),
    ],
    [
      'nomination',
      () =>
        as(draft.owner, request(t.http).patch(`/api/applications/${draft.appId}`))
          .set('If-Match', nominationEtag)
          .send({ nomination: { type: 'self' } }),
    ],
    ['attachment upload', () => upload(draft.owner, draft.appId, 'supporting_doc')],
    ['attachment delete', () => as(draft.owner, request(t.http).delete(`/api/applications/${draft.appId}/attachments/${doc}`))],
    ['stamped receipt upload', () => upload(toSubmit.owner, toSubmit.appId, 'stamped_receipt')],
    ['seal', () => as(draft.owner, request(t.http).post(`/api/applications/${draft.appId}/seal`)).send({})],
    ['unseal', () => as(toUnseal.owner, request(t.http).post(`/api/applications/${toUnseal.appId}/unseal`)).send({})],
    ['submit', () => as(toSubmit.owner, request(t.http).post(`/api/applications/${toSubmit.appId}/submit`)).send({})],
  ];

  for (const [name, write] of writes) {
    const zh = await write();
    expect({ name, status: zh.status, code: zh.body.code }).toEqual({ name, status: 409, code: 'deadline_passed' });
    expect({ name, message: zh.body.message }).toEqual({ name, message: `已过截止时间（${shown}）` });
    expect(zh.body.details[0]).toMatchObject({ path: 'deadline', code: 'deadline_passed', params: { deadline: shown } });
    const en = await write().set('Accept-Language', 'en');
    expect({ name, status: en.status, message: en.body.message }).toEqual({
      name,
      status: 409,
      message: `the deadline (${shown}) has passed`,
    });
  }

  // nothing was changed by the refused writes
  const strategy = await as(draft.owner, request(t.http).get(section(draft))).expect(200);
  expect(strategy.body.version).toBe(2);
  const files = await as(draft.owner, request(t.http).get(`/api/applications/${draft.appId}/attachments`)).expect(200);
  expect(files.body.map((f: { id: string }) => f.id)).toContain(doc);
  const states = await t.db.query('SELECT id, state FROM applications WHERE id = ANY($1) ORDER BY state', [
    [draft.appId, toSubmit.appId, toUnseal.appId],
  ]);
  expect(states.rows.map((r) => r.state)).toEqual(['draft', 'sealed', 'sealed']);

  // staff give these three entries three more days: each write goes through again
  const until = new Date(Date.now() + 3 * 86400_000).toISOString();
  for (const e of [draft, toSubmit, toUnseal]) {
    await as(staff, request(t.http).post(`/api/applications/${e.appId}/extension`))
      .send({ until, reason: '系统故障补偿' })
      .expect(200);
  }
  await writes[0][1]().expect(200);
  await writes[1][1]().expect(200);
  await writes[2][1]().expect(200);
  await writes[3][1]().expect(201);
  await writes[4][1]().expect(204);
  await writes[5][1]().expect(201);
  await writes[6][1]().expect(200);
  await writes[7][1]().expect(200);
  await writes[8][1]().expect(200);

  // an entry of the same cycle without an extension, stays closed
  const closed = await as(other.owner, request(t.http).post(`/api/applications/${other.appId}/seal`))
    .send({})
    .expect(409);
  expect(closed.body.message).toBe(`已过截止时间（${shown}）`);
});

/** Two people editing one section: the stale write gets 412 and the first one's data is intact. */
import request from 'supertest';
import { createApplication, createOpenCycle, inviteMember, registerApplicant, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let alice: Account;
let bob: Account;
let appId: string;

beforeAll(async () => {
  t = await startTestApp();
  const owner = await registerApplicant(t);
  alice = owner;
  bob = await inviteMember(t, owner);
  appId = (await createApplication(t, owner, await createOpenCycle(t))).id;
});
afterAll(() => t.close());

const url = () => `/api/applications/${appId}/sections/strategy`;
const as = (who: Account, r: request.Test) => r.auth(who.token, { type: 'bearer' });

it('the second write with the old ETag gets 412 with the current version; nothing is overwritten', async () => {
  const aliceRead = await as(alice, request(t.http).get(url())).expect(200);
  const bobRead = await as(bob, request(t.http).get(url())).expect(200);
  expect(aliceRead.headers.etag).toBe(bobRead.headers.etag);

  const aliceWrite = await as(alice, request(t.http).patch(url()))
    .set('If-Match', aliceRead.headers.etag)
    .send({ culture: { mission: '爱丽丝写的使命' } })
    .expect(200);
  expect(aliceWrite.headers.etag).not.toBe(aliceRead.headers.etag);

  const bobWrite = await as(bob, request(t.http).patch(url()))
    .set('If-Match', bobRead.headers.etag)
    .send({ culture: { mission: '鲍勃写的使命', vision: '鲍勃的愿景' } })
    .expect(412);
  expect(bobWrite.body).toMatchObject({
    statusCode: 412,
    code: 'stale_version',
    current: {
      version: 2,
      etag: aliceWrite.headers.etag,
      data: { culture: { mission: '爱丽丝写的使命' } },
      updatedBy: { id: alice.userId },
    },
  });
  expect(bobWrite.body.details[0].path).toBe('If-Match');

  const after = await as(alice, request(t.http).get(url())).expect(200);
  expect(after.body.data).toEqual({ culture: { mission: '爱丽丝写的使命' } });

  // Bob merges and retries on the version he was shown
  await as(bob, request(t.http).patch(url()))
    .set('If-Match', bobWrite.body.current.etag)
    .send({ culture: { vision: '鲍勃的愿景' } })
    .expect(200);
  const merged = await as(alice, request(t.http).get(url())).expect(200);
  expect(merged.body.data).toEqual({ culture: { mission: '爱丽丝写的使命', vision: '鲍勃的愿景' } });
});

it('concurrent writes on one version: exactly one lands', async () => {
  const read = await as(alice, request(t.http).get(url())).expect(200);
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      as(i % 2 ? alice : bob, request(t.http).patch(url()))
        .set('If-Match', read.headers.etag)
        .send({ culture: { coreValues: `第 ${i} 版` } }),
    ),
  );
  const statuses = results.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 412)).toHaveLength(9);
  const winner = results.find((r) => r.status === 200)!;
  const after = await as(alice, request(t.http).get(url())).expect(200);
  expect(after.body.data.culture.coreValues).toBe(winner.body.data.culture.coreValues);
});

it('a write without If-Match is 428; a malformed one is 412', async () => {
  const r = await as(alice, request(t.http).patch(url()))
    .send({ culture: { mission: 'x' } })
    .expect(428);
  expect(r.body.details[0]).toMatchObject({ path: 'If-Match', code: 'if_match_required' });
  await as(alice, request(t.http).put(url())).set('If-Match', 'W/"nonsense"').send({}).expect(412);
});

it('the application itself is versioned the same way', async () => {
  const app = await as(alice, request(t.http).get(`/api/applications/${appId}`)).expect(200);
  const ok = await as(alice, request(t.http).patch(`/api/applications/${appId}`))
    .set('If-Match', app.headers.etag)
    .send({ nomination: { type: 'recommended', recommenderName: '中国信息协会', recommenderContact: '010-1234 5678' } })
    .expect(200);
  expect(ok.body.nomination.type).toBe('recommended');
  await as(bob, request(t.http).patch(`/api/applications/${appId}`))
    .set('If-Match', app.headers.etag)
    .send({ nomination: { type: 'self' } })
    .expect(412);
});

it('an autosave asking for Prefer: return=minimal gets 204 with the new ETag and nothing else', async () => {
  const read = await as(alice, request(t.http).get(url())).expect(200);
  const res = await as(alice, request(t.http).patch(url()))
    .set('If-Match', read.headers.etag)
    .set('Prefer', 'return=minimal')
    .send({ culture: { mission: '最简回应' } })
    .expect(204);
  expect(res.headers['preference-applied']).toBe('return=minimal');
  expect(res.headers.etag).toBe(`"${Number(read.headers.etag.replace(/"/g, '')) + 1}"`);
  expect(res.text).toBe('');
  const after = await as(alice, request(t.http).get(url())).expect(200);
  expect(after.headers.etag).toBe(res.headers.etag);
  expect(after.body.data.culture.mission).toBe('最简回应');
});

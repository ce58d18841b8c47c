/**
 * A blind round, from the judge's side: every byte the assigned judge can fetch — the JSON of
 * every judge route, every response header, the attachment downloads' names, the judge copy of
 * the dossier (text through pdftotext, metadata through pdfinfo) — holds none of the entrant's
 * company name, short name, USCC, contact person, e-mail, phone, website, address or original
 * file names. And a conflicted judge gets 404 on every route of that entry.
 */
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { createUser, type Account } from '../support/factories';
import { createRound, createRubric } from '../support/judging';
import { acceptTerms, addToPanel, assign, declareConflict } from '../support/review-world';
import { pdfText, run, sealedEntry, withPdfFile, type SealedEntry } from '../support/sealed-entry';
import { startTestApp, type TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

jest.setTimeout(180_000);

let t: TestApp;
let worker: INestApplicationContext;
let staff: Account;
let judge: Account;
let entry: SealedEntry;
let roundId: string;
let assignmentId: string;

const USCC = '91510100MA6CA1B2C3';
const IDENTIFYING = [
  '示例银行股份有限公司',
  '示例银行',
  USCC,
  '王晓梅',
  'wang.xiaomei@example-bank.com.cn',
  'example-bank',
  '028-8888 6666',
  '028-8888 6601',
  '13912345678',
  '天府大道北段',
  '天府软件园',
  '组织架构图-示例银行.png',
  '现场布局.png',
  '示例银行-总结材料.pdf',
];

beforeAll(async () => {
  t = await startTestApp();
  worker = await startTestWorker(t);
  staff = await createUser(t, 'staff');
  entry = await sealedEntry(t, {
    edit: (data) => {
      // the entrant names itself in free text, too
      (data.strategy as Record<string, unknown>).culture = {
        mission: '示例银行信用卡中心：让金融服务更温暖',
        vision: '成为客户最信赖的示例银行',
        coreValues: '诚信、专业',
      };
    },
  });
  await t.db.query('UPDATE organisations SET uscc = $2 WHERE id = $1', [entry.owner.organisationId, USCC]);
  await t.db.query(`UPDATE applications SET state = 'accepted' WHERE id = $1`, [entry.appId]);
  const rubricId = await createRubric(t, staff);
  roundId = await createRound(t, staff, entry.cycle.cycleId, rubricId, { blind: true, reviewsPerApplication: 1 });
  await request(t.http).post(`/api/rounds/${roundId}/open`).auth(staff.token, { type: 'bearer' }).send({}).expect(200);
  judge = await createUser(t, 'judge');
  await addToPanel(t, roundId, judge.userId);
  await acceptTerms(t, entry.cycle.cycleId, judge.userId);
  assignmentId = await assign(t, roundId, entry.appId, judge.userId);
});
afterAll(async () => {
  await worker?.close();
  await t?.close();
});

const bytes = (r: request.Request) =>
  r.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

async function judgeDossier(who: Account): Promise<{ pdf: Buffer; headers: Record<string, string> }> {
  const until = Date.now() + 120_000;
  for (;;) {
    const res = await bytes(request(t.http).get(`/api/assignments/${assignmentId}/dossier`).auth(who.token, { type: 'bearer' }));
    if (res.status === 200) return { pdf: res.body as Buffer, headers: res.headers };
    expect(res.status).toBe(202);
    expect(res.headers['retry-after']).toBeDefined();
    if (Date.now() > until) throw new Error('judge dossier not ready');
    await new Promise((r) => setTimeout(r, 300));
  }
}

it('no identifying byte reaches the judge: JSON of every judge route, headers, file names, the dossier’s text and metadata', async () => {
  const collected: string[] = [];
  const keep = (res: request.Response) => {
    collected.push(JSON.stringify(res.headers));
    if (res.type?.includes('json')) collected.push(JSON.stringify(res.body));
    return res;
  };
  const as = (path: string) => request(t.http).get(path).auth(judge.token, { type: 'bearer' });

  const list = keep(await as('/api/judge/assignments').expect(200));
  expect(list.body).toEqual([
    expect.objectContaining({ id: assignmentId, roundId, entryCode: entry.entryCode, state: 'none', progress: { rated: 0, criteria: 10 } }),
  ]);
  const view = keep(await as(`/api/assignments/${assignmentId}`).expect(200));
  expect(view.body).toMatchObject({ entryCode: entry.entryCode, blind: true });
  expect(view.body.company).toBeUndefined();
  expect(view.body.sections.basics.enterprise).toBeUndefined();
  expect(view.body.sections.basics.contact).toBeUndefined();
  expect(view.body.sections.basics.center).toMatchObject({ industry: 'finance' });
  expect(view.body.sections.receipt).toBeUndefined();
  expect(view.body.sections.strategy.culture.mission).toContain('■■■');
  expect(view.body.hidden).toEqual(expect.arrayContaining(['basics.enterprise', 'basics.contact', 'receipt']));
  expect(view.body.rubric.criteria.find((c: { key: string }) => c.key === 'kpis')).toMatchObject({ sections: ['kpis'], weight: 15 });
  expect(view.body.attachments.length).toBe(3);

  for (const a of view.body.attachments as Array<{ id: string; name: string }>) {
    expect(a.name).toMatch(/^(org_chart|layout_photo|supporting_doc)-\d+\.(png|pdf)$/);
    const file = await bytes(as(`/api/assignments/${assignmentId}/attachments/${a.id}`));
    expect(file.status).toBe(200);
    collected.push(JSON.stringify(file.headers));
    expect(file.headers['content-disposition']).toContain(entry.entryCode);
  }
  keep(await as(`/api/assignments/${assignmentId}/review`).expect(200));
  keep(await as(`/api/assignments/${assignmentId}/benchmark`).expect(200));
  keep(await as(`/api/rubrics/${view.body.rubric.id}`).expect(200));
  keep(
    await request(t.http)
      .patch(`/api/assignments/${assignmentId}/review`)
      .auth(judge.token, { type: 'bearer' })
      .set('If-Match', '"0"')
      .send({ ratings: { strategy: 7 } })
      .expect(200),
  );
  keep(
    await request(t.http).post(`/api/assignments/${assignmentId}/review/submit`).auth(judge.token, { type: 'bearer' }).send({}).expect(422),
  );

  const { pdf, headers } = await judgeDossier(judge);
  collected.push(JSON.stringify(headers));
  const text = await pdfText(pdf);
  expect(text).toContain(entry.entryCode);
  expect(text).toContain('评审专用');
  collected.push(text);
  collected.push(await withPdfFile(pdf, async (f) => (await run('pdfinfo', ['-meta', f])).stdout + (await run('pdfinfo', [f])).stdout));

  const everything = collected.join('\n');
  expect(everything.length).toBeGreaterThan(10_000);
  for (const s of IDENTIFYING) expect({ found: s, at: everything.indexOf(s) }).toEqual({ found: s, at: -1 });
  // the entry's application id is not handed out either (it would open the applicant's routes)
  expect(everything).not.toContain(entry.appId);
});

it('a conflicted judge gets 404 on every route of that entry, and it leaves their list', async () => {
  const other = await createUser(t, 'judge');
  await addToPanel(t, roundId, other.userId);
  await acceptTerms(t, entry.cycle.cycleId, other.userId);
  const id = await assign(t, roundId, entry.appId, other.userId);
  const as = (method: 'get' | 'patch' | 'post', path: string) => {
    const req = request(t.http)[method](path).auth(other.token, { type: 'bearer' });
    return method === 'get' ? req : req.set('If-Match', '"0"').send({ ratings: { strategy: 5 } });
  };
  await as('get', `/api/assignments/${id}`).expect(200);
  await declareConflict(t, other.userId, entry.owner.organisationId);
  const attachmentId = (await t.db.query('SELECT id FROM attachments WHERE application_id = $1 LIMIT 1', [entry.appId])).rows[0].id;
  for (const [method, path] of [
    ['get', `/api/assignments/${id}`],
    ['get', `/api/assignments/${id}/dossier`],
    ['get', `/api/assignments/${id}/attachments/${attachmentId}`],
    ['get', `/api/assignments/${id}/benchmark`],
    ['get', `/api/assignments/${id}/review`],
    ['patch', `/api/assignments/${id}/review`],
    ['post', `/api/assignments/${id}/review/submit`],
  ] as const)
    expect({ path, status: (await as(method, path)).status }).toEqual({ path, status: 404 });
  expect((await request(t.http).get('/api/judge/assignments').auth(other.token, { type: 'bearer' }).expect(200)).body).toEqual([]);
});

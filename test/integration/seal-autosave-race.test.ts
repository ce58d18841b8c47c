/**
 * Sealing while a client keeps autosaving (issue 10, item 1). Several autosave loops — one per
 * section, each PATCH based on the ETag of its previous answer, as the editor does — run while
 * the seal is posted. Whatever the interleaving, every PATCH that was answered 2xx is in the
 * snapshot, and once one is refused, it is refused with 409 (the entry is sealed): no write
 * commits after the snapshot was read and still answers 200.
 */
import request from 'supertest';
import { attachmentRow } from '../support/complete-entry';
import { completeApplication } from '../fixtures/complete-application';
import { createApplication, createOpenCycle, registerApplicant, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let owner: Account & { organisationId: string };
beforeAll(async () => {
  t = await startTestApp();
  owner = await registerApplicant(t);
});
afterAll(() => t.close());

const REPETITIONS = 60;
/** One free-text field per section: each loop writes its own section, so the loops never 412 each other. */
const FIELDS = [
  ['strategy', 'overallStrategy'],
  ['recruitment', 'process'],
  ['training', 'system'],
  ['people', 'attritionStrategies'],
  ['highlights', 'bestPractices'],
] as const;

const as = (r: request.Test) => r.auth(owner.token, { type: 'bearer' });

/** A complete entry of the same organisation in a cycle of its own (one live entry per cycle). */
async function freshEntry(): Promise<string> {
  const appId = (await createApplication(t, owner, await createOpenCycle(t))).id;
  const data = completeApplication({
    orgChart: [await attachmentRow(t, appId, owner, 'org_chart')],
    layoutPhotos: [await attachmentRow(t, appId, owner, 'layout_photo')],
  });
  await Promise.all(
    Object.entries(data).map(([key, section]) =>
      as(request(t.http).put(`/api/applications/${appId}/sections/${key}`))
        .set('If-Match', '"1"')
        .send(section)
        .expect(200),
    ),
  );
  return appId;
}

interface Outcome {
  status: number;
  value: string;
  code?: string;
}

/** Autosaves `field` with a new value until refused; returns every answer in order. */
async function autosaveLoop(appId: string, rep: number, [section, field]: (typeof FIELDS)[number]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let etag = '"2"';
  for (let i = 0; ; i++) {
    const value = `第 ${rep} 轮 ${section} 第 ${i} 次自动保存`;
    const res = await as(request(t.http).patch(`/api/applications/${appId}/sections/${section}`))
      .set('If-Match', etag)
      .set('Prefer', 'return=minimal')
      .send({ [field]: value });
    outcomes.push({ status: res.status, value, code: res.body?.code });
    if (res.status >= 300) return outcomes;
    etag = res.headers.etag;
  }
}

it(`every autosave answered 2xx is in the snapshot, every later one gets 409 (${REPETITIONS} repetitions)`, async () => {
  let refusedTotal = 0;
  let savedTotal = 0;
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const appId = await freshEntry();
    const loops = FIELDS.map((f) => autosaveLoop(appId, rep, f));
    // let the loops get going, then seal at a different point of their rhythm each time
    await new Promise((r) => setTimeout(r, rep % 7));
    const sealed = await as(request(t.http).post(`/api/applications/${appId}/seal`)).send({});
    const results = await Promise.all(loops);
    expect(sealed.status).toBe(200);

    const { rows } = await t.db.query('SELECT canonical FROM snapshots WHERE id = $1', [sealed.body.snapshotId]);
    const snapshot = JSON.parse(rows[0].canonical) as { sections: Record<string, Record<string, unknown>> };
    FIELDS.forEach(([section, field], i) => {
      const outcomes = results[i];
      const last = outcomes[outcomes.length - 1];
      const saved = outcomes.slice(0, -1);
      // 2xx, 2xx, …, then exactly one refusal, and that refusal is "sealed"
      expect(saved.every((o) => o.status === 204)).toBe(true);
      expect({ section, status: last.status, code: last.code }).toEqual({ section, status: 409, code: 'wrong_state' });
      // the last write that was acknowledged is what the snapshot holds (the fixture's text if none was)
      const expected = saved.length
        ? saved[saved.length - 1].value
        : (completeApplication({ orgChart: [], layoutPhotos: [] }) as Record<string, Record<string, unknown>>)[section][field];
      expect({ rep, section, text: snapshot.sections[section][field] }).toEqual({ rep, section, text: expected });
      savedTotal += saved.length;
      refusedTotal += 1;
    });
  }
  // the race was really run: writes landed before the seal in most repetitions, and every loop ended refused
  expect(refusedTotal).toBe(REPETITIONS * FIELDS.length);
  expect(savedTotal).toBeGreaterThan(REPETITIONS);
});

/// <reference lib="dom" />
/**
 * A review round from end to end in the browser (issue 14, must-show 7). Staff set up a blind
 * round with the top-ten-default rubric, invite two judges, put them on the panel, open the round,
 * preview the automatic assignment and apply it. One judge accepts the cycle's confidentiality
 * terms, declares a conflict with an entrant (an assignment to it, if any, is removed and the
 * entry goes to the other judge), scores an assigned entry on the scoring screen with the
 * autosave state visible, and submits. The other judge, in the same group as a third entrant
 * (an inferred conflict), never has that entry on their screen; nor does the first judge see the
 * entry they declared. Staff then see the submitted review on the round's progress page.
 */
import request from 'supertest';
import {
  newPage,
  pickDateTime,
  pickOption,
  pressWhenShown,
  signIn,
  snap,
  startBrowserWorld,
  typeInto,
  waitForDialogsClosed,
  type BrowserWorld,
} from '../support/browser';
import { createOpenCycle, createUser, PASSWORD, type Account } from '../support/factories';
import { entryIn } from '../support/judging';
import { sealedEntry } from '../support/sealed-entry';

jest.setTimeout(900_000);

let w: BrowserWorld;
beforeAll(async () => {
  w = await startBrowserWorld();
});
afterAll(() => w?.close());

const JUDGE_PASSWORD = 'a long judging passphrase 2027';
const GROUP = '华东联合集团';

const entryCode = async (appId: string): Promise<string> =>
  (await w.t.db.query('SELECT entry_code FROM applications WHERE id = $1', [appId])).rows[0].entry_code;

const liveOf = async (roundId: string, judgeId: string): Promise<Array<{ id: string; application_id: string }>> =>
  (
    await w.t.db.query(`SELECT id, application_id FROM assignments WHERE round_id = $1 AND judge_id = $2 AND state = 'assigned'`, [
      roundId,
      judgeId,
    ])
  ).rows;

test('staff set up, preview and apply; a judge accepts the terms, declares a conflict, scores and submits; conflicted entries never listed', async () => {
  const staff: Account = await createUser(w.t, 'staff');
  const cycle = await createOpenCycle(w.t, `终评周期 ${Date.now()}`);
  // E1 and E3: complete sealed entries (something to score); E2: the entrant judge 1 will declare
  const e1 = await sealedEntry(w.t, { cycle });
  const e2 = await entryIn(w.t, cycle, 'accepted');
  const e3 = await sealedEntry(w.t, { cycle });
  await w.t.db.query(`UPDATE applications SET state = 'accepted' WHERE id = ANY($1)`, [[e1.appId, e3.appId]]);
  // E3's organisation belongs to a group; judge 2 will say they work in that group
  await w.t.db.query('UPDATE organisations SET parent_group = $2 WHERE id = $1', [e3.owner.organisationId, GROUP]);
  const e2Name: string = (await w.t.db.query('SELECT name FROM organisations WHERE id = $1', [e2.orgId])).rows[0].name;
  const [code1, code2, code3] = await Promise.all([entryCode(e1.appId), entryCode(e2.appId), entryCode(e3.appId)]);

  const staffPage = await newPage(w);
  let roundId: string;
  let criteria: string[];
  const judges: Array<{ email: string; name: string; link: string; userId?: string }> = [
    { email: `judge1-${Date.now()}@example.com`, name: '周评审', link: '' },
    { email: `judge2-${Date.now()}@example.com`, name: '吴评审', link: '' },
  ];
  try {
    await signIn(w, staffPage, staff.email, PASSWORD);

    // the rubric: the top-ten-default preset (the form's default choice)
    await staffPage.goto(`${w.base}/staff/rubrics`);
    const rubricName = `十佳评分表 ${Date.now()}`;
    await typeInto(staffPage, '#rubric-name', rubricName);
    await staffPage.click('#rubric-create');
    await staffPage.waitForFunction(() => /^\/staff\/rubrics\/[0-9a-f-]{36}$/.test(location.pathname));
    const rubricId = await staffPage.evaluate(() => location.pathname.split('/').pop()!);
    const rubric = (await request(w.t.http).get(`/api/rubrics/${rubricId}`).auth(staff.token, { type: 'bearer' }).expect(200)).body;
    criteria = rubric.tree.groups.flatMap((g: { criteria: Array<{ key: string }> }) => g.criteria.map((c) => c.key));
    expect(criteria).toContain('strategy');

    // a blind round of the cycle, one judge per entry
    await staffPage.goto(`${w.base}/staff/rounds?cycle=${cycle.cycleId}`);
    await (await staffPage.waitForSelector('#new-round'))!.click();
    await staffPage.waitForFunction(() => location.pathname === '/staff/rounds/new');
    await pickDateTime(staffPage, '#round-opens', '2027-01-10 09:00');
    await pickDateTime(staffPage, '#round-closes', '2027-01-31 18:00');
    await typeInto(staffPage, '#round-name', '终评');
    await typeInto(staffPage, '#round-reviews', '1');
    await staffPage.click('#round-rubric');
    await pickOption(staffPage, rubricName);
    expect(await staffPage.$eval('#round-blind', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await staffPage.click('#round-save');
    await staffPage.waitForFunction(() => /^\/staff\/rounds\/[0-9a-f-]{36}$/.test(location.pathname));
    roundId = await staffPage.evaluate(() => location.pathname.split('/').pop()!);

    // two judges invited; each link shown to pass on
    await staffPage.goto(`${w.base}/staff/judges`);
    for (const j of judges) {
      await typeInto(staffPage, '#invite-email', j.email);
      await typeInto(staffPage, '#invite-name', j.name);
      await staffPage.click('#invite-send');
      await staffPage.waitForFunction((e) => document.querySelector('#invite-result label')?.textContent?.includes(e), {}, j.email);
      j.link = await staffPage.$eval('#invite-link', (el) => (el as HTMLInputElement).value);
      expect(j.link).toMatch(/\/judge-invitations\/[A-Za-z0-9_-]+$/);
    }
  } catch (e) {
    await snap(staffPage, 'judging-round-staff-setup');
    throw e;
  }

  // judge 1 follows the link in the browser; judge 2 accepts over the API and names their group
  const judge1 = await newPage(w);
  try {
    await judge1.goto(`${w.base}${new URL(judges[0].link).pathname}`);
    await typeInto(judge1, '#judge-name', judges[0].name);
    await typeInto(judge1, '#judge-password', JUDGE_PASSWORD);
    await judge1.keyboard.press('Enter');
    await judge1.waitForSelector('[data-judge-home]');
  } catch (e) {
    await snap(judge1, 'judging-round-judge1-invitation');
    throw e;
  }
  judges[0].userId = (await w.t.db.query('SELECT id FROM users WHERE email = $1', [judges[0].email])).rows[0].id;
  const accepted = await request(w.t.http)
    .post(`/api/judges/invitations/${judges[1].link.split('/').pop()}/accept`)
    .send({ name: judges[1].name, password: JUDGE_PASSWORD })
    .expect(201);
  judges[1].userId = (await w.t.db.query('SELECT id FROM users WHERE email = $1', [judges[1].email])).rows[0].id;
  await request(w.t.http).patch('/api/judges/me').auth(accepted.body.accessToken, { type: 'bearer' }).send({ group: GROUP }).expect(200);
  const [j1, j2] = judges.map((j) => j.userId!);

  try {
    // both on the panel, then the round opens
    await staffPage.goto(`${w.base}/staff/rounds/${roundId}`);
    await staffPage.waitForSelector('[data-round-state="draft"]');
    for (const j of judges) {
      await staffPage.click('#panel-judges');
      await staffPage.type('#panel-judges', j.email);
      await staffPage.waitForSelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
      await staffPage.keyboard.press('Enter');
      await staffPage.keyboard.press('Escape');
    }
    await typeInto(staffPage, '#panel-capacity', '5');
    await staffPage.click('#panel-add');
    for (const id of [j1, j2]) await staffPage.waitForSelector(`[data-panel-judge="${id}"]`);
    await staffPage.click('#round-open');
    await pressWhenShown(staffPage, '#round-confirm');
    await staffPage.waitForSelector('[data-round-state="open"]');
    await waitForDialogsClosed(staffPage);

    // the preview (nothing written yet), then applied
    await (await staffPage.waitForSelector('[data-round-tab="assignments"]'))!.click();
    await staffPage.waitForSelector('#assign-matrix [data-kind]');
    // judge 2's group tie with E3 is known before anything is assigned
    await staffPage.waitForSelector(`[data-pair="${e3.appId}|${j2}"][data-kind="conflicted"]`);
    await staffPage.click('#assign-preview');
    await staffPage.waitForSelector('#assign-loads [data-load]');
    expect(await staffPage.$eval('#assign-preview-result', (el) => el.textContent ?? '')).toContain('可分配 3 / 需要 3 项评审');
    expect([...(await liveOf(roundId, j1)), ...(await liveOf(roundId, j2))]).toEqual([]);
    await staffPage.click('#assign-apply');
    await (await staffPage.waitForSelector('#apply-ok'))!.click();
    await staffPage.waitForSelector('#assign-applied');
    await waitForDialogsClosed(staffPage);
    await staffPage.waitForFunction(() => document.querySelectorAll('#assign-matrix [data-kind="assigned"]').length === 3);
  } catch (e) {
    await snap(staffPage, 'judging-round-staff-assign');
    throw e;
  }
  // the inferred conflict held: E3 went to judge 1
  expect((await liveOf(roundId, j1)).map((a) => a.application_id)).toContain(e3.appId);
  expect((await liveOf(roundId, j2)).map((a) => a.application_id)).not.toContain(e3.appId);

  try {
    // judge 1: the terms, then a conflict with E2's organisation declared
    const card = `[data-cycle="${cycle.cycleId}"]`;
    await judge1.reload();
    await judge1.waitForSelector(`${card} button.ant-btn-primary`);
    await judge1.click(`${card} button.ant-btn-primary`);
    await judge1.waitForSelector(`${card} [data-terms-accepted]`);
    const kind = `#conflict-${e2.orgId}-kind`;
    await judge1.waitForSelector(kind);
    await judge1.click(kind);
    await pickOption(judge1, '咨询服务关系');
    await judge1.click(`[data-entrant="${e2Name}"] button[type="submit"]`);
    await judge1.waitForSelector('[data-declared-conflicts]');
    // an assignment of E2 to judge 1 (if the solver made one) is gone, and E2 is judge 2's
    expect((await liveOf(roundId, j1)).map((a) => a.application_id)).not.toContain(e2.appId);
    expect((await liveOf(roundId, j2)).map((a) => a.application_id)).toContain(e2.appId);

    // judge 1's list: E3 (and E1 if theirs), never E2
    const e3Assignment = (await liveOf(roundId, j1)).find((a) => a.application_id === e3.appId)!.id;
    await judge1.reload();
    await judge1.waitForSelector(`[data-assignment="${e3Assignment}"]`);
    const home1 = await judge1.$eval('[data-assignments]', (el) => el.textContent ?? '');
    expect(home1).toContain(code3);
    expect(home1).not.toContain(code2);

    // the scoring screen: every criterion rated, the autosave state shown, then submitted
    await judge1.click(`[data-assignment="${e3Assignment}"] a[href="/assignments/${e3Assignment}"]`);
    await judge1.waitForSelector('[data-criterion="strategy"]');
    expect(await judge1.$eval('[data-scoring-title]', (el) => el.textContent)).toBe(code3);
    for (const key of criteria)
      await judge1.$eval(`[data-criterion="${key}"] input[type=radio][value="8"]`, (el) => (el as HTMLInputElement).click());
    await new Promise((r) => setTimeout(r, 1000)); // past the autosave's debounce
    await judge1.waitForFunction(() => document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === 'saved', {
      timeout: 20_000,
    });
    expect(await judge1.$eval('[data-save-state]', (el) => el.textContent ?? '')).toMatch(/已保存 \d\d:\d\d/);
    await judge1.click('[data-submit-review]');
    await pressWhenShown(judge1, '.ant-modal-confirm .ant-btn-primary');
    await judge1.waitForSelector('[data-review-state="submitted"]');
    await waitForDialogsClosed(judge1);
    const stored = await w.t.db.query('SELECT state, total FROM reviews WHERE assignment_id = $1', [e3Assignment]);
    expect(stored.rows[0]).toMatchObject({ state: 'submitted' });
  } catch (e) {
    await snap(judge1, 'judging-round-judge1');
    throw e;
  }

  // judge 2: after the terms, the list never holds E3 (their group's entrant); E2 is theirs now
  const judge2 = await newPage(w);
  try {
    await signIn(w, judge2, judges[1].email, JUDGE_PASSWORD);
    const card = `[data-cycle="${cycle.cycleId}"]`;
    await judge2.waitForSelector(`${card} button.ant-btn-primary`);
    await judge2.click(`${card} button.ant-btn-primary`);
    await judge2.waitForSelector(`${card} [data-terms-accepted]`);
    await judge2.waitForSelector('[data-assignments] [data-assignment]');
    const home2 = await judge2.evaluate(() => document.body.innerText);
    expect(home2).toContain(code2);
    expect(home2).not.toContain(code3);
    for (const a of await liveOf(roundId, j2)) expect(a.application_id).not.toBe(e3.appId);
    // nor can it be opened by address: E3's assignment is judge 1's, a 404 for judge 2
    const e3Assignment = (await liveOf(roundId, j1)).find((a) => a.application_id === e3.appId)!.id;
    await judge2.goto(`${w.base}/assignments/${e3Assignment}`);
    await judge2.waitForSelector('[data-not-found]');
    expect(await judge2.evaluate(() => document.body.innerText)).not.toContain(code3);
  } catch (e) {
    await snap(judge2, 'judging-round-judge2');
    throw e;
  }

  // staff: the progress page counts judge 1's submitted review
  await staffPage.goto(`${w.base}/staff/rounds/${roundId}/progress`);
  await staffPage.waitForFunction(() => /已提交 1/.test(document.body.innerText), { timeout: 20_000 });
  expect(code1).toMatch(/^TT-/);
});

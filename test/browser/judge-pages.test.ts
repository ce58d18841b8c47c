/// <reference lib="dom" />
/**
 * The judges' pages in the browser (issue 14): staff invite a judge over the API; the judge opens
 * the invitation link, sets a name and a password and lands on their home page (no cycle offered
 * until staff put them on a round's panel), accepts the cycle's confidentiality terms, declares a
 * conflict with one entrant organisation and sees it listed — and no longer offered; the invitation, home and profile pages have no serious or critical axe violation at
 * 1280 and 390 px.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { allowAxe, seriousViolations } from '../support/axe';
import { newPage, pickOption, signIn, snap, startBrowserWorld, type BrowserWorld } from '../support/browser';
import { createOpenCycle, createUser } from '../support/factories';
import { createRound, createRubric, entryIn } from '../support/judging';
import { addToPanel } from '../support/review-world';

jest.setTimeout(600_000);

let w: BrowserWorld;
beforeAll(async () => {
  w = await startBrowserWorld();
});
afterAll(() => w?.close());

const JUDGE_PASSWORD = 'a long judging passphrase 2027';

test('an invited judge signs up, accepts the terms and declares a conflict; the pages pass axe at 1280 and 390', async () => {
  const staff = await createUser(w.t, 'staff');
  const cycle = await createOpenCycle(w.t);
  const a = await entryIn(w.t, cycle, 'accepted');
  await entryIn(w.t, cycle, 'accepted');
  const orgName: string = (await w.t.db.query('SELECT name FROM organisations WHERE id = $1', [a.orgId])).rows[0].name;
  const email = `judge-${randomBytes(4).toString('hex')}@example.com`;
  const invite = await request(w.t.http)
    .post('/api/judges/invitations')
    .auth(staff.token, { type: 'bearer' })
    .send({ email, name: '李评审' })
    .expect(201);
  const path = new URL(invite.body.inviteUrl).pathname;

  const page = await newPage(w);
  await allowAxe(page);
  const problems: string[] = [];
  try {
    // the invitation: the server's password policy is shown at the field
    await page.goto(`${w.base}${path}`);
    await page.waitForSelector('#judge-name');
    problems.push(...(await seriousViolations(page, 'invitation 1280')));
    await page.type('#judge-name', '李评审');
    await page.type('#judge-password', '        ');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => !!document.querySelector('#judge-password')?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain-error'),
    );
    // the server's words (the policy), not a client rule: the form asks only that something is typed
    const policy = await page.$eval(
      '#judge-password',
      (el) => el.closest('.ant-form-item')?.querySelector('.ant-form-item-explain-error')?.textContent ?? '',
    );
    expect(policy.length).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe(path);
    await page.click('#judge-password', { clickCount: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#judge-password', JUDGE_PASSWORD);
    await page.keyboard.press('Enter');

    // home: no cycle before the judge is on a panel; then the panel's cycle with its terms
    await page.waitForSelector('[data-judge-home]');
    await page.waitForSelector('[data-assignments] .ant-empty');
    expect(await page.$(`[data-cycle="${cycle.cycleId}"]`)).toBeNull();
    const judgeId: string = (await w.t.db.query('SELECT id FROM users WHERE email = $1', [email])).rows[0].id;
    const roundId = await createRound(w.t, staff, cycle.cycleId, await createRubric(w.t, staff));
    await addToPanel(w.t, roundId, judgeId);
    await page.reload();
    const card = `[data-cycle="${cycle.cycleId}"]`;
    await page.waitForSelector(`${card} button.ant-btn-primary`);
    problems.push(...(await seriousViolations(page, 'home before acceptance 1280')));
    await page.click(`${card} button.ant-btn-primary`);
    await page.waitForSelector(`${card} [data-terms-accepted]`);

    // the entrants, a conflict declared with one of them, then listed
    const kind = `#conflict-${a.orgId}-kind`;
    await page.waitForSelector(kind);
    problems.push(...(await seriousViolations(page, 'home with entrants 1280')));
    await page.click(kind);
    await pickOption(page, '任职关系');
    await page.type(`#conflict-${a.orgId}-note`, '曾在该单位任职');
    await page.click(`[data-entrant="${orgName}"] button[type="submit"]`);
    await page.waitForSelector('[data-declared-conflicts]');
    const listed = await page.$eval('[data-declared-conflicts]', (el) => el.textContent ?? '');
    expect(listed).toContain(orgName);
    expect(listed).toContain('任职关系');
    expect(listed).toContain('曾在该单位任职');
    const rows = await w.t.db.query('SELECT kind FROM conflicts WHERE organisation_id = $1', [a.orgId]);
    expect(rows.rows.map((r: { kind: string }) => r.kind)).toEqual(['employment']);
    // not offered again, also after a reload (the list comes from GET /api/judges/me/conflicts)
    await page.waitForFunction((id) => !document.querySelector(`#conflict-${id}-kind`), {}, a.orgId);
    await page.reload();
    await page.waitForSelector('[data-declared-conflicts]');
    expect(await page.$eval('[data-declared-conflicts]', (el) => el.textContent ?? '')).toContain('曾在该单位任职');
    expect(await page.$(`#conflict-${a.orgId}-kind`)).toBeNull();

    // the profile
    await page.goto(`${w.base}/profile`);
    await page.waitForSelector('#jp-industries');
    problems.push(...(await seriousViolations(page, 'profile 1280')));
  } catch (e) {
    await snap(page, 'judge-pages');
    throw e;
  } finally {
    await page.browserContext().close();
  }

  // the same pages on a phone
  const phone = await newPage(w, 390);
  await allowAxe(phone);
  try {
    await phone.goto(`${w.base}${path}`);
    await phone.waitForSelector('#judge-name');
    problems.push(...(await seriousViolations(phone, 'invitation 390')));
    await signIn(w, phone, email, JUDGE_PASSWORD);
    await phone.goto(`${w.base}/`);
    await phone.waitForSelector(`[data-cycle="${cycle.cycleId}"] [data-terms-accepted]`);
    await phone.waitForSelector('[data-entrant]');
    problems.push(...(await seriousViolations(phone, 'home 390')));
    await phone.goto(`${w.base}/profile`);
    await phone.waitForSelector('#jp-industries');
    problems.push(...(await seriousViolations(phone, 'profile 390')));
  } catch (e) {
    await snap(phone, 'judge-pages-390');
    throw e;
  } finally {
    await phone.browserContext().close();
  }
  expect(problems).toEqual([]);
});

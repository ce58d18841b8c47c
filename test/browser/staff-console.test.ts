/// <reference lib="dom" />
/**
 * The staff console in the browser (issue 13): staff return an entry with a reason, the applicant
 * sees it, fixes a field, seals again, uploads the receipt and submits, and staff see the
 * field-level difference between the two snapshots and accept; a conflicting action shows the
 * server's 409; an administrator creates a cycle with a category, its deadline entered and shown in
 * the cycle's zone (北京时间); a judge and an applicant who open staff pages by URL see "not
 * found", never the page.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import request from 'supertest';
import { allowAxe, englishNamed, seriousViolations } from '../support/axe';
import {
  newPage,
  pickDateTime,
  signIn,
  snap,
  startBrowserWorld,
  typeInto,
  uploadTo,
  waitSaved,
  type BrowserWorld,
} from '../support/browser';
import { createUser, PASSWORD, registerApplicant } from '../support/factories';
import { pngFile } from '../support/sample-files';
import { sealedEntry, upload } from '../support/sealed-entry';

jest.setTimeout(600_000);

let w: BrowserWorld;
beforeAll(async () => {
  w = await startBrowserWorld();
});
afterAll(() => w?.close());

/** A complete entry, sealed, its stamped receipt uploaded and submitted (over HTTP). */
async function submittedEntry() {
  const e = await sealedEntry(w.t);
  await upload(w.t, e.owner, e.appId, 'stamped_receipt', pngFile(300, 400), 'receipt.png');
  await request(w.t.http).post(`/api/applications/${e.appId}/submit`).auth(e.owner.token, { type: 'bearer' }).send({}).expect(200);
  return e;
}

/** The entry page's n-th part: a tab on wide screens, a choice button on a phone. */
const entryTab = async (page: Page, n: number) =>
  (await page.waitForSelector(`.ant-tabs-tab:nth-of-type(${n}) [role="tab"], .entry-parts label:nth-of-type(${n})`))!.click();

test('staff return an entry with a reason; the applicant fixes it and submits again; staff see the field-level diff and accept', async () => {
  const e = await submittedEntry();
  const staff = await createUser(w.t, 'staff');
  const sp = await newPage(w);
  const ap = await newPage(w);
  try {
    // staff: return with a reason
    await signIn(w, sp, staff.email, PASSWORD);
    await sp.goto(`${w.base}/staff/entries/${e.appId}`);
    await sp.waitForSelector('[data-entry-state="submitted"]');
    await sp.click('#screen-return');
    await typeInto(sp, '#screen-reason', '请补充企业联系电话（总机）。');
    await sp.click('#reason-ok');
    await sp.waitForSelector('[data-entry-state="draft"]');
    expect(await sp.$eval('#entry-return-reason', (el) => el.textContent)).toBe('请补充企业联系电话（总机）。');

    // the applicant sees the reason, fixes the field, seals, uploads the receipt, submits
    await signIn(w, ap, e.owner.email, PASSWORD);
    await ap.goto(`${w.base}/applications/${e.appId}`);
    expect(await (await ap.waitForSelector('#return-reason'))!.evaluate((el) => el.textContent)).toBe('请补充企业联系电话（总机）。');
    await ap.waitForSelector('#f-basics-enterprise-phone');
    await typeInto(ap, '#f-basics-enterprise-phone', '010-6688 9900');
    await waitSaved(ap);
    await ap.click('.ant-menu-item:last-child');
    await ap.click('#seal-consent');
    await ap.click('#seal-button');
    await ap.waitForSelector('[data-app-state="sealed"]');
    const receipt = join(tmpdir(), `receipt-${Date.now()}.png`);
    writeFileSync(receipt, pngFile(300, 400));
    await uploadTo(ap, 'receipt-upload', receipt);
    await ap.waitForFunction(() => document.body.innerText.includes('receipt-'), { timeout: 20_000 });
    await ap.click('#submit-button');
    await ap.waitForSelector('[data-app-state="submitted"]');

    // staff: the two snapshots differ in exactly that field, named by its label; then accept
    await sp.reload();
    await sp.waitForSelector('[data-entry-state="submitted"]');
    await entryTab(sp, 4);
    const row = await sp.waitForSelector('[data-diff-path="basics.enterprise.phone"]');
    const cells = await row!.evaluate((el) => Array.from(el.closest('tr')!.querySelectorAll('td'), (td) => td.textContent));
    expect(cells[0]).toContain('企业总机');
    expect(cells[2]).toBe('010-6688 9900');
    // of the form, only that field changed (the file list differs too: the first receipt came after the first seal)
    const paths = await sp.$$eval('[data-diff-path]', (els) => els.map((el) => el.getAttribute('data-diff-path')!));
    expect(paths.filter((p) => p !== 'attachments')).toEqual(['basics.enterprise.phone']);
    await entryTab(sp, 1);
    await (await sp.waitForSelector('#screen-accept:not([disabled])'))!.click();
    await sp.waitForSelector('[data-entry-state="accepted"]');
    const final = await request(w.t.http).get(`/api/applications/${e.appId}`).auth(staff.token, { type: 'bearer' }).expect(200);
    expect(final.body.state).toBe('accepted');
  } catch (err) {
    await snap(sp, 'staff-return-staff');
    await snap(ap, 'staff-return-applicant');
    throw err;
  }
});

test("a conflicting action shows the server's 409", async () => {
  const e = await submittedEntry();
  const staff = await createUser(w.t, 'staff');
  const other = await createUser(w.t, 'staff');
  const page = await newPage(w);
  await signIn(w, page, staff.email, PASSWORD);
  await page.goto(`${w.base}/staff/entries/${e.appId}`);
  await page.waitForSelector('[data-entry-state="submitted"]');
  // a colleague accepts it meanwhile
  await request(w.t.http).post(`/api/applications/${e.appId}/accept`).auth(other.token, { type: 'bearer' }).send({}).expect(200);
  await page.click('#screen-reject');
  await typeInto(page, '#screen-reason', '材料不全');
  await page.click('#reason-ok');
  const text = await (await page.waitForSelector('#screening-error'))!.evaluate((el) => el.textContent);
  expect(text).toContain('操作未完成');
  expect(text!.length).toBeGreaterThan(8); // with the server's own words
  await page.waitForSelector('[data-entry-state="accepted"]'); // and the page shows where the entry now stands
});

test('an administrator creates a cycle with a category; its deadline is entered and shown in Beijing time', async () => {
  const admin = await createUser(w.t, 'admin');
  const page = await newPage(w);
  try {
    await signIn(w, page, admin.email, PASSWORD);
    // the administrator's start page is the dashboard, with the staff navigation
    await page.waitForSelector('[data-nav="navCycles"]');
    await page.click('[data-nav="navCycles"]');
    await page.waitForFunction(() => location.pathname === '/staff/cycles');
    await (await page.waitForSelector('#new-cycle'))!.click();
    await page.waitForFunction(() => location.pathname === '/staff/cycles/new');

    await typeInto(page, '#cycle-name', '2027 中国十佳呼叫中心评选');
    // the zone is Asia/Shanghai by default, named in words beside the times
    expect(await page.$eval('body', (b) => b.textContent)).toContain('按北京时间填写');
    await pickDateTime(page, '#cycle-opens', '2027-01-05 09:00');
    await pickDateTime(page, '#cycle-deadline', '2027-03-31 18:00');
    await typeInto(page, '#cat-0-code', 'omnichannel_excellence');
    await typeInto(page, '#cat-0-zh', '卓越全渠道客服');
    await typeInto(page, '#cat-0-en', 'Omnichannel excellence');
    await page.click('#cycle-save');
    await page.waitForFunction(() => /^\/staff\/cycles\/[0-9a-f-]{36}$/.test(location.pathname));

    // stored as the instant 18:00 in Beijing (10:00 UTC), whatever the browser's zone
    const id = await page.evaluate(() => location.pathname.split('/').pop()!);
    const cycle = await request(w.t.http).get(`/api/cycles/${id}`).auth(admin.token, { type: 'bearer' }).expect(200);
    expect(new Date(cycle.body.submissionDeadline).toISOString()).toBe('2027-03-31T10:00:00.000Z');
    expect(cycle.body.timeZone).toBe('Asia/Shanghai');
    expect(cycle.body.categories).toEqual([expect.objectContaining({ code: 'omnichannel_excellence', nameZh: '卓越全渠道客服' })]);

    // the list shows it in the cycle's zone, the zone in words
    await page.goto(`${w.base}/staff/cycles`);
    const shown = await (await page.waitForSelector(`[data-deadline="${id}"]`))!.evaluate((el) => el.textContent);
    expect(shown).toBe('2027年3月31日 18:00（北京时间）');
    // and the edit form shows the same wall time
    await page.goto(`${w.base}/staff/cycles/${id}`);
    expect(await (await page.waitForSelector('#cycle-deadline'))!.evaluate((el) => (el as HTMLInputElement).value)).toBe(
      '2027-03-31 18:00',
    );
  } catch (e) {
    await snap(page, 'staff-cycle');
    throw e;
  }
});

test('a server refusal is shown at its field', async () => {
  const admin = await createUser(w.t, 'admin');
  const page = await newPage(w);
  await signIn(w, page, admin.email, PASSWORD);
  await page.goto(`${w.base}/staff/cycles/new`);
  await typeInto(page, '#cycle-name', '格式错误的周期');
  await pickDateTime(page, '#cycle-opens', '2027-01-05 09:00');
  await pickDateTime(page, '#cycle-deadline', '2027-03-31 18:00');
  await typeInto(page, '#cat-0-code', 'Not A Code!');
  await typeInto(page, '#cat-0-zh', '类别');
  await typeInto(page, '#cat-0-en', 'Category');
  await page.click('#cycle-save');
  // the server's words under the code input, not a generic error
  const message = await page.waitForFunction(() => {
    const item = document.querySelector('#cat-0-code')?.closest('.ant-form-item');
    return item?.querySelector('.ant-form-item-explain-error')?.textContent || null;
  });
  expect(await message.jsonValue()).toBeTruthy();
  expect(new URL(page.url()).pathname).toBe('/staff/cycles/new');
});

const STAFF_PAGES = ['/staff/cycles', '/staff/cycles/new', '/staff/entries', '/staff/organisations', '/staff/audit', '/staff/users'];

test.each(['judge', 'applicant'] as const)('a %s never sees a staff page: not found, by URL', async (role) => {
  const account = role === 'judge' ? await createUser(w.t, 'judge') : await registerApplicant(w.t);
  const page = await newPage(w);
  await signIn(w, page, account.email, PASSWORD);
  // their own start page
  if (role === 'judge') await page.waitForSelector('[data-judge-home]');
  else await page.waitForSelector('h2');
  expect(await page.$('[data-nav="navCycles"]')).toBeNull();
  for (const path of STAFF_PAGES) {
    await page.goto(`${w.base}${path}`);
    await page.waitForSelector('[data-not-found]');
    expect(new URL(page.url()).pathname).toBe(path); // not a redirect
    expect(await page.$('#new-cycle, #entries-cycle, #audit-csv, #users-search')).toBeNull();
  }
});

test('staff (not admin) do not see the users page', async () => {
  const staff = await createUser(w.t, 'staff');
  const page = await newPage(w);
  await signIn(w, page, staff.email, PASSWORD);
  await page.waitForSelector('[data-nav="navEntries"]');
  expect(await page.$('[data-nav="navUsers"]')).toBeNull();
  await page.goto(`${w.base}/staff/users`);
  await page.waitForSelector('[data-not-found]');
});

describe('axe over the staff console', () => {
  const pages = (entryId: string, orgId: string, cycleId: string): Array<{ name: string; go: (p: Page) => Promise<void> }> => {
    const open = (path: string, wait: string) => async (p: Page) => {
      await p.goto(`${w.base}${path}`);
      await p.waitForSelector(wait);
    };
    const tab = (n: number, wait: string) => async (p: Page) => {
      await open(`/staff/entries/${entryId}`, '[data-entry-state]')(p);
      await entryTab(p, n);
      await p.waitForSelector(wait);
    };
    return [
      { name: 'dashboard', go: open(`/?cycle=${cycleId}`, '[data-seconds-left]') },
      { name: 'cycles', go: open('/staff/cycles', '[data-deadline]') },
      { name: 'cycle-new', go: open('/staff/cycles/new', '#cycle-deadline') },
      { name: 'cycle-edit', go: open(`/staff/cycles/${cycleId}`, '#cycle-deadline') },
      { name: 'entries', go: open(`/staff/entries?cycle=${cycleId}`, '.entry-code') },
      { name: 'entry', go: tab(1, '#screen-accept') },
      { name: 'entry-content', go: tab(2, '[id^="f-basics-"]') },
      { name: 'entry-attachments', go: tab(3, '.ant-table-row') },
      { name: 'entry-snapshots', go: tab(4, '[data-verified], [data-verify]') },
      { name: 'entry-history', go: tab(5, '[data-action]') },
      { name: 'organisations', go: open('/staff/organisations', '.ant-table-row') },
      { name: 'organisation', go: open(`/staff/organisations/${orgId}`, '[data-member-unit]') },
      { name: 'users', go: open('/staff/users', '.ant-table-row') },
      { name: 'audit', go: open('/staff/audit', '[data-action]') },
      { name: 'not-found', go: open('/staff/nothing-here', '[data-not-found]') },
    ];
  };

  it.each([
    ['zh', 1280],
    ['zh', 390],
    ['en', 1280],
    ['en', 390],
  ] as const)('finds no serious or critical violation (%s, %i px)', async (lang, width) => {
    const e = await submittedEntry();
    const admin = await createUser(w.t, 'admin');
    const context = await w.browser.createBrowserContext();
    const page = await context.newPage();
    await allowAxe(page);
    await page.setViewport({ width, height: 844 });
    page.setDefaultTimeout(20_000);
    await page.goto(`${w.base}/login`);
    await page.evaluate((l) => localStorage.setItem('lang', l), lang);
    await signIn(w, page, admin.email, PASSWORD);
    const failing: string[] = [];
    try {
      for (const p of pages(e.appId, e.owner.organisationId, e.cycle.cycleId)) {
        await p.go(page);
        await new Promise((r) => setTimeout(r, 300));
        if (lang === 'zh') failing.push(...(await englishNamed(page, `${p.name} zh ${width}px`)));
        failing.push(...(await seriousViolations(page, `${p.name} ${lang} ${width}px`)));
      }
    } finally {
      await context.close();
    }
    expect(failing).toEqual([]);
  });
});

/// <reference lib="dom" />
/**
 * What a new applicant tripped over (issue 12), driven in the page: a cleared answer stays
 * cleared, the "other" box comes once and goes, the contact mix adds up per column, seal and
 * submit errors name fields by their labels, a cross-field rule shows at its field, and drop-down
 * search matches what is shown.
 */
import type { Page } from 'puppeteer-core';
import request from 'supertest';
import { completeApplication } from '../fixtures/complete-application';
import { fieldId, fillField, newPage, openSection, signIn, startBrowserWorld, waitSaved, type BrowserWorld } from '../support/browser';
import { ALL_SECTIONS } from '../../src/form/sections';
import { fieldAt, eventually, sectionData as readSection } from '../support/form-checks';
import { attachmentRow } from '../support/complete-entry';
import { createApplication, createOpenCycle, PASSWORD, registerApplicant, type Account } from '../support/factories';

jest.setTimeout(120_000);

let w: BrowserWorld;
beforeAll(async () => {
  w = await startBrowserWorld();
});
afterAll(() => w?.close());

/** A wire key with a dot in it, the way the server names paths (basics.enterprise.address). */
const DOTTED_KEY = /\b[a-z][A-Za-z]*\.[a-z][A-Za-z]*\b/;

async function entry(page: Page, sections: Record<string, unknown> = {}) {
  const owner = await registerApplicant(w.t);
  const appId = (await createApplication(w.t, owner, await createOpenCycle(w.t))).id as string;
  for (const [key, data] of Object.entries(sections)) await put(owner, appId, key, data as object);
  await signIn(w, page, owner.email, PASSWORD);
  return { owner, appId };
}

async function put(owner: Account, appId: string, key: string, data: object) {
  const current = await request(w.t.http)
    .get(`/api/applications/${appId}/sections/${key}`)
    .auth(owner.token, { type: 'bearer' })
    .expect(200);
  await request(w.t.http)
    .put(`/api/applications/${appId}/sections/${key}`)
    .auth(owner.token, { type: 'bearer' })
    .set('If-Match', current.headers.etag)
    .send(data)
    .expect(200);
}

const sectionData = (owner: Account, appId: string, key: string) => readSection(w.t.http, owner, appId, key);

const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);
const formItemText = (page: Page, id: string) => page.$eval(`#${id}`, (el) => (el.closest('.ant-form-item') as HTMLElement).innerText);

it('a cleared 说明, select and list survive a reload as cleared (sent as null, removed on the server)', async () => {
  const page = await newPage(w);
  const { owner, appId } = await entry(page, {
    technology: { bcp: { answer: true, detail: '双活数据中心，每季度演练' } },
    satisfaction: { frequency: 'monthly', measuredBy: ['center_staff', 'third_party'], score: 4.5 },
  });

  await openSection(w, page, appId, 'technology');
  const detail = `[aria-label^="${fieldAt('technology', 'bcp').label.zh}"]`;
  await (await page.waitForSelector(detail))!.click({ clickCount: 3 });
  await page.keyboard.press('Backspace');
  await waitSaved(page);
  await eventually(() => sectionData(owner, appId, 'technology').then((d) => d.bcp), { answer: true });

  await openSection(w, page, appId, 'satisfaction');
  // the choice: antd's clear button
  const frequency = fieldId('satisfaction', 'frequency');
  await page.$eval(`#${frequency}`, (el) => el.closest('.ant-select')!.scrollIntoView({ block: 'center' }));
  await (await page.waitForSelector(`.ant-select:has(#${frequency}) .ant-select-clear`, { visible: false }))!.evaluate((el) =>
    (el as HTMLElement).click(),
  );
  // the list of codes: every tag removed
  const measuredBy = fieldId('satisfaction', 'measuredBy');
  while ((await page.$$(`.ant-select:has(#${measuredBy}) .ant-select-selection-item-remove`)).length) {
    await page.$eval(`.ant-select:has(#${measuredBy}) .ant-select-selection-item-remove`, (el) => (el as HTMLElement).click());
  }
  // and a number emptied
  const score = fieldId('satisfaction', 'score');
  await (await page.waitForSelector(`#${score}`))!.click({ clickCount: 3 });
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
  await waitSaved(page);
  await eventually(() => sectionData(owner, appId, 'satisfaction'), {});

  // after a reload the page shows them empty too (nothing kept on this device either)
  await openSection(w, page, appId, 'satisfaction');
  expect(await page.$$(`.ant-select:has(#${measuredBy}) .ant-select-selection-item`)).toHaveLength(0);
  expect(await page.$(`.ant-select:has(#${frequency}) .ant-select-content-has-value`)).toBeNull();
  expect(await page.$eval(`#${score}`, (el) => (el as HTMLInputElement).value)).toBe('');
  await openSection(w, page, appId, 'technology');
  expect(await page.$eval(detail, (el) => (el as HTMLTextAreaElement).value)).toBe('');
});

it('toggling 其他 five times leaves exactly one box while chosen and none when not; its text goes with it', async () => {
  const page = await newPage(w);
  const { owner, appId } = await entry(page);
  await openSection(w, page, appId, 'basics');
  const field = fieldAt('basics', 'center.businessTypes');
  const box = fieldId('basics', 'center.businessTypesOther');
  const boxes = () => page.$$eval(`[id="${box}"]`, (els) => els.length);

  await fillField(page, 'basics', 'center.businessTypes', field, ['customer_service']);
  for (let i = 1; i <= 5; i++) {
    await fillField(page, 'basics', 'center.businessTypes', field, ['other']);
    const chosen = i % 2 === 1;
    if (chosen) await page.waitForSelector(`#${box}`);
    else await page.waitForFunction((id) => !document.getElementById(id), {}, box);
    expect(await boxes()).toBe(chosen ? 1 : 0);
    if (i === 3) await page.type(`#${box}`, '催收提醒');
  }
  // five toggles: 其他 chosen, one box, the text typed on the third round cleared with the fourth
  expect(await boxes()).toBe(1);
  await fillField(page, 'basics', 'center.businessTypes', field, ['other']);
  await page.waitForFunction((id) => !document.getElementById(id), {}, box);
  await waitSaved(page);
  await eventually(() => sectionData(owner, appId, 'basics').then((d) => d.center), { businessTypes: ['customer_service'] });
  expect(await page.$eval('[data-save-state]', (el) => el.getAttribute('data-save-state'))).toBe('saved');
});

it('contact-mix totals are per column, as the form’s 合计 row: a correct table shows no warning', async () => {
  const mix = (rows: Array<[number, number]>) =>
    Object.fromEntries(['voice', 'email', 'ivr', 'bot', 'other'].map((k, i) => [k, { inboundPct: rows[i][0], outboundPct: rows[i][1] }]));
  const page = await newPage(w);
  const { owner, appId } = await entry(page, {
    basics: {
      contactMix: mix([
        [60, 50],
        [10, 20],
        [20, 10],
        [5, 10],
        [5, 10],
      ]),
    },
  });
  await openSection(w, page, appId, 'basics');
  const card = `#${fieldId('basics', 'contactMix')}`;
  await page.waitForSelector(`${card} [data-total]`);
  const tags = () =>
    page.$$eval(`${card} .ant-tag`, (els) =>
      els.map((el) => ({ text: (el as HTMLElement).innerText, warn: /orange/.test(el.className), total: el.getAttribute('data-total') })),
    );
  const before = await tags();
  expect(before.map((t) => t.total)).toEqual(['inboundPct', 'outboundPct']);
  for (const t of before) {
    expect(t.text).toBe('100% / 100%');
    expect(t.warn).toBe(false);
  }

  // a column off by ten: that column (and only it) is flagged
  await put(owner, appId, 'basics', {
    contactMix: mix([
      [50, 50],
      [10, 20],
      [20, 10],
      [5, 10],
      [5, 10],
    ]),
  });
  await openSection(w, page, appId, 'basics');
  await page.waitForSelector(`${card} [data-total]`);
  const after = await tags();
  expect(after.filter((t) => t.warn).map((t) => t.total)).toEqual(['inboundPct']);
  expect(after.find((t) => t.total === 'inboundPct')!.text).toContain('90% / 100%');
});

async function completeData(appId: string, owner: Account) {
  return completeApplication({
    orgChart: [await attachmentRow(w.t, appId, owner, 'org_chart')],
    layoutPhotos: [await attachmentRow(w.t, appId, owner, 'layout_photo')],
  });
}

it('seal and submit errors name fields by their labels and link to them; a long list is summarised', async () => {
  // an empty entry: ninety-odd problems are counted, not listed
  const page = await newPage(w);
  const first = await entry(page);
  await page.goto(`${w.base}/applications/${first.appId}`);
  await (await page.waitForSelector('.ant-menu-item:last-child'))!.click();
  await page.click('#seal-consent');
  await page.click('#seal-button');
  await page.waitForSelector('#action-error');
  const alert = await textOf(page, '#action-error');
  expect(alert).toMatch(/还有 \d+ 项需要完善/);
  expect(alert).not.toMatch(DOTTED_KEY);
  expect(alert.split('\n').length).toBeLessThan(6);
  // the missing-items panel names a yes/no's 说明 by its label too
  expect(await textOf(page, '#missing-panel')).not.toMatch(DOTTED_KEY);

  // two problems: listed by label, each a link to its field
  const owner = await registerApplicant(w.t);
  const appId = (await createApplication(w.t, owner, await createOpenCycle(w.t))).id as string;
  const data = await completeData(appId, owner);
  (data.technology as Record<string, unknown>).otherTech = { answer: true };
  delete (data.basics.enterprise as Record<string, unknown>).address;
  for (const [key, section] of Object.entries(data)) await put(owner, appId, key, section);
  const page2 = await newPage(w);
  await signIn(w, page2, owner.email, PASSWORD);
  await page2.goto(`${w.base}/applications/${appId}`);
  await page2.waitForSelector('#missing-panel .missing-item');
  const technology = ALL_SECTIONS.find((s) => s.key === 'technology')!.title.zh;
  await page2.$$eval(
    '#missing-panel .ant-collapse-header',
    (els, title) => els.forEach((el) => (el as HTMLElement).innerText.includes(title) && (el as HTMLElement).click()),
    technology,
  );
  await page2.waitForFunction(() => (document.getElementById('missing-panel') as HTMLElement).innerText.includes('› 说明'));
  expect(await textOf(page2, '#missing-panel')).toContain(`${fieldAt('technology', 'otherTech').label.zh} › 说明`);
  expect(await textOf(page2, '#missing-panel')).not.toMatch(DOTTED_KEY);
  await (await page2.waitForSelector('.ant-menu-item:last-child'))!.click();
  await page2.click('#seal-consent');
  await page2.click('#seal-button');
  await page2.waitForSelector('#action-error li');
  const listed = await textOf(page2, '#action-error');
  expect(listed).not.toMatch(DOTTED_KEY);
  expect(listed).toContain(
    `基本信息 › ${fieldAt('basics', 'enterprise').label.zh} › ${fieldAt('basics', 'enterprise.address').label.zh}：必填`,
  );
  expect(listed).toContain(`${fieldAt('technology', 'otherTech').label.zh} › 说明：选择“是”时请说明`);
  await page2.click('#action-error li button');
  await page2.waitForFunction((id) => document.activeElement?.id === id, {}, fieldId('basics', 'enterprise.address'));

  // sealed, no stamped receipt: submit names the receipt by its label
  const fixed = await completeData(appId, owner);
  for (const key of ['basics', 'technology'] as const) await put(owner, appId, key, fixed[key]);
  await request(w.t.http).post(`/api/applications/${appId}/seal`).auth(owner.token, { type: 'bearer' }).send({}).expect(200);
  await page2.goto(`${w.base}/applications/${appId}`);
  await (await page2.waitForSelector('.ant-menu-item:last-child'))!.click();
  await (await page2.waitForSelector('#submit-button'))!.click();
  await page2.waitForSelector('#action-error li');
  const submitError = await textOf(page2, '#action-error');
  expect(submitError).not.toMatch(DOTTED_KEY);
  expect(submitError).toContain(fieldAt('receipt', 'stampedReceipt').label.zh);
});

it('a cross-field rule shows at its field, in the rule’s words (面试通过人员 > 应聘人员)', async () => {
  const page = await newPage(w);
  const { appId } = await entry(page, { recruitment: { applicants: 10, passedInterview: 20 } });
  await openSection(w, page, appId, 'recruitment');
  const passed = fieldId('recruitment', 'passedInterview');
  await page.waitForFunction(
    (id) => document.getElementById(id)!.closest('.ant-form-item')!.textContent!.includes('不能超过 10'),
    {},
    passed,
  );
  expect(await formItemText(page, passed)).toContain('不能超过 10');
  expect(await formItemText(page, fieldId('recruitment', 'applicants'))).not.toContain('不能超过');
  // the panel says why, not as if it were blank
  expect(await textOf(page, '#missing-panel')).toContain(`${fieldAt('recruitment', 'passedInterview').label.zh} — 不能超过 10`);
});

it('drop-down search matches the visible Chinese labels, not the hidden codes', async () => {
  const page = await newPage(w);
  const { appId } = await entry(page);
  await openSection(w, page, appId, 'satisfaction');
  const id = fieldId('satisfaction', 'actionsTaken');
  await page.$eval(`#${id}`, (el) => el.closest('.ant-select')!.scrollIntoView({ block: 'center' }));
  await page.click(`#${id}`);
  const shown = () =>
    page.$$eval('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', (els) =>
      els.map((el) => el.getAttribute('title')),
    );
  await page.type(`#${id}`, '培训');
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').length === 1,
  );
  expect(await shown()).toEqual(['更多培训计划']);
  for (let i = 0; i < 2; i++) await page.keyboard.press('Backspace');
  await page.type(`#${id}`, 'training');
  await page.waitForSelector(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-empty, .ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-empty',
  );
  expect(await shown()).toEqual([]);

  // a single choice searches too
  await page.keyboard.press('Escape');
  const freq = fieldId('satisfaction', 'frequency');
  await page.$eval(`#${freq}`, (el) => el.closest('.ant-select')!.scrollIntoView({ block: 'center' }));
  await page.click(`#${freq}`);
  await page.type(`#${freq}`, '季度');
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').length === 1,
  );
  expect(await shown()).toEqual(['一个季度/次']);
});

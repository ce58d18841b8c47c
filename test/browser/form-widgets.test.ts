/// <reference lib="dom" />
/**
 * The editor's field behaviours, driven the way a person would: the pick-3 counter, the "other"
 * box that comes and goes with 其他 (and is cleared with it), running totals of percentage groups,
 * inline validation, exclusive options, the missing-items panel by keyboard, labels on every
 * input, and the 390 px layout.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import request from 'supertest';
import type { FieldNode } from '../../src/form/field-types';
import { expandFields } from '../../src/form/expanded-fields';
import { ALL_SECTIONS } from '../../src/form/sections';
import {
  fieldId,
  fillField,
  newPage,
  openSection,
  signIn,
  startBrowserWorld,
  uploadTo,
  waitSaved,
  type BrowserWorld,
} from '../support/browser';
import { fieldAt, eventually } from '../support/form-checks';
import { createApplication, createOpenCycle, PASSWORD, registerApplicant } from '../support/factories';
import { exeFile } from '../support/sample-files';

jest.setTimeout(120_000);

let w: BrowserWorld;
beforeAll(async () => {
  w = await startBrowserWorld();
});
afterAll(() => w?.close());

async function signedInEntry(page: Page) {
  const owner = await registerApplicant(w.t);
  const app = await createApplication(w.t, owner, await createOpenCycle(w.t));
  await signIn(w, page, owner.email, PASSWORD);
  return { owner, appId: app.id as string };
}

const sectionData = async (token: string, appId: string, key: string) =>
  (await request(w.t.http).get(`/api/applications/${appId}/sections/${key}`).auth(token, { type: 'bearer' }).expect(200)).body
    .data as Record<string, unknown>;

/** Polls until `read()` equals `expected` (autosave is debounced: "saved" may still show the last save). */
/** The help/error line antd shows under the field with this input id. */
const messageUnder = (page: Page, id: string) =>
  page.$eval(
    `#${id}`,
    (el) => (el.closest('.ant-form-item')?.querySelector('.ant-form-item-explain') as HTMLElement | null)?.innerText ?? '',
  );

it('pick-3 counts and stops at three; the other box appears with 其他 and is cleared with it', async () => {
  const page = await newPage(w);
  const { owner, appId } = await signedInEntry(page);
  await openSection(w, page, appId, 'strategy');

  const challenges = fieldAt('strategy', 'topChallenges');
  const otherId = fieldId('strategy', 'topChallengesOther');
  expect(await page.$(`#${otherId}`)).toBeNull();
  await fillField(page, 'strategy', 'topChallenges', challenges, ['fcr', 'other']);
  await page.waitForSelector(`#${otherId}`);
  const counter = () =>
    page.$eval(`#${fieldId('strategy', 'topChallenges')}`, (el) => (el.closest('.ant-form-item') as HTMLElement).innerText);
  expect(await counter()).toContain('已选 2 / 3');
  await page.type(`#${otherId}`, '数字化转型');
  await eventually(() => sectionData(owner.token, appId, 'strategy').then((d) => d.topChallengesOther), '数字化转型');

  // a third pick fills it; every other option is then disabled
  await fillField(page, 'strategy', 'topChallenges', challenges, ['retention']);
  expect(await counter()).toContain('已选 3 / 3');
  await (await page.waitForSelector(`#${fieldId('strategy', 'topChallenges')}`))!.evaluate((el) =>
    (el.closest('.ant-select') as HTMLElement).scrollIntoView(),
  );
  await page.click(`#${fieldId('strategy', 'topChallenges')}`);
  const disabled = await page.$$eval(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-disabled',
    (els) => els.length,
  );
  expect(disabled).toBe(challenges.type === 'pick3' ? challenges.options.length - 3 : -1);
  await page.keyboard.press('Escape');

  // 其他 off again: the box goes, and its text goes with it (the server refuses it otherwise)
  await fillField(page, 'strategy', 'topChallenges', challenges, ['other']);
  await page.waitForFunction((id) => !document.getElementById(id), {}, otherId);
  await eventually(
    () => sectionData(owner.token, appId, 'strategy').then((d) => [d.topChallenges, d.topChallengesOther ?? null]),
    [['fcr', 'retention'], null],
  );
  expect(await page.$eval('[data-save-state]', (el) => el.getAttribute('data-save-state'))).toBe('saved');
});

it('percentage groups show their running total; bad values are flagged as they are typed', async () => {
  const page = await newPage(w);
  const { appId } = await signedInEntry(page);
  await openSection(w, page, appId, 'basics');

  const age = (k: string) => `#${fieldId('basics', `staffing.ageDistribution.${k}`)}`;
  await page.type(age('under25'), '30');
  await page.type(age('from25to35'), '40');
  await page.type(age('from35to50'), '25');
  const groupText = () => page.$eval(`#${fieldId('basics', 'staffing.ageDistribution')}`, (el) => (el as HTMLElement).innerText);
  await page.waitForFunction(
    (sel) => (document.querySelector(sel) as HTMLElement).innerText.includes('合计 95% / 100%'),
    {},
    `#${fieldId('basics', 'staffing.ageDistribution')}`,
  );
  await page.type(age('over50'), '5');
  await page.waitForFunction(
    (sel) => (document.querySelector(sel) as HTMLElement).innerText.includes('合计 100% / 100%'),
    {},
    `#${fieldId('basics', 'staffing.ageDistribution')}`,
  );
  expect(await groupText()).toContain('合计 100% / 100%');
  await waitSaved(page);

  // an e-mail without a domain is flagged at once, and it goes away when corrected
  const flat = (fields: FieldNode[], prefix = ''): Array<[string, FieldNode]> =>
    fields.flatMap((f) => (f.type === 'group' ? flat(f.fields, `${prefix}${f.key}.`) : [[`${prefix}${f.key}`, f] as [string, FieldNode]]));
  const emailField = flat(expandFields(ALL_SECTIONS.find((s) => s.key === 'basics')!.fields)).find(([, f]) => f.type === 'email');
  expect(emailField).toBeDefined();
  const emailId = fieldId('basics', emailField![0]);
  await page.type(`#${emailId}`, 'wang@');
  await page.waitForFunction(
    (id) => document.getElementById(id)!.closest('.ant-form-item')!.textContent!.includes('邮箱格式不正确'),
    {},
    emailId,
  );
  await page.type(`#${emailId}`, 'example.com');
  await page.waitForFunction(
    (id) => !document.getElementById(id)!.closest('.ant-form-item')!.textContent!.includes('邮箱格式不正确'),
    {},
    emailId,
  );
  expect(await messageUnder(page, emailId)).not.toContain('邮箱格式不正确');
});

it('postcode and exclusive options: a 4-digit postcode is flagged, 没有改进措施 stands alone', async () => {
  const page = await newPage(w);
  const { owner, appId } = await signedInEntry(page);
  await openSection(w, page, appId, 'receipt');
  const postcode = fieldId('receipt', 'postcode');
  await page.type(`#${postcode}`, '1000');
  await page.waitForFunction(
    (id) => document.getElementById(id)!.closest('.ant-form-item')!.textContent!.includes('邮政编码为 6 位数字'),
    {},
    postcode,
  );
  await page.type(`#${postcode}`, '01');
  await page.waitForFunction(
    (id) => !document.getElementById(id)!.closest('.ant-form-item')!.textContent!.includes('邮政编码为 6 位数字'),
    {},
    postcode,
  );
  await waitSaved(page);

  await openSection(w, page, appId, 'satisfaction');
  const actions = fieldAt('satisfaction', 'actionsTaken');
  const saved = () => sectionData(owner.token, appId, 'satisfaction').then((d) => d.actionsTaken);
  await fillField(page, 'satisfaction', 'actionsTaken', actions, ['extend_hours', 'more_training']);
  await eventually(saved, ['extend_hours', 'more_training']);
  await fillField(page, 'satisfaction', 'actionsTaken', actions, ['none']);
  await eventually(saved, ['none']);
  await fillField(page, 'satisfaction', 'actionsTaken', actions, ['software_upgrade']);
  await eventually(saved, ['software_upgrade']);
  await eventually(() => sectionData(owner.token, appId, 'receipt').then((d) => d.postcode), '100001');
});

it('numbers stay as typed: a percentage of 130 is flagged at the field and never saved as 100; 33.33 is not rounded', async () => {
  const page = await newPage(w);
  const { owner, appId } = await signedInEntry(page);
  await openSection(w, page, appId, 'basics');
  const id = fieldId('basics', 'staffing.ageDistribution.under25');
  await page.type(`#${id}`, '130');
  await page.keyboard.press('Tab'); // the number box used to clamp on blur
  await page.waitForFunction((i) => document.getElementById(i)!.closest('.ant-form-item')!.textContent!.includes('不能大于 100'), {}, id);
  expect(await page.$eval(`#${id}`, (el) => (el as HTMLInputElement).value)).toBe('130');
  // the page sent it: the server refused it (400), so nothing was stored, least of all 100
  await page.waitForFunction(() => document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === 'invalid');
  const ages = async () =>
    ((await sectionData(owner.token, appId, 'basics')).staffing as { ageDistribution?: object } | undefined)?.ageDistribution;
  expect(await ages()).toBeUndefined();

  await page.click(`#${id}`, { count: 3 });
  await page.type(`#${id}`, '33.33');
  await page.keyboard.press('Tab');
  await page.waitForFunction((i) => document.getElementById(i)!.closest('.ant-form-item')!.textContent!.includes('最多 1 位小数'), {}, id);
  expect(await page.$eval(`#${id}`, (el) => (el as HTMLInputElement).value)).toBe('33.33');
  expect(await ages()).toBeUndefined();

  await page.click(`#${id}`, { count: 3 });
  await page.type(`#${id}`, '33.3');
  await eventually(ages, { under25: 33.3 });
  // saved: the server's earlier refusal goes with it
  await page.waitForFunction(
    (i) => !document.getElementById(i)!.closest('.ant-form-item')!.querySelector('.ant-form-item-explain-error'),
    {},
    id,
  );
});

it('uploads: the org-chart picker offers what the server takes (no .docx); a refusal is told in Chinese on the Chinese page', async () => {
  const page = await newPage(w);
  const { appId } = await signedInEntry(page);
  await openSection(w, page, appId, 'basics');
  const id = fieldId('basics', 'orgChart');
  const accept = await page.$eval(`#${id}`, (el) => (el as HTMLInputElement).accept);
  expect(accept).toContain('image/png');
  expect(accept).not.toMatch(/docx|xlsx|pptx|openxmlformats/);
  expect(await page.$eval(`#${fieldId('basics', 'orgChart')}`, (el) => el.getAttribute('type'))).toBe('file');

  // a browser asking for English by default: the page's language decides
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setUserAgentOverride', { userAgent: await page.browser().userAgent(), acceptLanguage: 'en-US,en' });
  const file = join(tmpdir(), `not-a-chart-${Date.now()}.png`);
  writeFileSync(file, exeFile());
  await uploadTo(page, id, file);
  await page.waitForFunction(() => document.querySelector('.ant-message')?.textContent?.includes('上传失败'));
  const said = await page.$eval('.ant-message', (el) => (el as HTMLElement).innerText);
  expect(said).toContain('文件内容不是允许的类型（PDF, PNG, JPEG, WebP）');
  expect(said).not.toMatch(/allowed|content type/i);
});

it('keyboard: a missing item opens its field; every input has a label; 390 px does not scroll sideways', async () => {
  const page = await newPage(w, 390);
  const { appId } = await signedInEntry(page);
  await page.goto(`${w.base}/applications/${appId}`);
  // on a phone the section list and what is missing are drawers, opened from buttons at the top
  expect(await page.waitForSelector('#sections-toggle')).not.toBeNull();
  await page.waitForSelector('[id^="f-basics-"]');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.focus('#missing-toggle');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.missing-item');

  // Tab to the first missing item and press Enter: its section opens with the field focused
  const first = await page.$eval('.missing-item', (el) => (el as HTMLElement).innerText);
  await page.focus('.missing-item');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('f-') || document.activeElement?.closest('[id^="f-"]') !== null);
  const focused = await page.evaluate(() => document.activeElement?.id || document.activeElement?.closest('[id^="f-"]')?.id);
  expect(focused).toMatch(/^f-/);
  expect(first.length).toBeGreaterThan(0);

  // every visible input, textarea and select of the section form has an accessible name
  await page.setViewport({ width: 1280, height: 900 });
  await openSection(w, page, appId, 'basics');
  const unlabelled = await page.$$eval('form input, form textarea', (els) =>
    els
      .filter((el) => (el as HTMLInputElement).type !== 'hidden' && (el as HTMLElement).style.display !== 'none')
      .filter((el) => {
        const id = el.id;
        const byFor = id && document.querySelector(`label[for="${CSS.escape(id)}"]`);
        const wrapped = el.closest('label');
        return !(byFor || wrapped || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'));
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(unlabelled).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

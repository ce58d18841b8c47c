/// <reference lib="dom" />
/**
 * The smaller defects of issue 12 (items 6 and 11), driven in the page: computed values follow
 * autosave, stars only on what is required, completeness that reads 0 % empty and 100 % complete,
 * a refused second entry said in the page, the nomination, registration errors at their fields,
 * the submitted confirmation, yes/no answers in the form's words whose 说明 goes with 否, the
 * management-certification question, numbers with separators, the zone by name, the KPI table
 * with met and gap, the receipt section in the draft and the narrow screen's missing-items drawer.
 */
import type { Page } from 'puppeteer-core';
import request from 'supertest';
import {
  fieldId,
  fillField,
  newPage,
  openSection,
  signIn,
  snap,
  waitSaved,
  type BrowserWorld,
  startBrowserWorld,
} from '../support/browser';
import { fieldAt, eventually, sectionData as readSection } from '../support/form-checks';
import { completeEntry } from '../support/complete-entry';
import { createApplication, createOpenCycle, createUser, PASSWORD, registerApplicant, type Account } from '../support/factories';

jest.setTimeout(120_000);

let w: BrowserWorld;
beforeAll(async () => {
  w = await startBrowserWorld();
});
afterAll(() => w?.close());

async function entry(page: Page) {
  const owner = await registerApplicant(w.t);
  const cycleName = `测试周期 ${Math.random().toString(36).slice(2, 8)}`;
  const cycle = await createOpenCycle(w.t, cycleName);
  const appId = (await createApplication(w.t, owner, cycle)).id as string;
  await signIn(w, page, owner.email, PASSWORD);
  return { owner, appId, name: cycleName };
}

const sectionData = (owner: Account, appId: string, key: string) => readSection(w.t.http, owner, appId, key);

const formItem = (page: Page, id: string) =>
  page.$eval(`#${id}`, (el) => {
    const item = el.closest('.ant-form-item')!;
    return { text: (item as HTMLElement).innerText, required: !!item.querySelector('.ant-form-item-required') };
  });

it('招聘准确率 shows the server’s value right after autosave, and computed fields carry no star', async () => {
  const page = await newPage(w);
  try {
    const { appId } = await entry(page);
    await openSection(w, page, appId, 'recruitment');
    const rate = fieldId('recruitment', 'accuracyRate');
    expect((await formItem(page, rate)).required).toBe(false);
    await fillField(page, 'recruitment', 'applicants', fieldAt('recruitment', 'applicants'), 1200);
    await fillField(page, 'recruitment', 'passedInterview', fieldAt('recruitment', 'passedInterview'), 300);
    await waitSaved(page);
    await page.waitForFunction((id) => document.getElementById(id)?.textContent === '25%', {}, rate);
    // 1200 typed, 1,200 shown
    expect(await page.$eval(`#${fieldId('recruitment', 'applicants')}`, (el) => (el as HTMLInputElement).value)).toBe('1,200');
    expect(await page.$eval(`#${fieldId('recruitment', 'applicants')}`, (el) => el.getAttribute('inputmode'))).toBe('numeric');
  } catch (e) {
    await snap(page, 'details-computed');
    throw e;
  }
});

it('the remote agents’ education (optional) has no stars; the full-time one has', async () => {
  const page = await newPage(w);
  const { appId } = await entry(page);
  await openSection(w, page, appId, 'basics');
  const stars = (path: string) =>
    page.$eval(`#${fieldId('basics', path)}`, (el) => el.closest('.ant-card')!.querySelectorAll('.ant-form-item-required').length);
  expect(await stars('staffing.seats.remote.education')).toBe(0);
  expect(await stars('staffing.seats.fullTime.education')).toBeGreaterThan(0);
});

it('completeness reads 0 % for an empty draft and 100 % for a complete entry, for the applicant and for staff', async () => {
  const page = await newPage(w);
  const { owner, appId } = await entry(page);
  const empty = await request(w.t.http).get(`/api/applications/${appId}`).auth(owner.token, { type: 'bearer' }).expect(200);
  expect(empty.body.percent).toBe(0);
  await page.goto(`${w.base}/`);
  await page.waitForSelector('.ant-progress');
  expect(await page.$eval('.ant-progress', (el) => el.getAttribute('aria-valuenow') ?? (el as HTMLElement).innerText)).toMatch(/^0/);

  const complete = await completeEntry(w.t);
  const mine = await request(w.t.http).get('/api/applications').auth(complete.owner.token, { type: 'bearer' }).expect(200);
  expect(mine.body.find((a: { id: string }) => a.id === complete.appId)).toMatchObject({ complete: true, percent: 100 });
  const staffUser = await createUser(w.t, 'staff');
  const staff = await request(w.t.http).get('/api/applications').auth(staffUser.token, { type: 'bearer' }).expect(200);
  expect(staff.body.find((a: { id: string }) => a.id === complete.appId)).toMatchObject({ complete: true, percent: 100 });
});

it('a second entry for the same category says why in the page; a recommended entry records its recommender', async () => {
  const page = await newPage(w);
  const { owner, name } = await entry(page);
  await page.goto(`${w.base}/`);
  const create = async (cycleName: string) => {
    await (await page.waitForSelector('#new-cycle'))!.click();
    await page.waitForSelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await page.$eval(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${cycleName}"]`, (el) =>
      (el as HTMLElement).click(),
    );
    await page.click('#new-category');
    await page.waitForSelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="卓越全渠道客服"]');
    await page.$eval('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="卓越全渠道客服"]', (el) =>
      (el as HTMLElement).click(),
    );
  };
  await create(name);
  await page.click('button[type=submit]');
  const error = await page.waitForSelector('#create-error');
  expect(await error!.evaluate((el) => (el as HTMLElement).innerText)).toContain('本单位在该奖项类别已有申报');
  expect(page.url()).toBe(`${w.base}/`);

  // recommended by another unit: the recommender is asked for and stored
  const otherName = `测试周期 ${Math.random().toString(36).slice(2, 8)}`;
  await createOpenCycle(w.t, otherName);
  await page.reload();
  await create(otherName);
  await page.click('#new-nomination input[value="recommended"]');
  await page.type('#new-recommender-name', '上海呼叫中心协会');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => location.pathname.startsWith('/applications/'));
  const id = page.url().split('/').pop()!;
  const app = await request(w.t.http).get(`/api/applications/${id}`).auth(owner.token, { type: 'bearer' }).expect(200);
  expect(app.body.nomination).toEqual({ type: 'recommended', recommenderName: '上海呼叫中心协会' });
});

it('registration errors show once, at their fields', async () => {
  const page = await newPage(w);
  await page.goto(`${w.base}/register`);
  await page.waitForSelector('#reg-org');
  await page.type('#reg-org', '某单位');
  await page.type('#reg-name', '张三');
  await page.type('#reg-email', `dup-${Date.now()}@example.com`);
  await page.type('#reg-password', 'password');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => !!document.querySelector('#reg-password')?.closest('.ant-form-item-has-error'));
  const help = await page.$eval(
    '#reg-password',
    (el) => (el.closest('.ant-form-item') as HTMLElement).querySelector('.ant-form-item-explain')!.textContent!,
  );
  expect(help.length).toBeGreaterThan(0);
  // no message twice anywhere on the page
  const texts = await page.$$eval('.ant-form-item-explain-error, .ant-alert-message, .ant-alert-description', (els) =>
    els.flatMap((e) => (e.textContent ?? '').split(/\s+/)).filter(Boolean),
  );
  expect(new Set(texts).size).toBe(texts.length);
});

it('the button labels are not spaced (登录, not 登 录)', async () => {
  const page = await newPage(w);
  await page.goto(`${w.base}/login`);
  await page.waitForSelector('button[type=submit]');
  expect(await page.$eval('button[type=submit]', (el) => (el as HTMLElement).innerText)).toBe('登录');
});

it('the countdown names the zone (北京时间 / China Standard Time); a submitted entry shows its confirmation and no countdown', async () => {
  const page = await newPage(w);
  const { appId } = await entry(page);
  await page.goto(`${w.base}/applications/${appId}`);
  const countdown = await page.waitForSelector('[data-countdown]');
  const text = await countdown!.evaluate((el) => (el as HTMLElement).innerText);
  expect(text).toContain('北京时间');
  expect(text).not.toContain('Asia/Shanghai');

  await w.t.db.query(`UPDATE applications SET state = 'submitted', state_changed_at = now() WHERE id = $1`, [appId]);
  await page.reload();
  const notice = await page.waitForSelector('#submitted-notice');
  const said = await notice!.evaluate((el) => (el as HTMLElement).innerText);
  expect(said).toContain('申报已提交');
  expect(said).toMatch(/TT-[A-Z0-9]+/);
  expect(said).toContain('北京时间');
  expect(await page.$('[data-countdown]')).toBeNull();
  await page.goto(`${w.base}/`);
  await page.waitForSelector('[data-state="submitted"]');
  expect(await page.$('[data-countdown]')).toBeNull();
});

it('否 hides the 说明 and removes it on the server; the form’s 有/没有 are its words', async () => {
  const page = await newPage(w);
  const { owner, appId } = await entry(page);
  await openSection(w, page, appId, 'technology');
  const bcp = fieldId('technology', 'bcp');
  expect(await page.$eval(`#${bcp}`, (el) => (el as HTMLElement).innerText.replace(/\s+/g, ''))).toBe('有没有');
  await fillField(page, 'technology', 'bcp', fieldAt('technology', 'bcp'), { answer: true, detail: '双活数据中心' });
  await waitSaved(page);
  await eventually(() => sectionData(owner, appId, 'technology').then((d) => d.bcp), { answer: true, detail: '双活数据中心' });
  await (await page.waitForSelector(`#${bcp} input[type=radio][value="false"]`))!.click();
  await page.waitForFunction((id) => !document.getElementById(id)!.closest('.ant-form-item')!.querySelector('textarea'), {}, bcp);
  await waitSaved(page);
  await eventually(() => sectionData(owner, appId, 'technology').then((d) => d.bcp), { answer: false });
  // and 是 again: the old text does not come back
  await (await page.waitForSelector(`#${bcp} input[type=radio][value="true"]`))!.click();
  const box = await page.waitForSelector(`[aria-label^="${fieldAt('technology', 'bcp').label.zh}"]`);
  expect(await box!.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe('');
});

it('是否获取管理认证 is 是/否; the certifications are asked after 是 and removed with 否', async () => {
  const page = await newPage(w);
  const { owner, appId } = await entry(page);
  await openSection(w, page, appId, 'omnichannel');
  const answer = fieldId('omnichannel', 'certifications.answer');
  const items = fieldId('omnichannel', 'certifications.items');
  expect(await page.$$(`#${answer} input[type=radio]`)).toHaveLength(2);
  expect(await page.$(`#${items}`)).toBeNull();
  await fillField(page, 'omnichannel', 'certifications.answer', fieldAt('omnichannel', 'certifications.answer'), true);
  await fillField(page, 'omnichannel', 'certifications.items', fieldAt('omnichannel', 'certifications.items'), ['copc']);
  await waitSaved(page);
  await eventually(() => sectionData(owner, appId, 'omnichannel').then((d) => d.certifications), { answer: true, items: ['copc'] });
  await fillField(page, 'omnichannel', 'certifications.answer', fieldAt('omnichannel', 'certifications.answer'), false);
  await page.waitForFunction((id) => !document.getElementById(id), {}, items);
  await waitSaved(page);
  await eventually(() => sectionData(owner, appId, 'omnichannel').then((d) => d.certifications), { answer: false });
});

it('the KPIs are the form’s table with the server’s met and gap; 8,600,000 and 240 are shown as such', async () => {
  const page = await newPage(w);
  try {
    const { appId } = await entry(page);
    await openSection(w, page, appId, 'kpis');
    await page.waitForSelector('.kpi-table');
    expect(
      await page.$eval('.kpi-table', (t) => Array.from(t.querySelectorAll('thead th')).map((e) => (e as HTMLElement).innerText)),
    ).toEqual(['指标', '目标', '过去12个月的达成情况', '是否达标', '差距']);
    await fillField(page, 'kpis', 'operations.aht.target', fieldAt('kpis', 'operations.aht.target'), 240);
    await fillField(page, 'kpis', 'operations.aht.actual', fieldAt('kpis', 'operations.aht.actual'), 216);
    await waitSaved(page);
    await page.waitForSelector('tr[data-kpi="aht"] [data-met="true"]');
    expect(await page.$eval('tr[data-kpi="aht"] .kpi-gap', (el) => (el as HTMLElement).innerText)).toBe('+10%');
    expect(await page.$eval(`#${fieldId('kpis', 'operations.aht.target')}`, (el) => (el as HTMLInputElement).value)).toBe('240');
    expect(await page.$eval(`#${fieldId('kpis', 'operations.aht.target')}`, (el) => el.getAttribute('inputmode'))).toBe('decimal');

    await openSection(w, page, appId, 'basics');
    await fillField(page, 'basics', 'annualInteractions', fieldAt('basics', 'annualInteractions'), 8600000);
    await page.keyboard.press('Tab');
    expect(await page.$eval(`#${fieldId('basics', 'annualInteractions')}`, (el) => (el as HTMLInputElement).value)).toBe('8,600,000');
  } catch (e) {
    await snap(page, 'details-kpis');
    throw e;
  }
});

it('the receipt section explains, in the draft, what happens after sealing instead of refusing an upload', async () => {
  const page = await newPage(w);
  const { appId } = await entry(page);
  await openSection(w, page, appId, 'receipt');
  const note = await page.waitForSelector('.after-seal');
  expect(await note!.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/封存后.*打印.*公章.*上传/s);
  expect(await page.$('.after-seal input[type=file]')).toBeNull();
});

it('at 390 px what is missing opens from a button at the top', async () => {
  const page = await newPage(w, 390);
  const { appId } = await entry(page);
  await page.goto(`${w.base}/applications/${appId}`);
  const toggle = await page.waitForSelector('#missing-toggle');
  const top = await toggle!.evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeLessThan(400);
  expect(await page.$('#missing-panel')).toBeNull();
  await toggle!.click();
  await page.waitForSelector('#missing-panel .missing-item');
  // choosing an item closes the drawer and brings its field into focus
  await page.$eval('#missing-panel .missing-item', (el) => (el as HTMLElement).click());
  await page.waitForFunction(() => !document.querySelector('#missing-panel') || !document.querySelector('.ant-drawer-open #missing-panel'));
  await page.waitForFunction(() => document.activeElement?.closest('[id^="f-basics-"]') !== null);
});

it('the owner invites by e-mail, sees the invitation pending and revokes it', async () => {
  const page = await newPage(w);
  await entry(page);
  await page.goto(`${w.base}/organisation`);
  await page.waitForSelector('#invite-email');
  const email = `kollege-${Date.now()}@example.com`;
  await page.type('#invite-email', email);
  await page.click('#invite-button');
  const sent = await page.waitForSelector('#invitation-sent');
  expect(await sent!.evaluate((el) => (el as HTMLElement).innerText)).toContain(`邀请邮件已发送至 ${email}`);
  const row = await page.waitForSelector(`[data-invitation="${email}"]`);
  await (await row!.$('button'))!.click();
  // the confirmation pops in with an animation: wait until it is shown, then press its button
  const confirm = (await page.waitForSelector('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary', { visible: true }))!;
  await confirm.evaluate((b) => (b as HTMLElement).click());
  await page.waitForFunction((e) => !document.querySelector(`[data-invitation="${e}"]`), {}, email);
});

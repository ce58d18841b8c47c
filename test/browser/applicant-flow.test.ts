/// <reference lib="dom" />
/**
 * An applicant in the browser, end to end: register, create an application, fill `basics` and
 * `kpis` through the page (typing, choosing, uploading the org chart), the rest through the API,
 * seal, upload the stamped receipt through the page, submit, and see `submitted`.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import request from 'supertest';
import { ALL_SECTIONS } from '../../src/form/sections';
import { expandFields } from '../../src/form/expanded-fields';
import { completeApplication } from '../fixtures/complete-application';
import { fillField, fieldId, pickOption, newPage, startBrowserWorld, uploadTo, waitSaved, type BrowserWorld } from '../support/browser';
import { createOpenCycle, PASSWORD } from '../support/factories';
import { pngFile } from '../support/sample-files';

jest.setTimeout(240_000);

let w: BrowserWorld;
beforeAll(async () => {
  w = await startBrowserWorld();
});
afterAll(() => w?.close());

async function fillSectionThroughPage(page: Page, key: string, data: Record<string, unknown>): Promise<void> {
  await (await page.waitForSelector(`[data-section="${key}"]`))!.click();
  await page.waitForSelector(`[id^="f-${key}-"]`);
  const def = ALL_SECTIONS.find((s) => s.key === key)!;
  for (const field of expandFields(def.fields)) {
    const value = data[field.key];
    if (value === undefined || field.type === 'attachment' || field.type === 'list') continue;
    if (field.type === 'group') {
      for (const child of expandFields(field.fields)) {
        const v = (value as Record<string, unknown>)[child.key];
        if (v === undefined || child.type === 'list') continue;
        await fillField(page, key, `${field.key}.${child.key}`, child, v);
      }
    } else await fillField(page, key, field.key, field, value);
  }
}

it('registers, fills, seals, uploads the stamped receipt and submits in the browser', async () => {
  await createOpenCycle(w.t, '2026 中国十佳呼叫中心评选');
  const page = await newPage(w);
  const email = `browser-${Date.now()}@example.com`;

  await page.goto(`${w.base}/register`);
  await page.waitForSelector('#reg-org'); // the page first asks who is signed in
  await page.type('#reg-org', '示例银行股份有限公司');
  await page.type('#reg-name', '王晓梅');
  await page.type('#reg-email', email);
  await page.type('#reg-password', PASSWORD);
  await page.click('button[type=submit]');

  // my applications → new application
  await page.waitForSelector('#new-cycle');
  await page.waitForNetworkIdle({ idleTime: 300 }).catch(() => undefined); // the list settles (it re-renders once its data arrives)
  await page.click('#new-cycle');
  await pickOption(page, '2026 中国十佳呼叫中心评选');
  await page.click('#new-category');
  await pickOption(page, '卓越全渠道客服');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => location.pathname.startsWith('/applications/'));
  const appId = page.url().split('/applications/')[1];

  const data = completeApplication({ orgChart: [], layoutPhotos: [] }) as unknown as Record<string, Record<string, unknown>>;
  await fillSectionThroughPage(page, 'basics', data.basics);
  const chart = join(tmpdir(), `org-chart-${Date.now()}.png`);
  writeFileSync(chart, pngFile(200, 120));
  await uploadTo(page, fieldId('basics', 'orgChart'), chart);
  await page.waitForSelector(`#${fieldId('basics', 'orgChart')}`);
  await waitSaved(page);
  await page.waitForFunction(() => !document.querySelector('.ant-progress-line'), { timeout: 20_000 });
  await waitSaved(page);

  await fillSectionThroughPage(page, 'kpis', data.kpis);
  await waitSaved(page);

  // the rest through the API, as the same user
  const login = await request(w.t.http).post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  const token = login.body.accessToken as string;
  const photo = await request(w.t.http)
    .post(`/api/applications/${appId}/attachments`)
    .auth(token, { type: 'bearer' })
    .field('kind', 'layout_photo')
    .attach('file', pngFile(), 'photo.png')
    .expect(201);
  const rest = completeApplication({ orgChart: [], layoutPhotos: [photo.body.id] }) as unknown as Record<string, unknown>;
  for (const [key, section] of Object.entries(rest)) {
    if (key === 'basics' || key === 'kpis') continue;
    await request(w.t.http)
      .put(`/api/applications/${appId}/sections/${key}`)
      .auth(token, { type: 'bearer' })
      .set('If-Match', '"1"')
      .send(section as object)
      .expect(200);
  }
  const saved = await request(w.t.http).get(`/api/applications/${appId}/sections/basics`).auth(token, { type: 'bearer' }).expect(200);
  expect(saved.body.data.enterprise.name).toBe('示例银行股份有限公司');
  expect(saved.body.data.orgChart).toHaveLength(1);
  const completeness = await request(w.t.http).get(`/api/applications/${appId}/completeness`).auth(token, { type: 'bearer' }).expect(200);
  expect(completeness.body.issues).toEqual([]);

  // seal in the page
  await page.reload();
  await page.waitForSelector('[data-section="basics"]');
  await page.click('.ant-menu-item:last-child');
  await page.click('#seal-consent');
  await page.click('#seal-button');
  await page.waitForSelector('[data-app-state="sealed"]');

  // stamped receipt through the page, then submit
  const receipt = join(tmpdir(), `receipt-${Date.now()}.png`);
  writeFileSync(receipt, pngFile(300, 400));
  await uploadTo(page, 'receipt-upload', receipt);
  await page.waitForFunction(() => document.body.innerText.includes('receipt-'), { timeout: 20_000 });
  await page.click('#submit-button');
  await page.waitForSelector('[data-app-state="submitted"]');
  const state = await request(w.t.http).get(`/api/applications/${appId}`).auth(token, { type: 'bearer' }).expect(200);
  expect(state.body.state).toBe('submitted');
});

/// <reference lib="dom" />
/**
 * Autosave in the browser: two people on one section see a conflict dialog (nothing of either is
 * lost), and text typed while the network is gone is kept and saved when it is back.
 */
import request from 'supertest';
import { newPage, openSection, signIn, startBrowserWorld, waitSaved, type BrowserWorld } from '../support/browser';
import { createApplication, createOpenCycle, inviteMember, PASSWORD, registerApplicant } from '../support/factories';

jest.setTimeout(120_000);

let w: BrowserWorld;
beforeAll(async () => {
  w = await startBrowserWorld();
});
afterAll(() => w?.close());

async function entry() {
  const owner = await registerApplicant(w.t);
  const member = await inviteMember(w.t, owner);
  const app = await createApplication(w.t, owner, await createOpenCycle(w.t));
  return { owner, member, appId: app.id };
}

const section = (token: string, appId: string) =>
  request(w.t.http).get(`/api/applications/${appId}/sections/strategy`).auth(token, { type: 'bearer' }).expect(200);

it('the second save of the same field shows both versions, and the choice keeps everything else of both', async () => {
  const { owner, member, appId } = await entry();
  const a = await newPage(w);
  const b = await newPage(w);
  await signIn(w, a, owner.email, PASSWORD);
  await signIn(w, b, member.email, PASSWORD);
  await openSection(w, a, appId, 'strategy');
  await openSection(w, b, appId, 'strategy');

  await a.type('#f-strategy-culture-mission', '甲的使命：让服务更温暖');
  await a.type('#f-strategy-culture-coreValues', '甲的价值观');
  await waitSaved(a);

  await b.type('#f-strategy-culture-mission', '乙的使命：让客户更满意');
  await b.type('#f-strategy-culture-vision', '乙的愿景');
  const dialog = await b.waitForSelector('.ant-modal', { visible: true });
  const shown = await dialog!.evaluate((el) => (el as HTMLElement).innerText);
  expect(shown).toContain('甲的使命：让服务更温暖');
  expect(shown).toContain('乙的使命：让客户更满意');
  expect(shown).not.toContain('乙的愿景'); // only the field both changed is asked about

  await b.click('.ant-modal .ant-btn-primary'); // keep mine (the default choice)
  await waitSaved(b);
  const saved = (await section(owner.token, appId)).body.data;
  expect(saved.culture).toEqual({ mission: '乙的使命：让客户更满意', vision: '乙的愿景', coreValues: '甲的价值观' });
});

it('text typed while offline is kept on the device and saved when the network is back', async () => {
  const { owner, appId } = await entry();
  const page = await newPage(w);
  await signIn(w, page, owner.email, PASSWORD);
  await openSection(w, page, appId, 'strategy');

  const essay = '#f-strategy-overallStrategy';
  await page.type(essay, '第一段：在线时写下的内容。');
  await waitSaved(page);

  // the network goes: every API write fails
  let offline = true;
  await page.setRequestInterception(true);
  page.on('request', (r) =>
    offline && r.url().includes('/api/') && r.method() !== 'GET' ? void r.abort('internetdisconnected') : void r.continue(),
  );
  await page.type(essay, '第二段：离线时继续写。');
  await page.waitForFunction(() => document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === 'offline', {
    timeout: 15_000,
  });
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('draft:'))
      .map((k) => localStorage.getItem(k))
      .join(''),
  );
  expect(kept).toContain('第二段：离线时继续写。');

  offline = false; // back: the page retries by itself
  await waitSaved(page);
  expect((await section(owner.token, appId)).body.data.overallStrategy).toBe('第一段：在线时写下的内容。第二段：离线时继续写。');
});

it('a draft kept offline, reopened after someone else saved the same field, asks instead of overwriting', async () => {
  const { owner, member, appId } = await entry();
  const page = await newPage(w);
  await signIn(w, page, owner.email, PASSWORD);
  await openSection(w, page, appId, 'strategy');
  const mission = '#f-strategy-culture-mission';
  await page.type(mission, '甲：在线');
  await waitSaved(page);

  await page.setRequestInterception(true);
  page.on('request', (r) => (r.url().includes('/api/') && r.method() !== 'GET' ? void r.abort('internetdisconnected') : void r.continue()));
  await page.type(mission, '，离线续写');
  await page.waitForFunction(() => document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === 'offline', {
    timeout: 15_000,
  });
  const context = page.browserContext();
  await page.close(); // the tab is closed while offline: the edit lives only in localStorage

  // meanwhile a colleague saves the same field
  const current = await section(member.token, appId);
  await request(w.t.http)
    .patch(`/api/applications/${appId}/sections/strategy`)
    .auth(member.token, { type: 'bearer' })
    .set('If-Match', current.headers.etag)
    .set('Content-Type', 'application/merge-patch+json')
    .send(JSON.stringify({ culture: { mission: '乙：同事的版本' } }))
    .expect(200);

  // reopened with the network back: the kept edit is sent against its own version → asked
  const again = await context.newPage();
  await again.setViewport({ width: 1280, height: 900 });
  await openSection(w, again, appId, 'strategy');
  const dialog = await again.waitForSelector('.ant-modal', { visible: true });
  const shown = await dialog!.evaluate((el) => (el as HTMLElement).innerText);
  expect(shown).toContain('乙：同事的版本');
  expect(shown).toContain('甲：在线，离线续写');
  expect((await section(owner.token, appId)).body.data.culture.mission).toBe('乙：同事的版本'); // nothing overwritten before the choice

  await again.click('.ant-modal .ant-btn-primary'); // keep mine
  await waitSaved(again);
  expect((await section(owner.token, appId)).body.data.culture.mission).toBe('甲：在线，离线续写');
});

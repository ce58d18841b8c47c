/// <reference lib="dom" />
/**
 * Setting up judging in the browser (issue 14, staff side): staff create a rubric from the
 * top-ten-default preset, edit it (a weight change answers the weights warning), import a broken
 * export (errors named by the editor's labels), create a blind round with it in the cycle's zone,
 * invite two judges (each link shown), add them to the panel once they accepted, and open the
 * round. Then axe over every page of this setup at 1280 and 390 px in zh and en, with screenshots
 * of each in var/ (browser-judging-<page>-<lang>-<width>.png).
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
  pickOption,
  signIn,
  snap,
  startBrowserWorld,
  typeInto,
  uploadTo,
  type BrowserWorld,
} from '../support/browser';
import { createOpenCycle, createUser, PASSWORD, type Account } from '../support/factories';
import { createRound, createRubric, entryIn } from '../support/judging';

jest.setTimeout(600_000);

let w: BrowserWorld;
beforeAll(async () => {
  w = await startBrowserWorld();
});
afterAll(() => w?.close());

/** The confirmation's OK, pressed once it is shown (a DOM click: the dialog may still be animating). */
async function confirm(page: Page): Promise<void> {
  const ok = await page.waitForSelector('#round-confirm', { visible: true });
  await new Promise((r) => setTimeout(r, 300));
  await ok!.evaluate((el) => (el as HTMLElement).click());
}

const api = (who: Account) => ({
  get: (path: string) => request(w.t.http).get(path).auth(who.token, { type: 'bearer' }).expect(200),
});

/** The rubric as stored once `saved` says the page's save has landed (it may still be on its way when the page settles). */
async function storedRubric(staff: Account, rubricId: string, saved: (rubric: any) => boolean) {
  let rubric = (await api(staff).get(`/api/rubrics/${rubricId}`)).body;
  for (let i = 0; i < 50 && !saved(rubric); i++) {
    await new Promise((r) => setTimeout(r, 100));
    rubric = (await api(staff).get(`/api/rubrics/${rubricId}`)).body;
  }
  return rubric;
}

test('staff set up a blind round: rubric from the preset, round, two invited judges on the panel, opened', async () => {
  const staff = await createUser(w.t, 'staff');
  const cycle = await createOpenCycle(w.t, `评审周期 ${Date.now()}`);
  await entryIn(w.t, cycle, 'accepted');
  const page = await newPage(w);
  try {
    await signIn(w, page, staff.email, PASSWORD);

    // a rubric from the preset, through the navigation
    await (await page.waitForSelector('[data-nav="navRubrics"]'))!.click();
    await page.waitForFunction(() => location.pathname === '/staff/rubrics');
    const rubricName = `初评评分表 ${Date.now()}`;
    await typeInto(page, '#rubric-name', rubricName);
    await page.click('#rubric-create');
    await page.waitForFunction(() => /^\/staff\/rubrics\/[0-9a-f-]{36}$/.test(location.pathname));
    const rubricId = await page.evaluate(() => location.pathname.split('/').pop()!);
    const stored = (await api(staff).get(`/api/rubrics/${rubricId}`)).body;
    expect(stored.name).toBe(rubricName);

    // the editor: a scale whose maximum is not above its minimum is refused at that input, and listed by label
    await typeInto(page, '[id$="criteria-0-max"]', '0');
    await page.click('#rubric-save');
    const listed = await (await page.waitForSelector('#rubric-errors'))!.evaluate((el) => el.textContent ?? '');
    expect(listed).toContain(`评分项「${stored.tree.groups[0].criteria[0].label.zh}」 › 最高分`);
    expect(await page.$eval('[id$="criteria-0-max"]', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    await snap(page, 'judging-rubric-error');
    await typeInto(page, '[id$="criteria-0-max"]', String(stored.tree.groups[0].criteria[0].max));

    // a weight up by 5 saves with the weights warning; back down, none
    const firstWeight = '[id$="-weight"]';
    const weight = await (await page.waitForSelector(firstWeight))!.evaluate((el) => Number((el as HTMLInputElement).value));
    await typeInto(page, firstWeight, String(weight + 5));
    await page.click('#rubric-save');
    await page.waitForSelector('[data-warning="weights_sum"]');
    expect(await page.$('#rubric-errors')).toBeNull();
    const afterEdit = (await api(staff).get(`/api/rubrics/${rubricId}`)).body;
    expect(afterEdit.tree.groups[0].criteria[0].weight).toBe(weight + 5);
    await typeInto(page, firstWeight, String(weight));
    await page.click('#rubric-save');
    await page.waitForFunction(() => !document.querySelector('[data-warning]'));

    // a criterion's guidance: both languages or neither — English emptied is refused at its input, by its label
    const guidanceEn = '[id$="criteria-0-guidance-en"]';
    await page.focus(guidanceEn);
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await page.click('#rubric-save');
    const guidanceError = await (await page.waitForSelector('#rubric-errors'))!.evaluate((el) => el.textContent ?? '');
    expect(guidanceError).toContain('评分说明（英文）');
    expect(await page.$eval(guidanceEn, (el) => el.getAttribute('aria-invalid'))).toBe('true');
    await page.type(guidanceEn, 'Read the strategy section first.');
    await page.click('#rubric-save');
    await page.waitForFunction(() => !document.querySelector('#rubric-errors'));
    const withGuidance = await storedRubric(
      staff,
      rubricId,
      (r) => r.tree.groups[0].criteria[0].guidance?.en === 'Read the strategy section first.',
    );
    expect(withGuidance.tree.groups[0].criteria[0].guidance).toEqual({
      zh: stored.tree.groups[0].criteria[0].guidance.zh,
      en: 'Read the strategy section first.',
    });

    // an import of a broken export: refused, the error named by the criterion's label
    const broken = structuredClone(stored);
    broken.tree.groups[0].criteria[0].max = broken.tree.groups[0].criteria[0].min;
    const file = join(tmpdir(), `rubric-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(broken));
    await page.goto(`${w.base}/staff/rubrics`);
    await page.waitForSelector(`[data-rubric="${rubricId}"]`);
    await uploadTo(page, 'rubric-import', file);
    const importError = await (await page.waitForSelector('#import-errors'))!.evaluate((el) => el.textContent ?? '');
    expect(importError).toContain(stored.tree.groups[0].criteria[0].label.zh);
    expect(importError).toContain('最高分');

    // a blind round of the cycle using it, its times in Beijing time
    await (await page.waitForSelector('[data-nav="navRounds"]'))!.click();
    await page.goto(`${w.base}/staff/rounds?cycle=${cycle.cycleId}`);
    await (await page.waitForSelector('#new-round'))!.click();
    await page.waitForFunction(() => location.pathname === '/staff/rounds/new');
    // the times first: Enter in a picker submits the form, refused while the name is empty
    await pickDateTime(page, '#round-opens', '2027-01-10 09:00');
    await pickDateTime(page, '#round-closes', '2027-01-31 18:00');
    await typeInto(page, '#round-name', 'R1 初评');
    await page.click('#round-rubric');
    await pickOption(page, rubricName);
    expect(await page.$eval('#round-blind', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await page.click('#round-save');
    await page.waitForFunction(() => /^\/staff\/rounds\/[0-9a-f-]{36}$/.test(location.pathname));
    const roundId = await page.evaluate(() => location.pathname.split('/').pop()!);
    const round = (await api(staff).get(`/api/rounds/${roundId}`)).body;
    expect(round).toMatchObject({
      name: 'R1 初评',
      rubricId,
      blind: true,
      state: 'draft',
      opensAt: '2027-01-10T09:00:00+08:00',
      closesAt: '2027-01-31T18:00:00+08:00',
    });

    // two judges invited: each link shown; they accept it (over the API)
    await page.goto(`${w.base}/staff/judges`);
    const judges: Array<{ email: string; userId: string }> = [];
    for (const [i, name] of ['张评审', '李评审'].entries()) {
      const email = `judge-${Date.now()}-${i}@example.com`;
      await typeInto(page, '#invite-email', email);
      await typeInto(page, '#invite-name', name);
      await page.click('#invite-send');
      await page.waitForFunction((e) => document.querySelector('#invite-result label')?.textContent?.includes(e), {}, email);
      const link = await page.$eval('#invite-link', (el) => (el as HTMLInputElement).value);
      expect(link).toMatch(/\/judge-invitations\/[A-Za-z0-9_-]+$/);
      const accepted = await request(w.t.http)
        .post(`/api/judges/invitations/${link.split('/').pop()}/accept`)
        .send({ name, password: PASSWORD })
        .expect(201);
      judges.push({ email, userId: accepted.body.userId });
    }

    // both on the panel, chosen by e-mail from the judges list
    await page.goto(`${w.base}/staff/rounds/${roundId}`);
    await page.waitForSelector('[data-round-state="draft"]');
    for (const j of judges) {
      await page.click('#panel-judges');
      await page.type('#panel-judges', j.email);
      await page.waitForSelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
    }
    await typeInto(page, '#panel-capacity', '12');
    await page.click('#panel-add');
    for (const j of judges) await page.waitForSelector(`[data-panel-judge="${j.userId}"]`);
    const panel = (await api(staff).get(`/api/rounds/${roundId}/judges`)).body;
    expect(panel.map((p: { judgeId: string; capacity: number }) => [p.judgeId, p.capacity]).sort()).toEqual(
      judges.map((j) => [j.userId, 12]).sort(),
    );

    // the links to the round's other pages, and opening it after a confirmation
    for (const part of ['assignments', 'conflicts', 'progress'])
      expect(await page.$eval(`[data-round-tab="${part}"]`, (el) => el.getAttribute('href'))).toBe(`/staff/rounds/${roundId}/${part}`);
    expect(await page.$eval('[data-round-tab="settings"]', (el) => el.getAttribute('aria-current'))).toBe('page');
    await page.click('#round-open');
    await confirm(page);
    await page.waitForSelector('[data-round-state="open"]');
    expect((await api(staff).get(`/api/rounds/${roundId}`)).body).toMatchObject({ state: 'open', entries: 1 });

    // now the rubric is fixed: its editor is read-only and says why
    await page.goto(`${w.base}/staff/rubrics/${rubricId}`);
    expect(await (await page.waitForSelector('#rubric-locked'))!.evaluate((el) => el.textContent)).toContain('R1 初评');
    expect(await page.$('#rubric-save')).toBeNull();
  } catch (e) {
    await snap(page, 'judging-setup');
    throw e;
  }
});

test('a CC-CMM rubric’s maturity thresholds are edited: saved, and a rate given alone refused at its input by its label', async () => {
  const staff = await createUser(w.t, 'staff');
  const rubricId = await createRubric(w.t, staff, 'cc-cmm-oc');
  const page = await newPage(w);
  try {
    await signIn(w, page, staff.email, PASSWORD);
    await page.goto(`${w.base}/staff/rubrics/${rubricId}`);
    await page.waitForSelector('[data-level="L1"]');
    // L1's core F cleared (its C kept): refused, named 成熟度等级 › 等级「应用级」 › 核心项 F
    const coreF = '#rb-maturity-levels-0-core-f';
    await typeInto(page, coreF, '');
    await page.click('#rubric-save');
    const listed = await (await page.waitForSelector('#rubric-errors'))!.evaluate((el) => el.textContent ?? '');
    expect(listed).toContain('等级「应用级」 › 核心项 F ≥（%）');
    expect(await page.$eval(coreF, (el) => el.getAttribute('aria-invalid'))).toBe('true');
    // 65 % there, L3 needs 2800 and 3 years: saved as typed
    await typeInto(page, coreF, '65');
    await typeInto(page, '#rb-maturity-levels-2-minTotal', '2800');
    await typeInto(page, '#rb-maturity-levels-2-minYearsOperating', '3');
    await page.click('#rubric-save');
    await page.waitForFunction(() => !document.querySelector('#rubric-errors'));
    const { levels } = (await storedRubric(staff, rubricId, (r) => r.tree.maturity.levels[2].minTotal === 2800)).tree.maturity;
    expect(levels[0]).toMatchObject({ key: 'L1', core: { c: 80, f: 65 }, minTotal: 2250 });
    expect(levels[2]).toMatchObject({ key: 'L3', minTotal: 2800, minYearsOperating: 3 });
  } catch (e) {
    await snap(page, 'judging-maturity');
    throw e;
  } finally {
    await page.close();
  }
});

test('a CC-CMM rubric’s levels are added, reordered and removed, and its core groups chosen', async () => {
  const staff = await createUser(w.t, 'staff');
  const rubricId = await createRubric(w.t, staff, 'cc-cmm-oc');
  const before = (await api(staff).get(`/api/rubrics/${rubricId}`)).body.tree.maturity;
  const page = await newPage(w);
  try {
    await signIn(w, page, staff.email, PASSWORD);
    await page.goto(`${w.base}/staff/rubrics/${rubricId}`);
    await page.waitForSelector('[data-level="L5"]');
    // a new level comes last, named 新等级, asking the top level's least total
    await page.click('#rubric-add-level');
    await page.waitForSelector('[data-level="L6"]');
    // L2 removed, the new level moved below L5… then above it
    await (await page.$('[data-level="L2"] button[aria-label^="删除"]'))!.click();
    await page.waitForFunction(() => !document.querySelector('[data-level="L2"]'));
    await (await page.$('[data-level="L6"] button[aria-label^="上移"]'))!.click();
    const order = await page.$$eval('[data-level]', (els) => els.map((el) => el.getAttribute('data-level')));
    expect(order).toEqual(['L1', 'L3', 'L4', 'L6', 'L5']);
    // the first core group taken out of the core groups
    const coreSelect = await page.$eval('#rb-maturity-coreGroups-select', (el) => !!el.closest('.ant-select'));
    expect(coreSelect).toBe(true);
    const removeFirst = await page.waitForSelector('#rubric-core-groups .ant-select-selection-item-remove');
    await removeFirst!.evaluate((el) => (el as HTMLElement).click());
    await page.click('#rubric-save');
    // waited for by the new level (the count alone is 5 before and after)
    const after = (await storedRubric(staff, rubricId, (r) => r.tree.maturity.levels.some((l: { key: string }) => l.key === 'L6'))).tree
      .maturity;
    expect(after.levels.map((l: { key: string }) => l.key)).toEqual(['L1', 'L3', 'L4', 'L6', 'L5']);
    expect(after.levels[3]).toMatchObject({ label: { zh: '新等级', en: 'New level' }, minTotal: before.levels[4].minTotal });
    expect(after.coreGroups).toEqual(before.coreGroups.slice(1));
    expect(after.innovationGroups).toEqual(before.innovationGroups);
  } catch (e) {
    await snap(page, 'judging-maturity-levels');
    throw e;
  } finally {
    await page.close();
  }
});

test('a refused state change is shown as a readable message', async () => {
  const staff = await createUser(w.t, 'staff');
  const cycle = await createOpenCycle(w.t); // no accepted entry: the round cannot open
  const roundId = await createRound(w.t, staff, cycle.cycleId, await createRubric(w.t, staff));
  const page = await newPage(w);
  await signIn(w, page, staff.email, PASSWORD);
  await page.goto(`${w.base}/staff/rounds/${roundId}`);
  await (await page.waitForSelector('#round-open'))!.click();
  await confirm(page);
  const text = await (await page.waitForSelector('#round-state-error'))!.evaluate((el) => el.textContent);
  expect(text).toContain('没有可进入本轮评审的申报');
});

describe('axe over the judging setup pages (with screenshots)', () => {
  it.each([
    ['zh', 1280],
    ['zh', 390],
    ['en', 1280],
    ['en', 390],
  ] as const)('finds no serious or critical violation (%s, %i px)', async (lang, width) => {
    const staff = await createUser(w.t, 'staff');
    const cycle = await createOpenCycle(w.t, `评审周期 ${lang} ${width}`);
    const rubricId = await createRubric(w.t, staff);
    const ccId = await createRubric(w.t, staff, 'cc-cmm-oc');
    const roundId = await createRound(w.t, staff, cycle.cycleId, rubricId);
    const judge = await createUser(w.t, 'judge');
    await request(w.t.http)
      .post(`/api/rounds/${roundId}/judges`)
      .auth(staff.token, { type: 'bearer' })
      .send({ judgeIds: [judge.userId] })
      .expect(200);
    await request(w.t.http)
      .post('/api/judges/invitations')
      .auth(staff.token, { type: 'bearer' })
      .send({ email: `pending-${lang}-${width}-${Date.now()}@example.com`, name: '待接受' })
      .expect(201);
    const open = (path: string, wait: string) => async (p: Page) => {
      await p.goto(`${w.base}${path}`);
      await p.waitForSelector(wait);
    };
    const pages: Array<{ name: string; go: (p: Page) => Promise<void> }> = [
      { name: 'rubrics', go: open('/staff/rubrics', `[data-rubric="${rubricId}"]`) },
      { name: 'rubric-edit', go: open(`/staff/rubrics/${rubricId}`, '[data-criterion]') },
      { name: 'rubric-cc-cmm', go: open(`/staff/rubrics/${ccId}`, '[data-warning="unreachable_level"]') },
      { name: 'judges', go: open('/staff/judges', `[data-judge="${judge.userId}"]`) },
      { name: 'rounds', go: open(`/staff/rounds?cycle=${cycle.cycleId}`, `[data-round="${roundId}"]`) },
      { name: 'round-new', go: open(`/staff/rounds/new?cycle=${cycle.cycleId}`, '#round-closes') },
      { name: 'round', go: open(`/staff/rounds/${roundId}`, `[data-panel-judge="${judge.userId}"]`) },
    ];
    const context = await w.browser.createBrowserContext();
    const page = await context.newPage();
    await allowAxe(page);
    await page.setViewport({ width, height: 844 });
    page.setDefaultTimeout(20_000);
    await page.goto(`${w.base}/login`);
    await page.evaluate((l) => localStorage.setItem('lang', l), lang);
    await signIn(w, page, staff.email, PASSWORD);
    const failing: string[] = [];
    try {
      for (const p of pages) {
        await p.go(page);
        await new Promise((r) => setTimeout(r, 300));
        await snap(page, `judging-${p.name}-${lang}-${width}`);
        if (lang === 'zh') failing.push(...(await englishNamed(page, `${p.name} zh ${width}px`)));
        // nothing wider than the screen but the tables' own scrolling
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 1) failing.push(`${p.name} ${lang} ${width}px: the page scrolls sideways by ${overflow}px`);
        failing.push(...(await seriousViolations(page, `${p.name} ${lang} ${width}px`)));
      }
    } finally {
      await context.close();
    }
    expect(failing).toEqual([]);
  });
});

test('a judge never sees these pages: not found, by URL, and no navigation to them', async () => {
  const judge = await createUser(w.t, 'judge');
  const page = await newPage(w);
  await signIn(w, page, judge.email, PASSWORD);
  await page.waitForSelector('[data-judge-home]');
  expect(await page.$('[data-nav="navRounds"], [data-nav="navRubrics"], [data-nav="navJudges"]')).toBeNull();
  for (const path of ['/staff/rounds', '/staff/rubrics', '/staff/judges']) {
    await page.goto(`${w.base}${path}`);
    await page.waitForSelector('[data-not-found]');
    expect(await page.$('#rubric-create, #invite-send, #rounds-cycle')).toBeNull();
  }
});

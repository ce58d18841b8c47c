/// <reference lib="dom" />
/**
 * The judge's scoring screen in the browser (issue 14): a judge with an assignment in an open,
 * blind round (a real sealed entry; the panel, terms and assignment put in as the judging
 * integration tests do) sees it on the home page with its state and the round's progress, opens
 * the scoring screen (entry code only, the sections with the form's labels, the KPI table, the
 * files), rates by mouse and keyboard, sees the autosave state and the running total; a comment
 * is asked for beside an extreme rating; submitting early lists the unrated criterion by its label
 * and focuses it; a second tab of the same review saves first and the stale tab merges (412)
 * without losing anything; then it submits and the home page says so. axe at 1280 and 390 px, zh
 * and en; screenshots in var/ to look at.
 */
import type { Page } from 'puppeteer-core';
import request from 'supertest';
import { allowAxe, seriousViolations } from '../support/axe';
import { newPage, signIn, snap, startBrowserWorld, type BrowserWorld } from '../support/browser';
import { createUser, PASSWORD, type Account } from '../support/factories';
import { createRound, createRubric, TOP_TEN } from '../support/judging';
import { acceptTerms, addToPanel, assign } from '../support/review-world';
import { sealedEntry, type SealedEntry } from '../support/sealed-entry';
import { startTestWorker } from '../support/test-worker';

jest.setTimeout(600_000);

let w: BrowserWorld;
let staff: Account;
let judge: Account;
let entry: SealedEntry;
let assignmentId: string;

beforeAll(async () => {
  w = await startBrowserWorld();
  staff = await createUser(w.t, 'staff');
  entry = await sealedEntry(w.t);
  await w.t.db.query(`UPDATE applications SET state = 'accepted' WHERE id = $1`, [entry.appId]);
  const rubricId = await createRubric(w.t, staff);
  // staff ask for a comment beside an extreme rating of the first criterion (strategy)
  await w.t.db.query(`UPDATE rubrics SET tree = jsonb_set(tree, '{groups,0,criteria,0,commentRequiredAtExtremes}', 'true') WHERE id = $1`, [
    rubricId,
  ]);
  const roundId = await createRound(w.t, staff, entry.cycle.cycleId, rubricId, { blind: true, reviewsPerApplication: 1 });
  await request(w.t.http).post(`/api/rounds/${roundId}/open`).auth(staff.token, { type: 'bearer' }).send({}).expect(200);
  judge = await createUser(w.t, 'judge');
  await addToPanel(w.t, roundId, judge.userId);
  await acceptTerms(w.t, entry.cycle.cycleId, judge.userId);
  assignmentId = await assign(w.t, roundId, entry.appId, judge.userId);
});
afterAll(() => w?.close());

/** What the screen shows (not the whole page: a 7000 px image is too small to look at). */
const shot = (page: Page, name: string) => page.screenshot({ path: `var/scoring-${name}.png` });

/** Presses the confirmation's OK (a DOM click: the dialog may still be zooming in). */
async function confirm(page: Page): Promise<void> {
  const ok = await page.waitForSelector('.ant-modal-confirm .ant-btn-primary', { visible: true });
  await new Promise((r) => setTimeout(r, 300));
  await ok!.evaluate((el) => (el as HTMLElement).click());
}

const review = async () =>
  (await request(w.t.http).get(`/api/assignments/${assignmentId}/review`).auth(judge.token, { type: 'bearer' }).expect(200)).body;

/** Clicks the radio of `value` in the criterion's group (`part`: c or f of a dual rate). */
async function rate(page: Page, key: string, value: string): Promise<void> {
  await page.$eval(`[data-criterion="${key}"] input[type=radio][value="${value}"]`, (el) => (el as HTMLInputElement).click());
}

const saveState = (page: Page) => page.$eval('[data-save-state]', (el) => el.getAttribute('data-save-state'));
/** Waits past the autosave's debounce, then until the page says everything is saved. */
async function waitSaved(page: Page): Promise<void> {
  await new Promise((r) => setTimeout(r, 1000));
  await page.waitForFunction(() => document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === 'saved', {
    timeout: 20_000,
  });
}

async function setLang(page: Page, lang: 'zh' | 'en'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('lang', l), lang);
  await page.reload();
  await page.waitForFunction((l) => document.documentElement.lang === l, {}, lang === 'zh' ? 'zh-CN' : 'en');
}

test('a judge scores an entry: home, autosave, a stale second tab merged, 422 then submit; axe at 1280 and 390, zh and en', async () => {
  const problems: string[] = [];
  const page = await newPage(w);
  await allowAxe(page);
  try {
    await signIn(w, page, judge.email, PASSWORD);

    // home: the assignment by round, not started, nothing submitted yet
    const row = `[data-assignment="${assignmentId}"]`;
    await page.waitForSelector(row);
    const home = await page.$eval(row, (el) => el.textContent ?? '');
    expect(home).toContain(entry.entryCode);
    expect(home).toContain('未开始');
    expect(await page.$eval('[data-round-progress]', (el) => el.getAttribute('data-round-progress'))).toBe('0/1');
    expect(await page.$eval('[data-assignments]', (el) => el.textContent ?? '')).toContain('已提交 0 / 1');
    problems.push(...(await seriousViolations(page, 'home zh 1280')));
    await shot(page, 'home-zh-1280');

    // the scoring screen: the entry code only (blind), the sections by their labels, the rubric beside them
    await page.click(`${row} a[href="/assignments/${assignmentId}"]`);
    await page.waitForSelector('[data-criterion="strategy"]');
    await page.waitForSelector('[data-entry-section="strategy"]');
    expect(await page.$eval('[data-scoring-title]', (el) => el.textContent)).toBe(entry.entryCode);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain('示例银行');
    expect(text).toContain('战略'); // a section title from the form catalogue
    await page.waitForSelector('[data-kpi-area]'); // the KPI table the entry reports
    await page.waitForSelector('[data-dossier]');
    await page.waitForSelector('[data-entry-pane] a[data-attachment]');
    // side by side at 1280
    const [left, right] = await Promise.all([
      page.$eval('[data-entry-pane]', (el) => el.getBoundingClientRect().left),
      page.$eval('[data-rubric-pane]', (el) => el.getBoundingClientRect().left),
    ]);
    expect(right).toBeGreaterThan(left + 300);

    // by keyboard: the training scale's 7, then one step up with the arrow key
    await page.focus('[data-criterion="training"] input[type=radio][value="7"]');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => !!document.querySelector('[data-criterion="training"] input[type=radio][value="7.5"]:checked'));
    // by mouse: an extreme rating asks for a comment at once
    await rate(page, 'strategy', '10');
    await page.waitForSelector('[data-criterion="strategy"] [data-comment-required]');
    await page.type('#criterion-strategy-comment', '战略清晰，层层落地');
    await page.waitForFunction(() => !document.querySelector('[data-criterion="strategy"] [data-comment-required]'));
    await waitSaved(page);
    expect(await page.$eval('[data-save-state]', (el) => el.textContent ?? '')).toMatch(/已保存 \d\d:\d\d/);
    // the other criteria but the last
    for (const key of TOP_TEN.slice(0, -1)) if (key !== 'strategy' && key !== 'training') await rate(page, key, '8');
    await waitSaved(page);
    await page.waitForFunction(() => document.querySelector('[data-running-total]')?.getAttribute('data-running-total') === '77.5');
    expect(await review()).toMatchObject({
      ratings: { strategy: 10, training: 7.5, kpis: 8 },
      comments: { strategy: '战略清晰，层层落地' },
    });
    problems.push(...(await seriousViolations(page, 'scoring zh 1280')));
    await shot(page, 'zh-1280');

    // submit too early: the unrated criterion named by its label, focused
    await page.click('[data-submit-review]');
    await confirm(page);
    await page.waitForSelector('[data-submit-issues]');
    expect(await page.$eval('[data-submit-issues]', (el) => el.textContent ?? '')).toContain('亮点与创新');
    await page.waitForFunction(() => !!document.activeElement?.closest('[data-criterion="highlights"]'));

    // a second tab of the same review saves first (the overall comment)
    const tab2 = await page.browserContext().newPage();
    await tab2.setViewport({ width: 1280, height: 900 });
    await tab2.goto(`${w.base}/assignments/${assignmentId}`);
    await tab2.waitForSelector('#overall-comment');
    await tab2.type('#overall-comment', '第二个窗口写的总体评语');
    await waitSaved(tab2);
    await tab2.close();

    // this tab, still on the older version, rates the last criterion: 412, merged, saved, told
    await rate(page, 'highlights', '6');
    await page.waitForSelector('[data-stale-merged]');
    await waitSaved(page);
    await shot(page, 'merged-zh-1280');
    await page.waitForFunction(
      () => (document.querySelector('#overall-comment') as HTMLTextAreaElement).value === '第二个窗口写的总体评语',
    );
    const merged = await review();
    expect(merged.ratings).toMatchObject({ strategy: 10, training: 7.5, highlights: 6 });
    expect(Object.keys(merged.ratings).sort()).toEqual([...TOP_TEN].sort());
    expect(merged.overallComment).toBe('第二个窗口写的总体评语');
    problems.push(...(await seriousViolations(page, 'scoring merged zh 1280')));

    // submit: confirmed, then submitted (and still editable while the round is open)
    await page.click('[data-submit-review]');
    await confirm(page);
    await page.waitForSelector('[data-review-state="submitted"]');
    expect((await review()).state).toBe('submitted');
    expect(await saveState(page)).not.toBe('error');
    expect(await page.$('[data-criterion="kpis"] input[type=radio]:disabled')).toBeNull();

    // English at 1280
    await setLang(page, 'en');
    await page.waitForSelector('[data-criterion="strategy"]');
    expect(await page.evaluate(() => document.body.innerText)).toContain('Strategy');
    problems.push(...(await seriousViolations(page, 'scoring en 1280')));
    await shot(page, 'en-1280');

    // home: submitted, progress 1 of 1
    await page.goto(`${w.base}/`);
    await page.waitForSelector(`${row} [data-state="submitted"]`);
    expect(await page.$eval('[data-round-progress]', (el) => el.getAttribute('data-round-progress'))).toBe('1/1');
    problems.push(...(await seriousViolations(page, 'home en 1280')));
    await shot(page, 'home-en-1280');
    await setLang(page, 'zh');
  } catch (e) {
    await snap(page, 'judge-scoring');
    throw e;
  } finally {
    await page.browserContext().close();
  }

  // a phone: one column, the rubric in its own tab
  const phone = await newPage(w, 390);
  await allowAxe(phone);
  try {
    await signIn(w, phone, judge.email, PASSWORD);
    await phone.waitForSelector(`[data-assignment="${assignmentId}"]`);
    problems.push(...(await seriousViolations(phone, 'home zh 390')));
    await shot(phone, 'home-zh-390');
    await phone.goto(`${w.base}/assignments/${assignmentId}`);
    await phone.waitForSelector('[data-entry-section="strategy"]');
    problems.push(...(await seriousViolations(phone, 'scoring entry zh 390')));
    await shot(phone, 'entry-zh-390');
    await phone.click('[data-tab="rubric"]');
    await phone.waitForSelector('[data-criterion="strategy"]', { visible: true });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    problems.push(...(await seriousViolations(phone, 'scoring rubric zh 390')));
    await shot(phone, 'zh-390');
    await setLang(phone, 'en');
    await (await phone.waitForSelector('[data-tab="rubric"]'))!.click();
    await phone.waitForSelector('[data-criterion="strategy"]', { visible: true });
    problems.push(...(await seriousViolations(phone, 'scoring rubric en 390')));
    await shot(phone, 'en-390');

    // the round closes: the review can only be read
    await w.t.db.query(`UPDATE rounds SET state = 'closed' WHERE id = (SELECT round_id FROM assignments WHERE id = $1)`, [assignmentId]);
    await setLang(phone, 'zh');
    await (await phone.waitForSelector('[data-tab="rubric"]'))!.click();
    await phone.waitForSelector('[data-criterion="strategy"] [data-rated]');
    expect(await phone.$eval('[data-criterion="strategy"] [data-rated]', (el) => el.textContent)).toBe('10');
    expect(await phone.$$eval('[data-rubric-pane] input[type=radio]', (els) => els.length)).toBe(0);
    expect(await phone.$('[data-submit-review]')).toBeNull();
    expect(await phone.$eval('#overall-comment', (el) => (el as HTMLTextAreaElement).readOnly)).toBe(true);
    expect(await phone.evaluate(() => document.body.innerText)).toContain('评审轮次已结束');
    problems.push(...(await seriousViolations(phone, 'scoring closed zh 390')));
    await shot(phone, 'closed-zh-390');
  } catch (e) {
    await snap(phone, 'judge-scoring-390');
    throw e;
  } finally {
    await phone.browserContext().close();
  }
  expect(problems).toEqual([]);
});

test('the judge copy of the dossier reaches "ready" (asking or rendering before, nothing else) and its link opens the PDF (the real worker)', async () => {
  const worker = await startTestWorker(w.t);
  const page = await newPage(w);
  try {
    // every state the dossier line shows, in order
    await page.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      (window as unknown as { dossierStates: string[] }).dossierStates = seen;
      new MutationObserver(() => {
        const state = document.querySelector('[data-dossier]')?.getAttribute('data-dossier');
        if (state && seen[seen.length - 1] !== state) seen.push(state);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-dossier'] });
    });
    await signIn(w, page, judge.email, PASSWORD);
    await page.goto(`${w.base}/assignments/${assignmentId}`);
    const link = await page.waitForSelector('[data-dossier="ready"] [data-dossier-link]', { timeout: 180_000 });
    const states = await page.evaluate(() => (window as unknown as { dossierStates: string[] }).dossierStates);
    expect(states.at(-1)).toBe('ready');
    expect(states.filter((s) => s !== 'asking' && s !== 'rendering' && s !== 'ready')).toEqual([]);
    const pdf = await page.evaluate(
      async (href) => {
        const res = await fetch(href);
        const bytes = new Uint8Array(await res.arrayBuffer());
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          head: String.fromCharCode(...bytes.slice(0, 5)),
          size: bytes.length,
        };
      },
      await link!.evaluate((a) => (a as HTMLAnchorElement).href),
    );
    expect(pdf).toMatchObject({ status: 200, head: '%PDF-' });
    expect(pdf.type).toMatch(/application\/pdf/);
    expect(pdf.size).toBeGreaterThan(10_000);
  } catch (e) {
    await snap(page, 'judge-scoring-dossier');
    throw e;
  } finally {
    await page.close();
    await worker.close();
  }
});

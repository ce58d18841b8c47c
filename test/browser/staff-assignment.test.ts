/// <reference lib="dom" />
/**
 * The staff's assignment pages in the browser (issue 14): an open, named round with four entries
 * and three judges (one of them in the same group as an entrant: an inferred conflict) set up over
 * the API and the database; staff preview the automatic assignment (loads against capacity), apply
 * it, see the pairs in the matrix (the conflicted cell marked, a refused click explained in the
 * server's words), remove a pair and add it back by a click, dismiss the inferred conflict with a
 * reason, see progress bars with the judges behind marked, and send them reminders. The three
 * pages have no serious or critical axe violation at 1280 and 390 px, in Chinese and English.
 * SHOTS=1 keeps screenshots of them in var/.
 */
import type { Page } from 'puppeteer-core';
import request from 'supertest';
import { allowAxe, englishNamed, seriousViolations } from '../support/axe';
import { newPage, signIn, snap, startBrowserWorld, waitForDialogsClosed, type BrowserWorld } from '../support/browser';
import { createUser, PASSWORD, type Account } from '../support/factories';
import { openRound, panelJudge, type OpenRound } from '../support/review-world';

jest.setTimeout(600_000);

let w: BrowserWorld;
beforeAll(async () => {
  w = await startBrowserWorld();
});
afterAll(() => w?.close());

interface World {
  staff: Account;
  round: OpenRound;
  judges: { a: Account; b: Account; c: Account };
}

/** Four entries (finance, telecom in turn), two judges per entry; judge C (capacity 1) shares a group with entry 0's organisation. */
async function world(): Promise<World> {
  const staff = await createUser(w.t, 'staff');
  const round = await openRound(w.t, staff, { entries: 4, industries: ['finance', 'telecom'], reviewsPerApplication: 2, blind: false });
  const a = await panelJudge(w.t, round, { industries: ['finance'], name: '甲评委' });
  const b = await panelJudge(w.t, round, { industries: ['telecom'], name: '乙评委' });
  const c = await panelJudge(w.t, round, { name: '丙评委', capacity: 1 });
  await w.t.db.query(`UPDATE organisations SET parent_group = '华北联合集团' WHERE id = $1`, [round.entries[0].orgId]);
  await w.t.db.query(`UPDATE judge_profiles SET group_name = '华北联合集团' WHERE user_id = $1`, [c.userId]);
  // listing the round's conflicts stores the inferred one
  const listed = await request(w.t.http).get(`/api/rounds/${round.roundId}/conflicts`).auth(staff.token, { type: 'bearer' }).expect(200);
  expect(listed.body).toEqual([expect.objectContaining({ judgeId: c.userId, source: 'inferred', kind: 'group', dismissed: false })]);
  return { staff, round, judges: { a, b, c } };
}

const live = async (roundId: string) =>
  (await w.t.db.query(`SELECT id, application_id, judge_id FROM assignments WHERE round_id = $1 AND state = 'assigned'`, [roundId]))
    .rows as Array<{ id: string; application_id: string; judge_id: string }>;

const count = (page: Page, selector: string) => page.$$eval(selector, (els) => els.length);

test('preview, apply, the matrix, a conflict dismissed, progress and reminders', async () => {
  const { staff, round, judges } = await world();
  const { a, c } = judges;
  const page = await newPage(w);
  try {
    await signIn(w, page, staff.email, PASSWORD);
    await page.goto(`${w.base}/staff/rounds/${round.roundId}/assignments`);
    await page.waitForSelector('[data-round-state="open"]');
    expect(await page.$eval('[aria-current="page"]', (el) => el.textContent)).toBe('分配');
    // the matrix before anything is assigned: the conflicted pair marked, everything else empty
    await page.waitForSelector('#assign-matrix [data-kind]');
    expect(await count(page, '#assign-matrix [data-kind="conflicted"]')).toBe(1);
    expect(await count(page, '#assign-matrix [data-kind="assigned"]')).toBe(0);
    expect(await page.$(`[data-pair="${round.entries[0].appId}|${c.userId}"][data-kind="conflicted"]`)).not.toBeNull();

    // preview: every entry gets its two judges; loads against capacity, nothing written
    await page.click('#assign-preview');
    await page.waitForSelector('#assign-loads [data-load]');
    expect(await count(page, '#assign-loads [role="progressbar"][aria-label]')).toBe(3);
    const summary = await page.$eval('#assign-preview-result', (el) => el.textContent ?? '');
    expect(summary).toContain('可分配 8 / 需要 8 项评审');
    expect(await page.$eval(`[data-load="${c.userId}"]`, (el) => el.textContent)).toMatch(/\/ 1/);
    expect(await live(round.roundId)).toEqual([]);

    // apply, after the confirmation
    await page.click('#assign-apply');
    await (await page.waitForSelector('#apply-ok'))!.click();
    await page.waitForSelector('#assign-applied');
    await waitForDialogsClosed(page);
    await page.waitForFunction(() => document.querySelectorAll('#assign-matrix [data-kind="assigned"]').length === 8);
    const pairs = await live(round.roundId);
    expect(pairs).toHaveLength(8);
    for (const p of pairs) expect(await page.$(`[data-pair="${p.application_id}|${p.judge_id}"][data-kind="assigned"]`)).not.toBeNull();
    // the company is shown beside the entry code (staff always see it)
    const orgName: string = (await w.t.db.query('SELECT name FROM organisations WHERE id = $1', [round.entries[1].orgId])).rows[0].name;
    expect(await page.$eval('#assign-matrix', (el) => el.textContent)).toContain(orgName);

    // a conflicted cell says why it cannot be assigned
    await page.click(`[data-pair="${round.entries[0].appId}|${c.userId}"]`);
    expect(await (await page.waitForSelector('#matrix-error'))!.evaluate((el) => el.textContent)).toContain('利益冲突');

    // judge C is at capacity (1): a click on one of C's empty cells shows the server's refusal
    const ofC = pairs.filter((p) => p.judge_id === c.userId);
    expect(ofC).toHaveLength(1);
    const free = round.entries.find((e) => e.appId !== round.entries[0].appId && e.appId !== ofC[0].application_id)!;
    await page.click(`[data-pair="${free.appId}|${c.userId}"]`);
    await page.waitForFunction(() => document.querySelector('#matrix-error')?.textContent?.includes('评审上限'));
    expect(await page.$eval('#matrix-error', (el) => el.textContent)).toContain('1/1');

    // remove one of A's pairs (the confirmation names the audit trail), then add it back with a click
    const ofA = pairs.find((p) => p.judge_id === a.userId)!;
    const cell = `[data-pair="${ofA.application_id}|${a.userId}"]`;
    await page.click(cell);
    const confirm = await page.waitForSelector('.ant-modal-confirm');
    expect(await confirm!.evaluate((el) => el.textContent)).toContain('审计记录');
    await page.click('#remove-ok');
    await page.waitForSelector(`${cell}[data-kind="empty"]`);
    await waitForDialogsClosed(page);
    expect((await live(round.roundId)).map((p) => p.id)).not.toContain(ofA.id);
    await page.$eval(cell, (el) => (el as HTMLElement).click()); // a DOM click: the confirmation may still be fading out
    await page.waitForSelector(`${cell}[data-kind="assigned"]`);
    expect(await live(round.roundId)).toHaveLength(8);

    // keyboard: arrows move between cells
    await page.focus('[data-cell="0,0"]');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('0,1');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('1,1');

    // the preview again: a re-solve with the live pairs kept
    await page.click('#assign-preview');
    await page.waitForSelector('[data-diff-kept]');
    expect(Number(await page.$eval('[data-diff-kept]', (el) => el.getAttribute('data-diff-kept')))).toBeGreaterThan(0);

    // conflicts: dismiss the inferred one — a reason is required
    await (await page.waitForSelector('[data-round-tab="conflicts"]'))!.click();
    const dismiss = await page.waitForSelector('[data-dismiss]');
    const conflictId = await dismiss!.evaluate((el) => el.getAttribute('data-dismiss')!);
    await dismiss!.click();
    await page.waitForSelector('#dismiss-reason');
    await page.click('#dismiss-ok');
    await page.waitForFunction(
      () => !!document.querySelector('#dismiss-reason')?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain-error'),
    );
    await page.type('#dismiss-reason', '该集团下属单位与评委无业务往来，经核实无利益关系');
    await page.click('#dismiss-ok');
    await page.waitForSelector(`[data-dismissed="${conflictId}"]`);
    await waitForDialogsClosed(page);
    const stored = await w.t.db.query('SELECT dismissed_at, dismiss_reason FROM conflicts WHERE id = $1', [conflictId]);
    expect(stored.rows[0].dismiss_reason).toBe('该集团下属单位与评委无业务往来，经核实无利益关系');
    // the matrix no longer marks the pair
    await (await page.waitForSelector('[data-round-tab="assignments"]'))!.click();
    await page.waitForSelector(`[data-pair="${round.entries[0].appId}|${c.userId}"]:not([data-kind="conflicted"])`);

    // progress: C's review submitted; A and B behind; reminders to the two of them
    await w.t.db.query(`INSERT INTO reviews (assignment_id, state, submitted_at, total) VALUES ($1, 'submitted', now(), 80)`, [ofC[0].id]);
    await (await page.waitForSelector('[data-round-tab="progress"]'))!.click();
    await page.waitForSelector('#progress-judges [data-judge-progress]');
    expect(await count(page, '#progress-judges [role="progressbar"][aria-label]')).toBe(3);
    expect(await count(page, '#progress-entries [role="progressbar"][aria-label]')).toBe(4);
    expect(await count(page, '[data-late]')).toBe(2);
    expect(await page.$(`[data-judge-progress="${c.userId}"][data-late]`)).toBeNull();
    await page.click('#send-reminders');
    await (await page.waitForSelector('#remind-ok'))!.click();
    expect(await (await page.waitForSelector('#reminders-sent'))!.evaluate((el) => el.textContent)).toContain('已排队发送 2 封提醒邮件');
    const outbox = await w.t.db.query(
      `SELECT recipient_user_ids FROM notification_outbox WHERE kind = 'review_reminder' AND payload->>'roundId' = $1`,
      [round.roundId],
    );
    expect(outbox.rows.map((r: { recipient_user_ids: string[] }) => r.recipient_user_ids[0]).sort()).toEqual(
      [judges.a.userId, judges.b.userId].sort(),
    );
  } catch (e) {
    await snap(page, 'staff-assignment');
    throw e;
  } finally {
    await page.browserContext().close();
  }
});

test('a manual pair refused by the server shows its reason at the form', async () => {
  const { staff, round } = await world();
  const page = await newPage(w);
  try {
    await signIn(w, page, staff.email, PASSWORD);
    await page.goto(`${w.base}/staff/rounds/${round.roundId}/assignments`);
    await page.waitForSelector('#assign-matrix [data-kind]');
    const code = round.entries[0].entryCode;
    await page.click('#manual-entry');
    await page.type('#manual-entry', code);
    await page.keyboard.press('Enter');
    await page.click('#manual-judge');
    await page.type('#manual-judge', '丙评委');
    await page.keyboard.press('Enter');
    await page.click('#manual-assign');
    const text = await (await page.waitForSelector('#assign-error'))!.evaluate((el) => el.textContent);
    expect(text).toContain('未能分配');
    expect(text).toContain('利益冲突');
    expect(await live(round.roundId)).toEqual([]);
  } catch (e) {
    await snap(page, 'staff-assignment-manual');
    throw e;
  } finally {
    await page.browserContext().close();
  }
});

describe('axe over the round pages', () => {
  it.each([
    ['zh', 1280],
    ['zh', 390],
    ['en', 1280],
    ['en', 390],
  ] as const)('finds no serious or critical violation (%s, %i px)', async (lang, width) => {
    const { staff, round } = await world();
    await request(w.t.http)
      .post(`/api/rounds/${round.roundId}/assignments/auto`)
      .auth(staff.token, { type: 'bearer' })
      .send({ dryRun: false })
      .expect(200);
    const context = await w.browser.createBrowserContext();
    const page = await context.newPage();
    await allowAxe(page);
    await page.setViewport({ width, height: 844 });
    page.setDefaultTimeout(20_000);
    await page.goto(`${w.base}/login`);
    await page.evaluate((l) => localStorage.setItem('lang', l), lang);
    await signIn(w, page, staff.email, PASSWORD);
    const failing: string[] = [];
    const pages = [
      {
        name: 'assignments',
        go: async () => {
          await page.goto(`${w.base}/staff/rounds/${round.roundId}/assignments`);
          await page.waitForSelector('#assign-matrix [data-kind="assigned"]');
          await page.click('#assign-preview');
          await page.waitForSelector('[data-diff-kept]');
        },
      },
      {
        name: 'conflicts',
        go: async () => {
          await page.goto(`${w.base}/staff/rounds/${round.roundId}/conflicts`);
          await page.waitForSelector('[data-dismiss]');
        },
      },
      {
        name: 'conflict-dismiss',
        go: async () => {
          await page.click('[data-dismiss]');
          await page.waitForSelector('#dismiss-reason');
          await new Promise((r) => setTimeout(r, 400));
        },
      },
      {
        name: 'progress',
        go: async () => {
          await page.goto(`${w.base}/staff/rounds/${round.roundId}/progress`);
          await page.waitForSelector('#progress-judges [data-judge-progress]');
        },
      },
    ];
    try {
      for (const p of pages) {
        await p.go();
        await new Promise((r) => setTimeout(r, 300));
        if (process.env.SHOTS) await page.screenshot({ path: `var/round-${p.name}-${lang}-${width}.png`, fullPage: true });
        if (lang === 'zh') failing.push(...(await englishNamed(page, `${p.name} zh ${width}px`)));
        failing.push(...(await seriousViolations(page, `${p.name} ${lang} ${width}px`)));
      }
    } finally {
      await context.close();
    }
    expect(failing).toEqual([]);
  });
});

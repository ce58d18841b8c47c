/// <reference lib="dom" />
/**
 * A dossier whose render fails every attempt, in the browser with the real worker: the seal panel
 * shows that it failed and why (Chinese and English), stops polling, and its retry button renders
 * it once the cause is gone.
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { Page } from 'puppeteer-core';
import { launchChromium } from '../../src/modules/dossiers/pdf-renderer';
import { webDistDir } from '../../src/web-pages';
import { newPage, signIn, snap, type BrowserWorld } from '../support/browser';
import { entryThatCannotRender } from '../support/broken-dossier';
import { PASSWORD } from '../support/factories';
import { startTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

jest.setTimeout(180_000);

let w: BrowserWorld;
let worker: INestApplicationContext;

beforeAll(async () => {
  if (!webDistDir()) throw new Error('web/dist is missing: `npm test` builds it (bash scripts/build-web.sh)');
  // two attempts per render, so "every attempt failed" takes seconds rather than a minute of backoff
  const t = await startTestApp({ DOSSIER_RENDER_ATTEMPTS: '2' });
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as { port: number };
  const browser = await launchChromium(t.config.chromiumPath);
  w = {
    t,
    base: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
});
afterAll(async () => {
  await worker?.close();
  await w?.close();
});

async function openSealPanel(page: Page, appId: string): Promise<void> {
  await page.goto(`${w.base}/applications/${appId}`);
  await page.waitForSelector('[data-app-state="sealed"]');
  await page.click('.ant-menu-item:last-child');
}

const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);

it('shows the failure with its reason, stops polling, and the retry renders it', async () => {
  const { entry, restore } = await entryThatCannotRender(w.t); // sealed, its render queued, before any worker runs
  worker = await startTestWorker(w.t);
  const page = await newPage(w);
  const polls: string[] = [];
  page.on('request', (r) => r.url().includes('/dossier') && polls.push(r.url()));
  try {
    await signIn(w, page, entry.owner.email, PASSWORD);
    await openSealPanel(page, entry.appId);

    // rendering first, then failed after both attempts
    await page.waitForSelector('#dossier-failed', { timeout: 60_000 });
    const { rows } = await w.t.db.query(`SELECT status, error FROM dossiers WHERE snapshot_id = $1 AND variant = 'applicant'`, [
      entry.snapshotId,
    ]);
    expect(rows[0].status).toBe('failed');
    const zh = await text(page, '#dossier-failed');
    expect(zh).toContain('申报材料生成失败');
    expect(zh).toContain(`原因：${rows[0].error}`);
    expect(zh).toContain('重新生成');
    expect(await page.$('#dossier-link')).toBeNull();
    expect(await page.$('.ant-progress')).toBeNull();
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((u) => u.includes('/dossier/status'))).toBe(true); // polling never downloads the PDF

    // no more polling once it has failed (the server says Retry-After: 2 while it renders)
    const seen = polls.length;
    await new Promise((r) => setTimeout(r, 6000));
    expect(polls.length).toBe(seen);

    // the same in English, straight away on a fresh load
    await page.evaluate(() => localStorage.setItem('lang', 'en'));
    await openSealPanel(page, entry.appId);
    await page.waitForSelector('#dossier-failed');
    const en = await text(page, '#dossier-failed');
    expect(en).toContain('The dossier could not be produced');
    expect(en).toContain(`Reason: ${rows[0].error}`);

    // the cause is removed; the retry renders it and the download link appears
    await restore();
    await page.click('#dossier-retry');
    await page.waitForSelector('#dossier-link', { timeout: 60_000 });
    expect(await page.$('#dossier-failed')).toBeNull();
    const after = await w.t.db.query(`SELECT status, retries FROM dossiers WHERE snapshot_id = $1 AND variant = 'applicant'`, [
      entry.snapshotId,
    ]);
    expect(after.rows[0]).toMatchObject({ status: 'ready', retries: 1 });
    const link = await page.$eval('#dossier-link', (a) => (a as HTMLAnchorElement).href);
    const pdf = await page.evaluate(async (href) => {
      const res = await fetch(href, { credentials: 'same-origin' });
      return { status: res.status, type: res.headers.get('content-type') };
    }, link);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf' });
  } catch (e) {
    await snap(page, 'dossier-failure');
    throw e;
  }
});

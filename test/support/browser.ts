/// <reference lib="dom.iterable" />
/// <reference lib="dom" />
/**
 * Browser tests: the built pages served by a real test app on a port, driven by puppeteer-core
 * on Debian's Chromium (headless shell). `fillField` types or chooses a value into the input
 * the descriptor says a field has — the same way a person would.
 */
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import type { FieldNode } from '../../src/form/field-types';
import { expandFields } from '../../src/form/expanded-fields';
import { launchChromium } from '../../src/modules/dossiers/pdf-renderer';
import { webDistDir } from '../../src/web-pages';
import { startTestApp, type TestApp } from './test-app';

export interface BrowserWorld {
  t: TestApp;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserWorld(): Promise<BrowserWorld> {
  if (!webDistDir()) throw new Error('web/dist is missing: `npm test` builds it (bash scripts/build-web.sh)');
  const t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as { port: number };
  const browser = await launchChromium(t.config.chromiumPath);
  return {
    t,
    base: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

export async function newPage(w: BrowserWorld, width = 1280): Promise<Page> {
  const context = await w.browser.createBrowserContext(); // own cookies per page, like two people
  const page = await context.newPage();
  await page.setViewport({ width, height: 900 });
  page.setDefaultTimeout(15_000);
  // a failing browser test shows what the page said
  page.on('pageerror', (e) => console.error(`[page error] ${(e as Error).message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`[page console] ${m.text()}`));
  return page;
}

/** On failure: a screenshot in var/ to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `var/browser-${name}.png`, fullPage: true }).catch(() => undefined);
}

export const fieldId = (section: string, path: string) => `f-${section}-${path.replace(/\./g, '-')}`;

async function setInput(page: Page, selector: string, text: string): Promise<void> {
  const el = (await page.waitForSelector(selector, { visible: false }))!;
  await el.click({ clickCount: 3 });
  await page.keyboard.press('Backspace');
  await el.type(text);
}

/** Clicks the option of an open antd Select dropdown (a DOM click: the dropdown may still be animating). */
export async function pickOption(page: Page, title: string): Promise<void> {
  const option = await page.waitForSelector(
    `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`,
  );
  await option!.evaluate((el) => (el as HTMLElement).click());
}

/** Opens an antd Select and clicks the options whose titles are given. */
async function choose(page: Page, id: string, titles: string[]): Promise<void> {
  const select = await page.waitForSelector(`#${id}`);
  await select!.evaluate((el) => el.closest('.ant-select')!.scrollIntoView({ block: 'center' }));
  await (
    (
      await select!.evaluateHandle((el) => el.closest('.ant-select-selector') ?? el.closest('.ant-select')!)
    ).asElement() as ElementHandle<Element>
  ).click();
  for (const title of titles) await pickOption(page, title);
  await page.keyboard.press('Escape');
}

/** Puts `value` into the field at `path` of `section`, through its input. */
export async function fillField(
  page: Page,
  section: string,
  path: string,
  field: FieldNode,
  value: unknown,
  lang: 'zh' | 'en' = 'zh',
): Promise<void> {
  const id = fieldId(section, path);
  const optionTitle = (code: string) => {
    const o = 'options' in field ? field.options.find((x) => x.code === code) : undefined;
    return o ? (lang === 'zh' ? o.label.zh : o.label.en) : code;
  };
  switch (field.type) {
    case 'group':
      for (const child of expandFields(field.fields)) {
        const v = (value as Record<string, unknown>)?.[child.key];
        if (v !== undefined) await fillField(page, section, `${path}.${child.key}`, child, v, lang);
      }
      return;
    case 'choice':
      return choose(page, id, [optionTitle(value as string)]);
    case 'multi':
    case 'pick3':
      return choose(page, id, (value as string[]).map(optionTitle));
    case 'yesno': {
      const v = value as { answer: boolean; detail?: string };
      const radio = await page.waitForSelector(`#${id} input[type=radio][value="${v.answer}"]`);
      await radio!.click();
      if (v.detail) await setInput(page, `#${id} ~ * textarea, [aria-label^="${field.label.zh}"]`, v.detail);
      return;
    }
    case 'boolean':
      // a question that must be answered is 是/否 radios; a plain one a checkbox
      if (field.mustAnswer) await (await page.waitForSelector(`#${id} input[type=radio][value="${value === true}"]`))!.click();
      else if (value === true) await (await page.waitForSelector(`#${id}`))!.click();
      return;
    case 'attachment':
      return; // files: uploadTo
    case 'list':
      throw new Error(`lists are not filled through the page in these tests (${path})`);
    default:
      return setInput(page, `#${id}`, String(value));
  }
}

export async function uploadTo(page: Page, inputId: string, file: string): Promise<void> {
  const input = (await page.waitForSelector(`#${inputId}`, { visible: false })) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
}

/** Signs in through the login page. */
export async function signIn(w: BrowserWorld, page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${w.base}/login`);
  await page.waitForSelector('#login-email'); // the page first asks who is signed in
  await page.type('#login-email', email);
  await page.type('#login-password', password);
  await page.click('button[type=submit]');
  await page.waitForFunction(() => location.pathname === '/');
}

/** Opens a section of an application in the editor. */
export async function openSection(w: BrowserWorld, page: Page, appId: string, key: string): Promise<void> {
  await page.goto(`${w.base}/applications/${appId}`);
  await (await page.waitForSelector(`[data-section="${key}"]`))!.click();
  await page.waitForSelector(`[id^="f-${key}-"]`);
}

/** Waits until the section's save state says everything typed is on the server. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === 'saved', {
    timeout: 20_000,
  });
}

/**
 * Waits until no dialog is on screen: a confirmation's mask fades out after its OK (longer on a
 * loaded machine), and a click at a point it still covers lands on the mask, not the page.
 */
export async function waitForDialogsClosed(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll<HTMLElement>('.ant-modal-mask, .ant-modal-wrap')].some((el) => {
        const box = el.getBoundingClientRect();
        return getComputedStyle(el).display !== 'none' && box.width > 0 && box.height > 0;
      }),
    { timeout: 15_000 },
  );
}

/** Replaces what an input holds with `text`, typed. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  const el = (await page.waitForSelector(selector))!;
  await el.click({ clickCount: 3 });
  await page.keyboard.press('Backspace');
  await el.type(text);
}

/** An antd date-time picker: the typed value, confirmed with Enter. */
export async function pickDateTime(page: Page, selector: string, text: string): Promise<void> {
  await typeInto(page, selector, text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/** A confirmation's OK (or any button shown late), pressed by a DOM click once visible: the dialog may still be animating. */
export async function pressWhenShown(page: Page, selector: string): Promise<void> {
  const ok = await page.waitForSelector(selector, { visible: true });
  await new Promise((r) => setTimeout(r, 300));
  await ok!.evaluate((el) => (el as HTMLElement).click());
}

/**
 * HTML → PDF on one long-lived Chromium per process with a bounded pool of pages. Pages run with
 * JavaScript disabled and every request aborted except `data:` URIs, so a dossier can neither
 * run script nor reach the network or the file system, whatever an applicant typed. A crashed
 * browser is relaunched on the next render.
 */
import { Logger } from '@nestjs/common';
import type { Browser, Page } from 'puppeteer-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/**
 * Chromium's print settings, shared with the benchmark's raw floor. Untagged: the structure tree
 * of a tagged PDF doubles the objects pdf-lib must parse afterwards (bench/RESULTS.md).
 */
export const PRINT_OPTIONS = { format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: false } as const;

export interface RendererOptions {
  executablePath: string;
  /** Pages rendering at once. */
  pages: number;
  timeoutMs: number;
}

/** `chromium-headless-shell` is the fast PDF engine; full Chromium runs in its new headless mode. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  // loaded on first use: the API process never prints, and puppeteer is ~4 MB of its heap
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    executablePath,
    headless: executablePath.includes('headless-shell') ? 'shell' : true,
    args: CHROMIUM_ARGS,
    // over a pipe, Chromium exits with its parent even when the parent is killed outright
    pipe: true,
  });
}

export class PdfRenderer {
  private readonly logger = new Logger(PdfRenderer.name);
  private browser?: Promise<Browser>;
  private readonly idle: Page[] = [];
  private readonly waiting: Array<(page: Page) => void> = [];
  private open = 0;
  /** Pages of the current browser; a page of a crashed one is not counted back into the pool. */
  private live = new WeakSet<Page>();
  /** Requests a page tried to make (always aborted); tests read it. */
  blockedRequests = 0;

  constructor(private readonly options: RendererOptions) {}

  /** `headerHtml`: Chromium's header template, printed in the top margin of every page. */
  async render(html: string, headerHtml?: string): Promise<Buffer> {
    const page = await this.acquire();
    let healthy = true;
    try {
      return await withTimeout(this.print(page, html, headerHtml), this.options.timeoutMs, 'render timed out');
    } catch (error) {
      healthy = false;
      throw error;
    } finally {
      this.release(page, healthy);
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    this.idle.length = 0;
    this.open = 0;
    this.live = new WeakSet();
    if (browser) await (await browser.catch(() => undefined))?.close().catch(() => undefined);
  }

  private async print(page: Page, html: string, headerHtml?: string): Promise<Buffer> {
    await page.setContent(html, { waitUntil: 'load', timeout: this.options.timeoutMs });
    const pdf = await page.pdf({
      ...PRINT_OPTIONS,
      timeout: this.options.timeoutMs,
      ...(headerHtml ? { displayHeaderFooter: true, headerTemplate: headerHtml, footerTemplate: '<span></span>' } : {}),
    });
    return Buffer.from(pdf);
  }

  private async acquire(): Promise<Page> {
    const idle = this.idle.pop();
    if (idle && !idle.isClosed()) return idle;
    if (this.open < this.options.pages) {
      this.open++;
      try {
        return await this.newPage();
      } catch (error) {
        this.open--;
        throw error;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(page: Page, healthy: boolean): void {
    if (!this.live.has(page)) return;
    if (!healthy || page.isClosed()) {
      this.live.delete(page);
      this.open--;
      void page.close().catch(() => undefined);
      const next = this.waiting.shift();
      if (next) {
        this.open++;
        this.newPage().then(next, () => {
          this.open--;
        });
      }
      return;
    }
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }

  private async newPage(): Promise<Page> {
    const browser = await this.ensureBrowser();
    const page = await browser.newPage();
    this.live.add(page);
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('data:')) void request.continue();
      else {
        this.blockedRequests++;
        void request.abort('blockedbyclient');
      }
    });
    return page;
  }

  private ensureBrowser(): Promise<Browser> {
    if (!this.browser) {
      const launching = launchChromium(this.options.executablePath);
      this.browser = launching;
      launching.then(
        (browser) =>
          browser.once('disconnected', () => {
            if (this.browser === launching) {
              this.logger.warn('Chromium went away; the next render starts a new one');
              this.browser = undefined;
              this.idle.length = 0;
              this.open = 0;
              this.live = new WeakSet();
              // renders waiting for a page get one from the next browser
              for (const next of this.waiting.splice(0, this.options.pages)) {
                this.open++;
                this.newPage().then(next, () => this.open--);
              }
            }
          }),
        () => {
          if (this.browser === launching) this.browser = undefined;
        },
      );
    }
    return this.browser;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

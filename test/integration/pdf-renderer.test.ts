/**
 * The renderer against the real Chromium: a crashed browser is replaced on the next render, and a
 * page that never finishes is given up after the timeout without losing the pool.
 */
import { loadConfig } from '../../src/config/app-config';
import { PdfRenderer } from '../../src/modules/dossiers/pdf-renderer';

const chromium = loadConfig({ ...process.env, DATABASE_URL: 'postgres://x@127.0.0.1/x' }).chromiumPath;
const html = (text: string) => `<!doctype html><meta charset="utf-8"><p>${text}</p>`;

let renderer: PdfRenderer;
afterEach(() => renderer?.close());

it('relaunches Chromium after it crashed', async () => {
  renderer = new PdfRenderer({ executablePath: chromium, pages: 2, timeoutMs: 20_000 });
  expect((await renderer.render(html('一'))).subarray(0, 5).toString()).toBe('%PDF-');
  const browser = await (renderer as unknown as { browser: Promise<import('puppeteer-core').Browser> }).browser;
  // Debian's /usr/bin/chromium* are shell wrappers: kill the whole process group, as a crash would
  process.kill(-browser.process()!.pid!, 'SIGKILL');
  while (browser.connected) await new Promise((r) => setTimeout(r, 20));
  expect((await renderer.render(html('二'))).subarray(0, 5).toString()).toBe('%PDF-');
});

it('gives up a render after the timeout and keeps serving', async () => {
  renderer = new PdfRenderer({ executablePath: chromium, pages: 1, timeoutMs: 1_500 });
  // a document whose layout takes far longer than the limit
  const huge = html('很长的文字 '.repeat(400_000));
  await expect(renderer.render(huge)).rejects.toThrow(/timed out|Timeout|timeout/);
  expect((await renderer.render(html('三'))).subarray(0, 5).toString()).toBe('%PDF-');
}, 60_000);

/// <reference lib="dom" />
/**
 * axe-core in a puppeteer page: the library's own bundle injected as a script, run over the whole
 * document, violations only. Sorting by impact is the caller's business (serious and critical
 * fail the accessibility test; the rest are printed).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: Array<{ target: string[]; html: string; failureSummary?: string }>;
}

let source: string | undefined;
const axeSource = () => (source ??= readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8'));

/**
 * The pages' CSP (script-src 'self') refuses an inline script: a page axe is to run in bypasses it,
 * set before its first navigation.
 */
export const allowAxe = (page: Page) => page.setBypassCSP(true);

/** Runs axe over the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource() });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
}

/** One line per violation and node, for a test's output. */
export const describeViolations = (where: string, vs: AxeViolation[]) =>
  vs.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${where}: [${v.impact}] ${v.id} (${v.help}) at ${n.target.join(' ')} — ${n.html.slice(0, 160)}${v.id === 'color-contrast' ? ` — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}` : ''}`,
    ),
  );

/** The serious and critical violations of the page as it is now (after animations settle), one line each: what fails a test. */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 300));
  const found = await axeViolations(page);
  return describeViolations(
    where,
    found.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  );
}

/** Controls of a Chinese page whose accessible name (aria-label or title) is plain English: a label the catalogue missed. */
export async function englishNamed(page: Page, where: string): Promise<string[]> {
  const english = await page.$$eval('[aria-label], [title]', (els) =>
    els
      .filter((el) => !el.closest('[aria-hidden="true"]'))
      .map((el) => el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '')
      .filter((n) => /^[A-Za-z][A-Za-z .]+$/.test(n) && /[a-z]/.test(n)),
  );
  return english.map((n) => `${where}: named in English: "${n}"`);
}

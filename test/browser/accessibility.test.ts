/// <reference lib="dom" />
/**
 * axe over every applicant page (issue 12, must-show 2): signed out (sign in, register, accept an
 * invitation), my applications, the editor's sections (basics with the contact mix and education
 * tables, KPIs, omnichannel, people), review and seal of a draft, receipt and submit of a sealed
 * entry, members — at 1280 and 390 px, in Chinese and English. Serious and critical violations
 * fail; the rest are printed.
 */
import type { Page } from 'puppeteer-core';
import request from 'supertest';
import { completeApplication } from '../fixtures/complete-application';
import { allowAxe, axeViolations, describeViolations } from '../support/axe';
import { newPage, startBrowserWorld, type BrowserWorld } from '../support/browser';
import { createApplication, createOpenCycle, PASSWORD } from '../support/factories';
import { sealedEntry, type SealedEntry } from '../support/sealed-entry';

jest.setTimeout(600_000);

let w: BrowserWorld;
let sealed: SealedEntry;
let draftId: string;
let invitationToken: string;
beforeAll(async () => {
  w = await startBrowserWorld();
  sealed = await sealedEntry(w.t);
  const { owner } = sealed;
  // a second entry, a draft half filled in, in another cycle
  draftId = (await createApplication(w.t, owner, await createOpenCycle(w.t))).id;
  const partial = completeApplication({ orgChart: [], layoutPhotos: [] }) as Record<string, Record<string, unknown>>;
  const put = (key: string, data: object) =>
    request(w.t.http)
      .put(`/api/applications/${draftId}/sections/${key}`)
      .auth(owner.token, { type: 'bearer' })
      .set('If-Match', '"1"')
      .send(data)
      .expect(200);
  await put('basics', {
    enterprise: partial.basics.enterprise,
    contact: partial.basics.contact,
    center: partial.basics.center,
    staffing: partial.basics.staffing,
    contactMix: partial.basics.contactMix,
  });
  const inv = await request(w.t.http)
    .post(`/api/organisations/${owner.organisationId}/invitations`)
    .auth(owner.token, { type: 'bearer' })
    .send({ email: 'colleague@example.com' })
    .expect(201);
  invitationToken = inv.body.token;
});
afterAll(() => w?.close());

/** The section list is a side menu on wide screens and a drawer on narrow ones. */
async function fromMenu(page: Page, appId: string, item: string): Promise<void> {
  await page.goto(`${w.base}/applications/${appId}`);
  await page.waitForSelector('[data-app-state]');
  if (await page.$('#sections-toggle')) {
    await page.click('#sections-toggle');
    await (await page.waitForSelector(`.ant-drawer ${item}`))!.evaluate((el) => (el as HTMLElement).click()); // the drawer may still slide in
    await page.waitForSelector('.ant-drawer-open', { hidden: true }).catch(() => undefined);
  } else await (await page.waitForSelector(item))!.click();
}
const section = (key: string) => async (page: Page) => {
  await fromMenu(page, draftId, `[data-section="${key}"]`);
  await page.waitForSelector(`[id^="f-${key}-"]`);
};
const review = (appId: () => string) => async (page: Page) => {
  await fromMenu(page, appId(), '.ant-menu-item:last-child');
  await page.waitForSelector('.ant-steps');
};

const PAGES: Array<{ name: string; signedIn: boolean; go: (page: Page) => Promise<void> }> = [
  { name: 'sign-in', signedIn: false, go: async (p) => void (await p.goto(`${w.base}/login`), await p.waitForSelector('#login-email')) },
  { name: 'register', signedIn: false, go: async (p) => void (await p.goto(`${w.base}/register`), await p.waitForSelector('#reg-org')) },
  {
    name: 'accept-invitation',
    signedIn: false,
    go: async (p) => void (await p.goto(`${w.base}/invitations/${invitationToken}`), await p.waitForSelector('#inv-name')),
  },
  { name: 'my-applications', signedIn: true, go: async (p) => void (await p.goto(`${w.base}/`), await p.waitForSelector('.entry-code')) },
  { name: 'editor-basics', signedIn: true, go: section('basics') },
  { name: 'editor-kpis', signedIn: true, go: section('kpis') },
  { name: 'editor-omnichannel', signedIn: true, go: section('omnichannel') },
  { name: 'editor-people', signedIn: true, go: section('people') },
  { name: 'review-and-seal', signedIn: true, go: review(() => draftId) },
  { name: 'receipt-and-submit', signedIn: true, go: review(() => sealed.appId) },
  {
    name: 'members',
    signedIn: true,
    go: async (p) => void (await p.goto(`${w.base}/organisation`), await p.waitForSelector('#invite-email')),
  },
];

async function signIn(page: Page): Promise<void> {
  await page.goto(`${w.base}/login`);
  await page.waitForSelector('#login-email');
  await page.type('#login-email', sealed.owner.email);
  await page.type('#login-password', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForFunction(() => location.pathname === '/');
}

describe.each([
  ['zh', 1280],
  ['zh', 390],
  ['en', 1280],
  ['en', 390],
] as const)('axe, %s at %i px', (lang, width) => {
  it('finds no serious or critical violation on any applicant page', async () => {
    const context = await w.browser.createBrowserContext();
    const page = await context.newPage();
    await allowAxe(page);
    await page.setViewport({ width, height: 844 });
    page.setDefaultTimeout(20_000);
    await page.goto(`${w.base}/login`);
    await page.evaluate((l) => localStorage.setItem('lang', l), lang);
    const failing: string[] = [];
    const minor: string[] = [];
    try {
      for (const p of PAGES) {
        if (p.signedIn && !(await page.cookies()).length) await signIn(page);
        await p.go(page);
        await new Promise((r) => setTimeout(r, 300)); // animations settle (a half-faded colour is no contrast finding)
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-CN' : 'en');
        // no control named in English on the Chinese page (library defaults such as "Increase Value")
        if (lang === 'zh') {
          const english = await page.$$eval('[aria-label], [title]', (els) =>
            els
              .filter((el) => !el.closest('[aria-hidden="true"]'))
              .map((el) => el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '')
              .filter((n) => /^[A-Za-z][A-Za-z .]+$/.test(n) && /[a-z]/.test(n)),
          ); // acronyms (APP, IVR) are the form's own words
          failing.push(...english.map((n) => `${p.name} zh ${width}px: named in English: "${n}"`));
        }
        const found = await axeViolations(page);
        const where = `${p.name} ${lang} ${width}px`;
        failing.push(
          ...describeViolations(
            where,
            found.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
          ),
        );
        minor.push(
          ...describeViolations(
            where,
            found.filter((v) => v.impact !== 'serious' && v.impact !== 'critical'),
          ),
        );
      }
    } finally {
      await context.close();
    }
    if (minor.length) console.log(`axe, below serious (not failing):\n${minor.join('\n')}`);
    expect(failing).toEqual([]);
  });
});

interface AxNode {
  role: string;
  name?: string;
  children?: AxNode[];
}
const flatten = (n: AxNode | null): AxNode[] => (n ? [n, ...(n.children ?? []).flatMap(flatten)] : []);
const FIELD_ROLES = new Set(['textbox', 'spinbutton', 'combobox', 'radiogroup', 'checkbox']);

/** The names a screen reader announces for the section's controls (Chromium's accessibility tree). */
async function controlNames(page: Page): Promise<AxNode[]> {
  const form = await page.$('form');
  return flatten((await page.accessibility.snapshot({ root: form!, interestingOnly: false })) as AxNode | null).filter(
    (n) => FIELD_ROLES.has(n.role) || n.role === 'button',
  );
}

it.each(['basics', 'kpis', 'people', 'omnichannel'])(
  'every control of %s is named by its label and context, each name once, in Chinese',
  async (key) => {
    const page = await newPage(w);
    await signIn(page);
    await section(key)(page);
    await new Promise((r) => setTimeout(r, 300));
    const nodes = await controlNames(page);
    const fields = nodes.filter((n) => FIELD_ROLES.has(n.role));
    expect(fields.length).toBeGreaterThan(3);
    // every control has a name; no two share one (the 24 KPI 目标, the three 学历分布, the contact mix)
    expect(fields.filter((n) => !n.name?.trim())).toEqual([]);
    const names = fields.map((n) => n.name!.trim());
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    // names are the page's language: no English word of three letters or more (IVR, COPC … are the form's own)
    expect(names.filter((n) => /\b(?!IVR|COPC|ISO|IM)[A-Za-z]{3,}\b/.test(n.replace(/ISO\s?\d+/g, '')))).toEqual([]);
    if (key === 'kpis') expect(names).toContain('运营关键指标 平均联系处理时间 目标');
    if (key === 'basics') {
      expect(names).toEqual(
        expect.arrayContaining([
          '人员情况 座席员数 全职座席 学历分布 本科及以上 (%)',
          '呼叫种类百分比 (以呼叫数为基数) 人工电话 呼入 (占%)',
        ]),
      );
      // the upload button names its field
      expect(nodes.filter((n) => n.role === 'button').map((n) => n.name)).toContain('上传文件 组织架构图');
    }
    if (key === 'people') expect(nodes.filter((n) => n.role === 'radiogroup').map((n) => n.name)).toContain('是否有做员工满意度调查');
  },
);

/// <reference lib="dom" />
/**
 * `npm run screenshots`: every applicant page, the staff console's pages (judging's included) and the judges' invitation, start, scoring and profile pages at 1280 px and 390 px wide, in zh-CN and en, into
 * docs/screenshots/; and the editor's first load measured with the browser's own timings
 * (printed; recorded in bench/RESULTS.md). Runs the real app on a database of its own.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { freshDatabase } from '../bench/bench-db';
import { measureLoad } from '../bench/page-load';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { launchChromium } from '../src/modules/dossiers/pdf-renderer';
import { hashPassword } from '../src/modules/identity/password';
import { completeApplication } from '../test/fixtures/complete-application';
import { pngFile } from '../test/support/sample-files';
import { jsonApi, signIn as signInAs } from './page-driver';

const OUT = join(__dirname, '..', 'docs', 'screenshots');
const WIDTHS = [1280, 390];
const LANGS = ['zh', 'en'] as const;
const PASSWORD = 'correct horse battery staple';

async function main(): Promise<void> {
  const databaseUrl = await freshDatabase(process.env.SCREENS_DATABASE ?? 'topten_screens'); // own name when several checkouts take screenshots at once
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, QUEUE_PREFIX: 'screens', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const api = jsonApi(base);

  // data: an open cycle, an applicant with a draft half filled in and a sealed entry
  const { DataSource } = await import('typeorm');
  const db = new DataSource({ type: 'postgres', url: databaseUrl });
  await db.initialize();
  const [cycle] = await db.query(
    `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ('2026 中国十佳呼叫中心评选', 'Asia/Shanghai', now() - interval '10 days', now() + interval '20 days') RETURNING id`,
  );
  const [cat] = await db.query(
    `INSERT INTO categories (cycle_id, code, name_zh, name_en) VALUES ($1, 'omnichannel_excellence', '卓越全渠道客服', 'Omnichannel excellence') RETURNING id`,
    [cycle.id],
  );
  const [cycle2] = await db.query(
    `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ('2026 年度示范评选', 'Asia/Shanghai', now() - interval '10 days', now() + interval '2 days') RETURNING id`,
  );
  const [cat2] = await db.query(
    `INSERT INTO categories (cycle_id, code, name_zh, name_en) VALUES ($1, 'omnichannel_excellence', '卓越全渠道客服', 'Omnichannel excellence') RETURNING id`,
    [cycle2.id],
  );
  const email = 'wang.xiaomei@example-bank.com.cn';
  const reg = await api('POST', '/api/auth/register', {
    email,
    password: PASSWORD,
    name: '王晓梅',
    organisationName: '示例银行股份有限公司',
  });
  const token = reg.accessToken as string;
  const draft = await api('POST', '/api/applications', { cycleId: cycle.id, categoryId: cat.id, nomination: { type: 'self' } }, token);
  const sealed = await api('POST', '/api/applications', { cycleId: cycle2.id, categoryId: cat2.id, nomination: { type: 'self' } }, token);
  const upload = async (appId: string, kind: string) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([pngFile(200, 120)], { type: 'image/png' }), `${kind}.png`);
    const res = await fetch(`${base}/api/applications/${appId}/attachments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    });
    return ((await res.json()) as { id: string }).id;
  };
  const full = completeApplication({
    orgChart: [await upload(sealed.id, 'org_chart')],
    layoutPhotos: [await upload(sealed.id, 'layout_photo')],
  }) as Record<string, unknown>;
  for (const [key, data] of Object.entries(full)) await api('PUT', `/api/applications/${sealed.id}/sections/${key}`, data, token);
  await api('POST', `/api/applications/${sealed.id}/seal`, {}, token);
  const partial = completeApplication({ orgChart: [], layoutPhotos: [] }) as Record<string, Record<string, unknown>>;
  await api(
    'PUT',
    `/api/applications/${draft.id}/sections/basics`,
    { enterprise: partial.basics.enterprise, contact: partial.basics.contact },
    token,
  );
  await api('PUT', `/api/applications/${draft.id}/sections/kpis`, partial.kpis, token);

  await api('PUT', `/api/applications/${draft.id}/sections/recruitment`, partial.recruitment, token);
  await api('PUT', `/api/applications/${draft.id}/sections/technology`, partial.technology, token);

  // a submitted entry: its confirmation (when, which entry, what comes next)
  const [cycle3] = await db.query(
    `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline) VALUES ('2026 华东区评选', 'Asia/Shanghai', now() - interval '10 days', now() + interval '15 days') RETURNING id`,
  );
  const [cat3] = await db.query(
    `INSERT INTO categories (cycle_id, code, name_zh, name_en) VALUES ($1, 'omnichannel_excellence', '卓越全渠道客服', 'Omnichannel excellence') RETURNING id`,
    [cycle3.id],
  );
  const submitted = await api(
    'POST',
    '/api/applications',
    { cycleId: cycle3.id, categoryId: cat3.id, nomination: { type: 'self' } },
    token,
  );
  const full3 = completeApplication({
    orgChart: [await upload(submitted.id, 'org_chart')],
    layoutPhotos: [await upload(submitted.id, 'layout_photo')],
  }) as Record<string, unknown>;
  for (const [key, data] of Object.entries(full3)) await api('PUT', `/api/applications/${submitted.id}/sections/${key}`, data, token);
  await api('POST', `/api/applications/${submitted.id}/seal`, {}, token);
  await upload(submitted.id, 'stamped_receipt');
  const sealedNow = await api('GET', `/api/applications/${submitted.id}`, undefined, token);
  const submit = await fetch(`${base}/api/applications/${submitted.id}/submit`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'If-Match': sealedNow.etag as string },
  });
  if (!submit.ok) throw new Error(`submit: ${submit.status} ${await submit.text()}`);

  const me = await api('GET', '/api/auth/me', undefined, token);
  const invitation = await api(
    'POST',
    `/api/organisations/${me.organisations[0].id}/invitations`,
    { email: 'colleague@example-bank.com.cn' },
    token,
  );

  // the staff console's data: a second company's entry in the first cycle, sealed, returned to
  // draft by unsealing, one answer changed, sealed again (two snapshots to compare), then submitted
  const insurer = await api('POST', '/api/auth/register', {
    email: 'li.ming@example-insurance.com.cn',
    password: PASSWORD,
    name: '李明',
    organisationName: '示例保险股份有限公司',
  });
  const itoken = insurer.accessToken as string;
  const screened = await api('POST', '/api/applications', { cycleId: cycle.id, categoryId: cat.id, nomination: { type: 'self' } }, itoken);
  const uploadAs = async (appId: string, kind: string, tok: string) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([pngFile(200, 120)], { type: 'image/png' }), `${kind}.png`);
    const res = await fetch(`${base}/api/applications/${appId}/attachments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tok}` },
      body: form,
    });
    return ((await res.json()) as { id: string }).id;
  };
  const full2 = completeApplication({
    orgChart: [await uploadAs(screened.id, 'org_chart', itoken)],
    layoutPhotos: [await uploadAs(screened.id, 'layout_photo', itoken)],
  }) as Record<string, unknown>;
  for (const [key, data] of Object.entries(full2)) await api('PUT', `/api/applications/${screened.id}/sections/${key}`, data, itoken);
  // transitions without If-Match (optional on commands; the tiny client always sends "1")
  const command = async (action: string) => {
    const res = await fetch(`${base}/api/applications/${screened.id}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${itoken}` },
      body: '{}',
    });
    if (!res.ok) throw new Error(`${action}: ${res.status} ${await res.text()}`);
  };
  await command('seal');
  await command('unseal');
  const basics = await api('GET', `/api/applications/${screened.id}/sections/basics`, undefined, itoken);
  const edited = {
    ...basics.data,
    enterprise: { ...basics.data.enterprise, phone: '021-6888 0000', name: '示例保险股份有限公司上海分公司' },
  };
  await fetch(`${base}/api/applications/${screened.id}/sections/basics`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${itoken}`, 'If-Match': basics.etag },
    body: JSON.stringify(edited),
  });
  await command('seal');
  await uploadAs(screened.id, 'stamped_receipt', itoken);
  await command('submit');
  const adminEmail = 'zhao.lei@topten-award.org.cn';
  const judgeEmail = 'chen.jing@example-judges.cn';
  await db.query(`INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, 'admin')`, [
    adminEmail,
    '赵磊',
    await hashPassword(PASSWORD),
  ]);
  // the judge comes by invitation (their profile with it) and fills the profile (the cycle's terms come with a round, below);
  // a second invitation stays unused for its page
  const adminToken = (await api('POST', '/api/auth/login', { email: adminEmail, password: PASSWORD })).accessToken as string;
  const judgeInvite = await api('POST', '/api/judges/invitations', { email: judgeEmail, name: '陈静' }, adminToken);
  const judgeToken = (
    await api('POST', `/api/judges/invitations/${new URL(judgeInvite.inviteUrl).pathname.split('/').pop()}/accept`, {
      name: '陈静',
      password: PASSWORD,
    })
  ).accessToken as string;
  await fetch(`${base}/api/judges/me`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${judgeToken}` },
    body: JSON.stringify({ industries: ['finance', 'telecom'], employer: '示例咨询有限公司', group: '示例集团', capacity: 12 }),
  });
  const openInvite = await api('POST', '/api/judges/invitations', { email: 'liu.yang@example-judges.cn', name: '刘洋' }, adminToken);
  const insurerOrg = (await api('GET', '/api/auth/me', undefined, itoken)).organisations[0].id as string;
  // judging: the insurer's entry accepted; a rubric from the preset and a CC-CMM one; a blind round
  // with the judge on its panel, opened and assigned
  await api('POST', '/api/applications/bulk', { action: 'accept', cycleId: cycle.id, ids: [screened.id] }, adminToken);
  const rubric = await api('POST', '/api/rubrics', { name: '十佳评审表 2026', preset: 'top-ten-default' }, adminToken);
  const ccRubric = await api('POST', '/api/rubrics', { name: 'CC-CMM 全渠道 1.0', preset: 'cc-cmm-oc' }, adminToken);
  const judgeId = (await api('GET', '/api/auth/me', undefined, judgeToken)).user.id as string;
  const round = await api(
    'POST',
    `/api/cycles/${cycle.id}/rounds`,
    {
      name: '初评',
      rubricId: rubric.id,
      reviewsPerApplication: 1,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      blind: true,
      aggregation: 'mean',
      advancement: { type: 'top', n: 10 },
      entrants: 'accepted',
    },
    adminToken,
  );
  await api('POST', `/api/rounds/${round.id}/judges`, { judgeIds: [judgeId] }, adminToken);
  // a judge sees a cycle's terms once on the panel of one of its rounds
  await api('POST', `/api/cycles/${cycle.id}/confidentiality`, {}, judgeToken);
  await api('POST', `/api/rounds/${round.id}/open`, {}, adminToken);
  await api('POST', `/api/rounds/${round.id}/assignments/auto`, { dryRun: false }, adminToken);
  const [assignment] = (await api('GET', '/api/judge/assignments', undefined, judgeToken)) as Array<{ id: string }>;
  const tab = (n: number, wait: string) => async (p: Page) => {
    await p.goto(`${base}/staff/entries/${screened.id}`);
    await p.waitForSelector('[data-entry-state]');
    await (await p.waitForSelector(`.ant-tabs-tab:nth-of-type(${n}) [role="tab"], .entry-parts label:nth-of-type(${n})`))!.click();
    await p.waitForSelector(wait);
  };

  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium(config.chromiumPath);
  type Who = 'applicant' | 'admin' | 'judge';
  const accounts: Record<Who, string> = { applicant: email, admin: adminEmail, judge: judgeEmail };
  const shots: Array<{ name: string; signedIn: boolean; as?: Who; go: (page: Page) => Promise<void> }> = [
    { name: 'login', signedIn: false, go: async (p) => void (await p.goto(`${base}/login`), await p.waitForSelector('#login-email')) },
    { name: 'register', signedIn: false, go: async (p) => void (await p.goto(`${base}/register`), await p.waitForSelector('#reg-org')) },
    {
      name: 'accept-invitation',
      signedIn: false,
      go: async (p) => void (await p.goto(`${base}/invitations/${invitation.token}`), await p.waitForSelector('#inv-name')),
    },
    {
      name: 'judge-invitation',
      signedIn: false,
      go: async (p) => void (await p.goto(`${base}${new URL(openInvite.inviteUrl).pathname}`), await p.waitForSelector('#judge-name')),
    },
    { name: 'applications', signedIn: true, go: async (p) => void (await p.goto(`${base}/`), await p.waitForSelector('.entry-code')) },
    {
      name: 'editor-basics',
      signedIn: true,
      go: async (p) => void (await p.goto(`${base}/applications/${draft.id}`), await p.waitForSelector('[id^="f-basics-"]')),
    },
    { name: 'editor-kpis', signedIn: true, go: (p) => openSection(p, base, draft.id, 'kpis') },
    { name: 'editor-recruitment', signedIn: true, go: (p) => openSection(p, base, draft.id, 'recruitment') },
    { name: 'editor-technology', signedIn: true, go: (p) => openSection(p, base, draft.id, 'technology') },
    { name: 'editor-omnichannel', signedIn: true, go: (p) => openSection(p, base, draft.id, 'omnichannel') },
    { name: 'editor-receipt', signedIn: true, go: (p) => openSection(p, base, draft.id, 'receipt') },
    {
      name: 'editor-missing',
      signedIn: true,
      go: async (p) => {
        await p.goto(`${base}/applications/${draft.id}`);
        await p.waitForSelector('[id^="f-basics-"]');
        // on a phone: the drawer of what is missing, opened from the top; wider, the panel beside
        const toggle = await p.$('#missing-toggle');
        if (toggle) await toggle.click();
        await p.waitForSelector('.missing-item');
      },
    },
    {
      name: 'submitted',
      signedIn: true,
      go: async (p) => void (await p.goto(`${base}/applications/${submitted.id}`), await p.waitForSelector('#submitted-notice')),
    },
    { name: 'review', signedIn: true, go: (p) => openReview(p, base, draft.id) },
    { name: 'receipt-and-submit', signedIn: true, go: (p) => openReview(p, base, sealed.id) },
    {
      name: 'members',
      signedIn: true,
      go: async (p) => void (await p.goto(`${base}/organisation`), await p.waitForSelector('#pending-invitations .ant-list-item')),
    },
    {
      // last: what it types stays on this device (refused by the server, kept for correcting)
      name: 'editor-field-errors',
      signedIn: true,
      go: async (p) => {
        await p.goto(`${base}/applications/${draft.id}`);
        const under25 = '#f-basics-staffing-ageDistribution-under25';
        await p.waitForSelector(under25);
        await p.type(under25, '130');
        await p.type('#f-basics-staffing-ageDistribution-from25to35', '33.33');
        await p.click('#f-basics-contact-mobile', { count: 3 });
        await p.type('#f-basics-contact-mobile', '1391234567');
        await p.keyboard.press('Tab');
        await p.$eval('#f-basics-contact-mobile', (el) => el.scrollIntoView({ block: 'start' }));
      },
    },
    // the staff console (an administrator sees every page of it)
    {
      name: 'staff-dashboard',
      signedIn: true,
      as: 'admin',
      go: async (p) =>
        void (await p.goto(`${base}/?cycle=${cycle.id}`), await p.waitForSelector('canvas'), await new Promise((r) => setTimeout(r, 700))),
    },
    {
      name: 'staff-cycles',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/cycles`), await p.waitForSelector('[data-deadline]')),
    },
    {
      name: 'staff-cycle-new',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/cycles/new`), await p.waitForSelector('#cycle-deadline')),
    },
    {
      name: 'staff-cycle-edit',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/cycles/${cycle.id}`), await p.waitForSelector('#cycle-deadline')),
    },
    {
      name: 'staff-entries',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/entries?cycle=${cycle.id}`), await p.waitForSelector('.entry-code')),
    },
    { name: 'staff-entry', signedIn: true, as: 'admin', go: tab(1, '#screen-accept') },
    { name: 'staff-entry-content', signedIn: true, as: 'admin', go: tab(2, '[id^="f-basics-"]') },
    { name: 'staff-entry-attachments', signedIn: true, as: 'admin', go: tab(3, '.ant-table-row') },
    { name: 'staff-entry-snapshots', signedIn: true, as: 'admin', go: tab(4, '[data-diff-path]') },
    { name: 'staff-entry-history', signedIn: true, as: 'admin', go: tab(5, '[data-action]') },
    {
      name: 'staff-organisations',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/organisations`), await p.waitForSelector('.ant-table-row')),
    },
    {
      name: 'staff-organisation',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/organisations/${insurerOrg}`), await p.waitForSelector('[data-member-unit]')),
    },
    {
      name: 'staff-users',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/users`), await p.waitForSelector('.ant-table-row')),
    },
    {
      name: 'staff-audit',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/audit`), await p.waitForSelector('[data-action]')),
    },
    {
      name: 'staff-rubrics',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/rubrics`), await p.waitForSelector(`[data-rubric="${rubric.id}"]`)),
    },
    {
      name: 'staff-rubric-cc-cmm',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/rubrics/${ccRubric.id}`), await p.waitForSelector('[data-level="L1"]')),
    },
    {
      name: 'staff-judges',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/judges`), await p.waitForSelector(`[data-judge="${judgeId}"]`)),
    },
    {
      name: 'staff-round',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/rounds/${round.id}`), await p.waitForSelector(`[data-panel-judge="${judgeId}"]`)),
    },
    {
      name: 'staff-round-assignments',
      signedIn: true,
      as: 'admin',
      go: async (p) => void (await p.goto(`${base}/staff/rounds/${round.id}/assignments`), await p.waitForSelector('[data-cell]')),
    },
    {
      name: 'staff-round-progress',
      signedIn: true,
      as: 'admin',
      go: async (p) =>
        void (await p.goto(`${base}/staff/rounds/${round.id}/progress`), await p.waitForSelector(`[data-judge-progress="${judgeId}"]`)),
    },
    {
      name: 'judge-home',
      signedIn: true,
      as: 'judge',
      go: async (p) =>
        void (await p.goto(`${base}/`), await p.waitForSelector('[data-judge-home]'), await p.waitForSelector('[data-terms-accepted]')),
    },
    {
      name: 'judge-scoring',
      signedIn: true,
      as: 'judge',
      go: async (p) => void (await p.goto(`${base}/assignments/${assignment.id}`), await p.waitForSelector('[data-scoring-title]')),
    },
    {
      name: 'judge-profile',
      signedIn: true,
      as: 'judge',
      go: async (p) => void (await p.goto(`${base}/profile`), await p.waitForSelector('#jp-industries')),
    },
    {
      name: 'not-found',
      signedIn: true,
      as: 'judge',
      go: async (p) => void (await p.goto(`${base}/staff/entries`), await p.waitForSelector('[data-not-found]')),
    },
  ];
  for (const lang of LANGS) {
    for (const width of WIDTHS) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height: width > 500 ? 900 : 844 });
      await page.goto(`${base}/login`);
      await page.evaluate((l) => localStorage.setItem('lang', l), lang);
      let signedInAs: Who | null = null;
      for (const shot of shots) {
        const who = shot.as ?? 'applicant';
        if (shot.signedIn && signedInAs !== who) {
          if (signedInAs) await page.deleteCookie(...(await page.cookies()));
          await signInAs(page, base, accounts[who], PASSWORD);
          signedInAs = who;
        }
        await shot.go(page);
        await new Promise((r) => setTimeout(r, 300)); // animations settle
        const file = join(OUT, `${shot.name}-${lang}-${width}.png`);
        await page.screenshot({ path: file as `${string}.png`, fullPage: width > 500 });
        console.log(`wrote ${file}`);
      }
      await context.close();
    }
  }

  // the editor's first load, cold cache, as the browser measures it
  const timings: number[][] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await signInAs(page, base, email, PASSWORD);
    await page.setCacheEnabled(false);
    const t0 = Date.now();
    await page.goto(`${base}/applications/${draft.id}`);
    await page.waitForSelector('[id^="f-basics-"]');
    const ready = Date.now() - t0;
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return [n.responseEnd, n.domContentLoadedEventEnd, n.loadEventEnd];
    });
    timings.push([...nav, ready]);
    await context.close();
  }
  const median = (k: number) =>
    timings
      .map((t) => t[k])
      .sort((a, b) => a - b)[2]
      .toFixed(0);
  console.log(
    `editor first load (cold cache, median of 5): responseEnd ${median(0)} ms, DOMContentLoaded ${median(1)} ms, load ${median(2)} ms, form visible ${median(3)} ms`,
  );

  // and in bytes, as Chromium received them (bench/page-load.ts compares with the build before issue 10)
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const signInBytes = await measureLoad(page, `${base}/login`, '#login-email');
  await signInAs(page, base, email, PASSWORD);
  const editorBytes = await measureLoad(page, `${base}/applications/${draft.id}`, '[id^="f-basics-"]');
  await context.close();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const [name, r] of [
    ['sign-in', signInBytes],
    ['editor', editorBytes],
  ] as const) {
    console.log(
      `${name} first load on the wire: ${kb(r.wire)} in ${r.requests} requests (pages' own files ${kb(r.staticWire)} ${r.encodings.join('/')}, ${kb(r.staticDecoded)} decoded)`,
    );
  }
  await browser.close();
  await db.destroy();
  await app.close();
}

/** The section list is a side menu on wide screens and a drawer on narrow ones. */
async function openFromMenu(page: Page, base: string, appId: string, item: string): Promise<void> {
  await page.goto(`${base}/applications/${appId}`);
  await page.waitForSelector('[data-app-state]');
  if (await page.$('#sections-toggle')) {
    await page.click('#sections-toggle');
    await (await page.waitForSelector(`.ant-drawer ${item}`))!.evaluate((el) => (el as HTMLElement).click()); // the drawer may still slide in
    await page.waitForSelector('.ant-drawer-open', { hidden: true }).catch(() => undefined);
  } else await (await page.waitForSelector(item))!.click();
}

const openSection = async (page: Page, base: string, appId: string, key: string) => {
  await openFromMenu(page, base, appId, `[data-section="${key}"]`);
  await page.waitForSelector(`[id^="f-${key}-"]`);
};

const openReview = async (page: Page, base: string, appId: string) => {
  await openFromMenu(page, base, appId, '.ant-menu-item:last-child');
  await page.waitForSelector('.ant-steps');
};

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

/// <reference lib="dom" />
/**
 * CSRF and login CSRF in a real browser (issue 10, item 3). An attacker's page served from another
 * port of the same host (same-site: `SameSite=Lax` sends the session cookie along) and from
 * another origin (`localhost` against the app's `127.0.0.1`) posts plain HTML forms — urlencoded,
 * multipart, text/plain carrying JSON — and `fetch(no-cors, credentials: include)` to withdraw,
 * invite, reject and sign in. Nothing may change and no session cookie may be replaced; the app's
 * own JSON writes still work.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import request from 'supertest';
import { newPage, startBrowserWorld, type BrowserWorld } from '../support/browser';
import { createApplication, createOpenCycle, createUser, PASSWORD, registerApplicant, type Account } from '../support/factories';

jest.setTimeout(120_000);

let w: BrowserWorld;
let evil: Server;
let evilPort: number;

beforeAll(async () => {
  w = await startBrowserWorld();
  evil = createServer((_, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>prize draw</title><body></body>'),
  );
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilPort = (evil.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => evil?.close(resolve));
  await w?.close();
});

/** The attacker's pages: same host, other port (same-site); another host name (cross-site). */
const attackers = () =>
  [
    ['same-site (another port of 127.0.0.1)', `http://127.0.0.1:${evilPort}/`],
    ['cross-site (localhost)', `http://localhost:${evilPort}/`],
  ] as const;

interface Shot {
  path: string;
  /** JSON the API would take (carried by text/plain forms and no-cors fetches). */
  json: Record<string, unknown>;
}

/**
 * From the attacker's page: for each target, a urlencoded, a multipart and a text/plain form (the
 * last with the JSON smuggled in a field name) into hidden iframes, plus two no-cors fetches (no
 * body; the JSON as text/plain). Resolves when every form's frame has loaded and every fetch ended.
 */
async function fire(page: Page, api: string, shots: Shot[]): Promise<void> {
  await page.evaluate(
    async (api, shots) => {
      const jobs: Promise<unknown>[] = [];
      let n = 0;
      for (const { path, json } of shots) {
        const text = JSON.stringify(json);
        for (const enctype of ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']) {
          const frame = document.createElement('iframe');
          frame.name = `f${n++}`;
          document.body.appendChild(frame);
          const form = document.createElement('form');
          form.method = 'POST';
          form.action = api + path;
          form.enctype = enctype;
          form.target = frame.name;
          const fields: Array<[string, string]> =
            enctype === 'text/plain' ? [[text.slice(0, -1) + ',"x":"', '"}']] : Object.entries(json).map(([k, v]) => [k, String(v)]);
          for (const [name, value] of fields) {
            const input = document.createElement('input');
            input.type = 'hidden';
            input.name = name;
            input.value = value;
            form.appendChild(input);
          }
          document.body.appendChild(form);
          jobs.push(
            new Promise((resolve) => {
              frame.onload = resolve;
              setTimeout(resolve, 5000);
            }),
          );
          form.submit();
        }
        jobs.push(fetch(api + path, { method: 'POST', mode: 'no-cors', credentials: 'include' }).catch(() => undefined));
        jobs.push(fetch(api + path, { method: 'POST', mode: 'no-cors', credentials: 'include', body: text }).catch(() => undefined));
      }
      await Promise.all(jobs);
    },
    api,
    shots,
  );
}

/** A top-level form post from the attacker's page (a navigation: its Set-Cookie would stick). */
async function topLevelLogin(page: Page, api: string, email: string): Promise<void> {
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate(
      (action, email, password) => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = action;
        for (const [name, value] of [
          ['email', email],
          ['password', password],
        ]) {
          const input = document.createElement('input');
          input.name = name;
          input.value = value;
          form.appendChild(input);
        }
        document.body.appendChild(form);
        form.submit();
      },
      `${api}/api/auth/login`,
      email,
      PASSWORD,
    ),
  ]);
}

/** Signs in the way the app's own login page does: a JSON POST from the app's origin. */
async function appLogin(page: Page, email: string): Promise<void> {
  await page.goto(`${w.base}/login`);
  const status = await page.evaluate(
    async (email, password) => {
      const res = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      return res.status;
    },
    email,
    PASSWORD,
  );
  expect(status).toBe(200);
}

const sessionCookie = async (page: Page) => (await page.browserContext().cookies()).find((c) => c.name === 'topten_sid')?.value;

async function appJson(page: Page, method: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  await page.goto(`${w.base}/`);
  return page.evaluate(
    async (method, path, body) => {
      const res = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    method,
    path,
    body,
  );
}

const stateOf = async (id: string) => (await w.t.db.query('SELECT state FROM applications WHERE id = $1', [id])).rows[0].state;
const invitationsOf = async (orgId: string) =>
  (await w.t.db.query('SELECT count(*)::int AS n FROM invitations WHERE organisation_id = $1', [orgId])).rows[0].n;

/** An application made `submitted` directly (the way there is beside the point): staff may reject it. */
async function submittedEntry(owner: Account) {
  const app = await createApplication(w.t, owner, await createOpenCycle(w.t));
  const snap = await w.t.db.query(
    `INSERT INTO snapshots (application_id, canonical, sha256, created_by) VALUES ($1, '{}', encode(sha256('{}'), 'hex'), $2) RETURNING id`,
    [app.id, owner.userId],
  );
  await w.t.db.query(`UPDATE applications SET state = 'submitted', snapshot_id = $2 WHERE id = $1`, [app.id, snap.rows[0].id]);
  return app.id;
}

it('an attacker page on another port or another origin cannot withdraw, invite, reject or sign the victim in', async () => {
  const victim = await registerApplicant(w.t);
  const staff = await createUser(w.t, 'staff');
  const attacker = await registerApplicant(w.t);
  const draftId = (await createApplication(w.t, victim, await createOpenCycle(w.t))).id;
  const submittedId = await submittedEntry(victim);

  const applicantPage = await newPage(w);
  await appLogin(applicantPage, victim.email);
  const staffPage = await newPage(w);
  await appLogin(staffPage, staff.email);
  const applicantCookie = await sessionCookie(applicantPage);
  const staffCookie = await sessionCookie(staffPage);
  expect(applicantCookie && staffCookie).toBeTruthy();
  const invitationsBefore = await invitationsOf(victim.organisationId);

  for (const [, origin] of attackers()) {
    await applicantPage.goto(origin);
    await fire(applicantPage, w.base, [
      { path: `/api/applications/${draftId}/withdraw`, json: {} },
      { path: `/api/organisations/${victim.organisationId}/invitations`, json: { email: 'mole@evil.example' } },
      { path: '/api/auth/login', json: { email: attacker.email, password: PASSWORD } },
    ]);
    await applicantPage.goto(origin);
    await topLevelLogin(applicantPage, w.base, attacker.email);

    await staffPage.goto(origin);
    await fire(staffPage, w.base, [{ path: `/api/applications/${submittedId}/reject`, json: { reason: '伪造' } }]);
  }

  // nothing changed, checked through the API and the database
  const owner = (path: string) => request(w.t.http).get(path).auth(victim.token, { type: 'bearer' }).expect(200);
  expect((await owner(`/api/applications/${draftId}`)).body.state).toBe('draft');
  expect((await owner(`/api/applications/${submittedId}`)).body.state).toBe('submitted');
  expect(await stateOf(draftId)).toBe('draft');
  expect(await invitationsOf(victim.organisationId)).toBe(invitationsBefore);
  // the victim is still signed in as the victim, with the same session
  expect(await sessionCookie(applicantPage)).toBe(applicantCookie);
  expect(await sessionCookie(staffPage)).toBe(staffCookie);
  await applicantPage.goto(`${w.base}/`);
  const who = await applicantPage.evaluate(async () => (await (await fetch('/api/auth/me')).json()).user.email);
  expect(who).toBe(victim.email);

  // the app's own JSON writes still work, with the same cookies
  const invite = await appJson(applicantPage, 'POST', `/api/organisations/${victim.organisationId}/invitations`, {
    email: 'colleague@example.com',
  });
  expect(invite.status).toBe(201);
  const reject = await appJson(staffPage, 'POST', `/api/applications/${submittedId}/reject`, { reason: '材料不符' });
  expect(reject.status).toBe(200);
  expect(await stateOf(submittedId)).toBe('rejected');
  const withdraw = await appJson(applicantPage, 'POST', `/api/applications/${draftId}/withdraw`, {});
  expect(withdraw.status).toBe(200);
});

/** What the screenshots script and the page-load bench share to drive a running app: its JSON API and the sign-in page. */
import type { Page } from 'puppeteer-core';

/** A tiny JSON client (bearer token, If-Match "1"). */
export function jsonApi(base: string) {
  return async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        'If-Match': '"1"',
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? {} : res.json();
  };
}

/** Signs in through the page, as a person would, and waits for the applications page. */
export async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.waitForSelector('#login-email'); // the page first asks who is signed in
  await page.type('#login-email', email);
  await page.type('#login-password', password);
  await page.click('button[type=submit]');
  await page.waitForFunction(() => location.pathname === '/');
}

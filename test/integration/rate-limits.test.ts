/**
 * Sign-in, sign-up and reset limits: counted in Redis per client address and per account, shared
 * by every API instance, answered alike whether or not the e-mail has an account.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/bootstrap';
import { hashPassword } from '../../src/modules/identity/password';
import { PASSWORD } from '../support/factories';
import { postFrom, type Answer } from '../support/http-from';
import { startTestApp, type TestApp } from '../support/test-app';

const LIMIT = 3;
let t: TestApp;
let second: NestFastifyApplication;
let ports: [number, number];
let redis: Redis;

beforeAll(async () => {
  t = await startTestApp({ LOGIN_RATE_LIMIT: String(LIMIT) });
  // a second API instance of the same deployment: same database, same Redis, same prefix
  second = await createApp(t.config, { logger: false });
  await second.init();
  await t.app.listen(0, '127.0.0.1');
  await second.listen(0, '127.0.0.1');
  ports = [(t.app.getHttpServer().address() as AddressInfo).port, (second.getHttpServer().address() as AddressInfo).port];
  redis = new Redis(t.config.redisUrl);
});
afterAll(async () => {
  redis.disconnect();
  await second.close();
  await t.close();
});

let nextHost = 10;
/** A loopback address no other test has used, so no per-address count carries over. */
const freshIp = () => `127.0.${Math.floor(nextHost / 250)}.${(nextHost++ % 250) + 2}`;

async function userWith(email: string): Promise<void> {
  await t.db.query(`INSERT INTO users (email, name, password_hash, role) VALUES ($1, 'x', $2, 'applicant')`, [
    email,
    await hashPassword(PASSWORD),
  ]);
}
const login = (instance: 0 | 1, ip: string, email: string, password = 'a wrong passphrase') =>
  postFrom(ip, ports[instance], '/api/auth/login', { email, password });
const shape = (a: Answer) => ({ status: a.status, retryAfter: a.headers['retry-after'] !== undefined, body: a.body });

it('two instances share one count per account, whatever the client address', async () => {
  const email = `shared-${Date.now()}@example.com`;
  await userWith(email);
  // LIMIT wrong passwords spread over both instances and as many addresses
  const answers = [await login(0, freshIp(), email), await login(1, freshIp(), email), await login(0, freshIp(), email)];
  expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
  // the next attempt is refused on either instance, from yet another address, even with the right password
  const refused = await login(1, freshIp(), email, PASSWORD);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect(refused.body.code).toBe('too_many_requests');
  expect((await login(0, freshIp(), email.toUpperCase(), PASSWORD)).status).toBe(429);
  // another account is untouched
  const other = `other-${Date.now()}@example.com`;
  await userWith(other);
  expect((await login(0, freshIp(), other, PASSWORD)).status).toBe(200);
});

it('an unknown e-mail is counted and answered exactly like a known one', async () => {
  const known = `known-${Date.now()}@example.com`;
  await userWith(known);
  const unknown = `unknown-${Date.now()}@example.com`;
  const run = async (email: string) => {
    const out = [];
    for (let i = 0; i < LIMIT + 2; i++) out.push(shape(await login((i % 2) as 0 | 1, freshIp(), email)));
    return out;
  };
  const a = await run(known);
  const b = await run(unknown);
  expect(a).toEqual(b);
  expect(a.map((x) => x.status)).toEqual([401, 401, 401, 429, 429]);
});

it('counts per client address across accounts and instances', async () => {
  const ip = freshIp();
  const statuses = [];
  for (let i = 0; i < LIMIT + 1; i++) statuses.push((await login((i % 2) as 0 | 1, ip, `spray-${i}-${Date.now()}@example.com`)).status);
  expect(statuses).toEqual([401, 401, 401, 429]);
});

it('limits registrations per address and reset requests per address and per account', async () => {
  const ip = freshIp();
  const reg = [];
  for (let i = 0; i < LIMIT + 1; i++) {
    reg.push(
      (
        await postFrom(ip, ports[i % 2], '/api/auth/register', {
          email: `reg-${i}-${Date.now()}@example.com`,
          password: PASSWORD,
          name: '李雷',
          organisationName: `单位 ${i}`,
        })
      ).status,
    );
  }
  expect(reg).toEqual([201, 201, 201, 429]);

  const email = `reset-${Date.now()}@example.com`;
  const resets = [];
  for (let i = 0; i < LIMIT + 1; i++) resets.push((await postFrom(freshIp(), ports[i % 2], '/api/auth/password-reset', { email })).status);
  expect(resets).toEqual([202, 202, 202, 429]);
  const sameIp = freshIp();
  const perIp = [];
  for (let i = 0; i < LIMIT + 1; i++)
    perIp.push((await postFrom(sameIp, ports[i % 2], '/api/auth/password-reset', { email: `r${i}-${email}` })).status);
  expect(perIp).toEqual([202, 202, 202, 429]);
});

it('keeps its counters under the deployment’s prefix, with e-mails hashed', async () => {
  const keys = await redis.keys(`${t.config.queuePrefix}:ratelimit:*`);
  expect(keys.length).toBeGreaterThan(0);
  expect(keys.some((k) => k.includes(':login:account:'))).toBe(true);
  expect(keys.every((k) => !k.includes('@'))).toBe(true);
});

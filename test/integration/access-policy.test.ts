/**
 * The application access policy asked about sets of ids, against the real database: 1,000 ids in
 * one call are answered with one query for every kind of caller — members, another
 * organisation, a judge (with and without a membership row the API would refuse), staff, admin —
 * on sets mixing own and foreign entries, unknown ids and strings that are not UUIDs.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Actor } from '../../src/common/auth/actor';
import type { Role } from '../../src/common/auth/roles';
import type { DomainError } from '../../src/common/errors/domain-error';
import {
  APPLICATION_PERMISSIONS,
  ApplicationAccessPolicy,
  type ApplicationPermission,
} from '../../src/modules/applications/application-access.policy';
import { createOpenCycle, createUser, inviteMember, registerApplicant, type Account } from '../support/factories';
import { inTransaction } from '../support/db';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let policy: ApplicationAccessPolicy;
const actors = {} as Record<'owner' | 'member' | 'other' | 'judge' | 'judgeMember' | 'staff' | 'staffMember' | 'admin', Actor>;
let own: string[];
let foreign: string[];
const unknown = randomUUID();
const notUuids = ['not-a-uuid', "' OR TRUE --", '', '00000000-0000-0000-0000-00000000000g'];

const actor = (a: Account, role: Role): Actor => ({ userId: a.userId, sessionId: '', email: a.email, name: role, role });

/** Many entries of one organisation, straight into the database (one category each: one live entry per organisation × category). */
async function entries(orgId: string, createdBy: string, cycleId: string, n: number, tag: string): Promise<string[]> {
  const { rows } = await t.db.query(
    `WITH k AS (
       INSERT INTO categories (cycle_id, code, name_zh, name_en)
       SELECT $1, $2 || i, '类别' || i, 'Category ' || i FROM generate_series(1, $3::int) i RETURNING id, code
     )
     INSERT INTO applications (organisation_id, cycle_id, category_id, entry_code, state, nomination, created_by)
     SELECT $4, $1, k.id, 'P-' || k.code, 'draft', '{"type":"self"}', $5 FROM k RETURNING id`,
    [cycleId, tag, n, orgId, createdBy],
  );
  return rows.map((r) => r.id);
}

/** Runs `fn` counting the statements every pg client of this process sends (TypeORM's pool and the app's Sql alike). */
async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    const result = await fn();
    return { result, queries: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

async function forceMembership(orgId: string, userId: string): Promise<void> {
  await inTransaction(t.db, async (c) => {
    await c.query('ALTER TABLE memberships DISABLE TRIGGER memberships_applicants_only');
    await c.query(`INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, 'member')`, [orgId, userId]);
    await c.query('ALTER TABLE memberships ENABLE TRIGGER memberships_applicants_only');
  });
}

beforeAll(async () => {
  t = await startTestApp();
  policy = t.app.get(ApplicationAccessPolicy);
  const cycle = await createOpenCycle(t);
  const owner = await registerApplicant(t);
  const member = await inviteMember(t, owner);
  const other = await registerApplicant(t);
  const judgeMember = await createUser(t, 'judge');
  const staffMember = await createUser(t, 'staff');
  await forceMembership(owner.organisationId, judgeMember.userId);
  await forceMembership(owner.organisationId, staffMember.userId);
  Object.assign(actors, {
    owner: actor(owner, 'applicant'),
    member: actor(member, 'applicant'),
    other: actor(other, 'applicant'),
    judge: actor(await createUser(t, 'judge'), 'judge'),
    judgeMember: actor(judgeMember, 'judge'),
    staff: actor(await createUser(t, 'staff'), 'staff'),
    staffMember: actor(staffMember, 'staff'),
    admin: actor(await createUser(t, 'admin'), 'admin'),
  });
  own = await entries(owner.organisationId, owner.userId, cycle.cycleId, 600, 'own');
  foreign = await entries(other.organisationId, other.userId, cycle.cycleId, 1000 - 600 - 1 - notUuids.length, 'foreign');
}, 120_000);
afterAll(() => t.close());

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('checkAccess: 1,000 ids, one query, for every caller', () => {
  const expected: Record<keyof typeof actors, Record<ApplicationPermission, () => string[]>> = {
    owner: { read: () => own, write: () => own, manage: () => [] },
    member: { read: () => own, write: () => own, manage: () => [] },
    other: { read: () => foreign, write: () => foreign, manage: () => [] },
    // judges read nothing until review rounds assign entries; a membership row of a judge or staff account grants nothing
    judge: { read: () => [], write: () => [], manage: () => [] },
    judgeMember: { read: () => [], write: () => [], manage: () => [] },
    staff: { read: () => [...own, ...foreign], write: () => [], manage: () => [...own, ...foreign] },
    staffMember: { read: () => [...own, ...foreign], write: () => [], manage: () => [...own, ...foreign] },
    admin: { read: () => [...own, ...foreign], write: () => [], manage: () => [...own, ...foreign] },
  };

  const cases = Object.keys(expected).flatMap((who) =>
    APPLICATION_PERMISSIONS.map((p) => [who, p] as [keyof typeof actors, ApplicationPermission]),
  );
  it.each(cases)('%s × %s', async (who, permission) => {
    const ids = new Set([...own, ...foreign, unknown, ...notUuids]);
    expect(ids.size).toBe(1000);
    const { result, queries } = await counted(() => policy.checkAccess(actors[who], permission, ids));
    expect(queries).toBe(1);
    expect(sorted(result)).toEqual(sorted(expected[who][permission]()));
  });

  it('write and manage never exceed read, for every caller', async () => {
    const ids = new Set([...own, ...foreign]);
    for (const a of Object.values(actors)) {
      const read = await policy.checkAccess(a, 'read', ids);
      for (const p of ['write', 'manage'] as const) for (const id of await policy.checkAccess(a, p, ids)) expect(read.has(id)).toBe(true);
    }
  });
});

describe('checkAccess: edges', () => {
  it('a set of only non-UUID strings (or none) is answered without a query', async () => {
    for (const ids of [new Set(notUuids), new Set<string>()]) {
      const { result, queries } = await counted(() => policy.checkAccess(actors.staff, 'read', ids));
      expect(queries).toBe(0);
      expect(result.size).toBe(0);
    }
  });

  it('an unknown id is granted to nobody, staff included', async () => {
    for (const a of Object.values(actors)) expect((await policy.checkAccess(a, 'read', new Set([unknown]))).size).toBe(0);
  });

  it('answers with the ids as asked (upper-case UUIDs included)', async () => {
    const upper = own[0].toUpperCase();
    const result = await policy.checkAccess(actors.owner, 'read', new Set([upper, own[1], foreign[0]]));
    expect(sorted(result)).toEqual(sorted([upper, own[1]]));
  });

  it('a mixed set of own and foreign ids grants exactly the own ones', async () => {
    const mixed = new Set([own[5], foreign[5], own[6], foreign[6], unknown, 'x']);
    const { result, queries } = await counted(() => policy.checkAccess(actors.member, 'write', mixed));
    expect(queries).toBe(1);
    expect(sorted(result)).toEqual(sorted([own[5], own[6]]));
  });
});

describe('require: one entry, not found unless readable, forbidden when readable without the permission', () => {
  it.each([
    ['owner', 'write', 'granted'],
    ['other', 'read', 'not_found'],
    ['judge', 'read', 'not_found'],
    ['judgeMember', 'read', 'not_found'],
    ['staff', 'read', 'granted'],
    ['staff', 'write', 'forbidden'],
    ['staffMember', 'write', 'forbidden'],
    ['owner', 'manage', 'forbidden'],
    ['admin', 'manage', 'granted'],
  ] as const)('%s × %s → %s', async (who, permission, outcome) => {
    const { result, queries } = await counted(() =>
      policy.require(actors[who], permission, own[0]).then(
        () => ({ granted: true }),
        (e: DomainError) => ({ granted: false, kind: e.kind }),
      ),
    );
    expect(queries).toBe(1);
    if (outcome === 'granted') {
      expect(result.granted).toBe(true);
    } else {
      expect(result).toEqual({ granted: false, kind: outcome });
    }
  });

  it('a string that is not a UUID is 404 without a query', async () => {
    const { queries } = await counted(() => policy.require(actors.staff, 'read', 'nope').catch(() => undefined));
    expect(queries).toBe(0);
  });
});

/**
 * Authorization as a matrix: every route × every kind of caller × ownership. A route the app
 * serves that is missing here fails the inventory test, so new routes must declare who may call.
 *
 * Callers: anonymous; an applicant of another organisation; the owning organisation's owner and a
 * member; a judge; staff; admin. "Not yours" is 404; "yours to see, not to do" is 403.
 *
 * Plus a judge who owns the organisation and a staff account who is a member of it, their rows
 * put straight into the database (the API and a trigger refuse to make them): only applicant
 * accounts are members, so each answers exactly as a plain judge or staff account would.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { routesOf } from '../../src/bootstrap';
import { dossierTemplate } from '../../src/modules/dossiers/dossier-template';
import {
  createApplication,
  createOpenCycle,
  createUser,
  inviteMember,
  PASSWORD,
  registerApplicant,
  type Account,
  type OpenCycle,
} from '../support/factories';
import { attachmentRow } from '../support/complete-entry';
import { createRound, entryIn, roundBody } from '../support/judging';
import { StorageService } from '../../src/infra/storage/storage.service';
import { pngFile } from '../support/sample-files';
import { inTransaction } from '../support/db';
import { startTestApp, type TestApp } from '../support/test-app';

const BASE_CALLERS = ['anonymous', 'other', 'owner', 'member', 'judge', 'staff', 'admin'] as const;
const MEMBER_CALLERS = ['judgeMember', 'staffMember'] as const;
/**
 * Judges of review rounds, asked only by the rows that name them (assignment and review routes):
 * assigned in an open round before accepting the cycle's confidentiality terms, assigned with the
 * terms accepted, and assigned in a round that has closed. (`judge` is on no panel.)
 */
const ROUND_JUDGES = ['judgeEarly', 'judgeAssigned', 'judgeClosed'] as const;
const CALLERS = [...BASE_CALLERS, ...MEMBER_CALLERS, ...ROUND_JUDGES] as const;
type Caller = (typeof CALLERS)[number];
type RoundJudge = (typeof ROUND_JUDGES)[number];
/** judgeMember / staffMember default to the judge's / staff's answer. */
type Expect = Record<(typeof BASE_CALLERS)[number], number> & Partial<Record<(typeof MEMBER_CALLERS)[number] | RoundJudge, number>>;
const expected = (e: Expect, caller: Caller): number =>
  e[caller] ?? e[caller === 'judgeMember' || (ROUND_JUDGES as readonly string[]).includes(caller) ? 'judge' : 'staff'];
/** The callers a row is asked as: every base and member caller, and the round judges it names. */
const callersOf = (row: { expect: Expect }): Caller[] =>
  CALLERS.filter((c) => !(ROUND_JUDGES as readonly string[]).includes(c) || row.expect[c as RoundJudge] !== undefined);

interface World {
  t: TestApp;
  accounts: Record<Exclude<Caller, 'anonymous'>, Account>;
  orgId: string;
  appId: string;
  cycle: OpenCycle;
  /** A snapshot row of the owner's application (its content is beside the point here). */
  snapshotId: string;
  /** A second application of the owner's, sealed (its dossier is never rendered here: no worker). */
  sealedAppId: string;
  /** A finished export row. */
  exportId: string;
  /** Judging: a rubric (no judge of the matrix is on a panel using it). */
  rubricId: string;
  /** A draft round of `cycle` (no entry of the cycle is accepted, so opening it is refused with 409). */
  roundId: string;
  /** Review rounds of their own cycles: one open (judgeEarly and judgeAssigned on it), one closed (judgeClosed). */
  openRoundId: string;
  openEntry: { appId: string; orgId: string };
  /** Each round judge's assignment. */
  assignmentOf: Record<RoundJudge, string>;
  /** An attachment cited by the open round's entry's snapshot (with bytes in the store). */
  entryAttachmentId: string;
}

interface Row {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express route pattern as the app registers it. */
  route: string;
  expect: Expect;
  /** Builds the concrete request for one caller (fresh ids, bodies and ETags as needed). */
  call: (
    w: World,
    caller: Caller,
  ) => Promise<{ path: string; body?: unknown; headers?: Record<string, string>; upload?: { kind: string; file: Buffer; name: string } }>;
}

const all = (status: number): Expect => Object.fromEntries(BASE_CALLERS.map((c) => [c, status])) as Expect;
const signedIn = (status: number): Expect => ({ ...all(status), anonymous: 401 });
const staffOnly = (status: number): Expect => ({
  anonymous: 401,
  other: 403,
  owner: 403,
  member: 403,
  judge: 403,
  staff: status,
  admin: status,
});
/** The judge's own routes: judges only (admin is not a judge). */
const judgeOnly = (status: number): Expect => ({ ...staffOnly(403), judge: status });
/** Reading the owner's application: its organisation and staff. */
const entryRead: Expect = { anonymous: 401, other: 404, owner: 200, member: 200, judge: 404, staff: 200, admin: 200 };
/** Writing it: its organisation only; staff see it, so 403. */
const entryWrite: Expect = { anonymous: 401, other: 404, owner: 200, member: 200, judge: 404, staff: 403, admin: 403 };
const unique = () => randomBytes(4).toString('hex');

async function appEtag(w: World): Promise<string> {
  const { rows } = await w.t.db.query('SELECT version FROM applications WHERE id = $1', [w.appId]);
  return `"${rows[0].version}"`;
}
async function sectionEtag(w: World, key: string): Promise<string> {
  const { rows } = await w.t.db.query('SELECT version FROM application_sections WHERE application_id = $1 AND section_key = $2', [
    w.appId,
    key,
  ]);
  return `"${rows[0].version}"`;
}

const ROWS: Row[] = [
  {
    method: 'post',
    route: '/api/auth/register',
    expect: all(201),
    call: async () => ({
      path: '/api/auth/register',
      body: { email: `r-${unique()}@example.com`, password: PASSWORD, name: '新用户', organisationName: `单位 ${unique()}` },
    }),
  },
  {
    method: 'post',
    route: '/api/auth/login',
    expect: all(200),
    call: async (w) => ({ path: '/api/auth/login', body: { email: w.accounts.owner.email, password: PASSWORD } }),
  },
  {
    method: 'post',
    route: '/api/auth/password-reset',
    expect: all(202),
    call: async (w) => ({ path: '/api/auth/password-reset', body: { email: w.accounts.owner.email } }),
  },
  {
    // public; an unknown token is refused the same for everyone
    method: 'post',
    route: '/api/auth/password-reset/confirm',
    expect: all(400),
    call: async () => ({ path: '/api/auth/password-reset/confirm', body: { token: 'x'.repeat(43), password: PASSWORD } }),
  },
  { method: 'post', route: '/api/auth/logout', expect: signedIn(204), call: async () => ({ path: '/api/auth/logout' }) },
  { method: 'get', route: '/api/auth/me', expect: signedIn(200), call: async () => ({ path: '/api/auth/me' }) },
  { method: 'get', route: '/api/users', expect: staffOnly(200), call: async () => ({ path: '/api/users' }) },
  {
    method: 'patch',
    route: '/api/users/:id/role',
    expect: { ...staffOnly(200), staff: 403 },
    call: async (w) => ({ path: `/api/users/${(await createUser(w.t, 'applicant')).userId}/role`, body: { role: 'judge' } }),
  },
  { method: 'get', route: '/api/organisations', expect: staffOnly(200), call: async () => ({ path: '/api/organisations' }) },
  { method: 'get', route: '/api/organisations/:id', expect: entryRead, call: async (w) => ({ path: `/api/organisations/${w.orgId}` }) },
  {
    method: 'patch',
    route: '/api/organisations/:id',
    expect: { ...entryWrite, member: 403 },
    call: async (w) => ({ path: `/api/organisations/${w.orgId}`, body: { parentGroup: '示例集团' } }),
  },
  {
    method: 'patch',
    route: '/api/organisations/:id/member-unit',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/organisations/${w.orgId}/member-unit`, body: { memberUnit: true } }),
  },
  {
    method: 'post',
    route: '/api/organisations/:id/invitations',
    expect: { ...entryWrite, owner: 201, member: 403 },
    call: async (w) => ({ path: `/api/organisations/${w.orgId}/invitations`, body: { email: `i-${unique()}@example.com` } }),
  },
  {
    method: 'get',
    route: '/api/organisations/:id/invitations',
    expect: { ...entryWrite, member: 403 },
    call: async (w) => ({ path: `/api/organisations/${w.orgId}/invitations` }),
  },
  {
    // a fresh pending invitation per caller: only the owner revokes it
    method: 'delete',
    route: '/api/organisations/:id/invitations/:invitationId',
    expect: { ...entryWrite, owner: 204, member: 403 },
    call: async (w) => {
      const inv = await request(w.t.http)
        .post(`/api/organisations/${w.orgId}/invitations`)
        .auth(w.accounts.owner.token, { type: 'bearer' })
        .send({ email: `r-${unique()}@example.com` })
        .expect(201);
      return { path: `/api/organisations/${w.orgId}/invitations/${inv.body.id}` };
    },
  },
  {
    // public; signed-in callers hold a different e-mail than the invited one
    method: 'post',
    route: '/api/invitations/:token/accept',
    expect: { ...all(403), anonymous: 201 },
    call: async (w) => {
      const inv = await request(w.t.http)
        .post(`/api/organisations/${w.orgId}/invitations`)
        .auth(w.accounts.owner.token, { type: 'bearer' })
        .send({ email: `a-${unique()}@example.com` })
        .expect(201);
      return { path: `/api/invitations/${inv.body.token}/accept`, body: { name: '新同事', password: PASSWORD } };
    },
  },
  { method: 'get', route: '/api/cycles', expect: signedIn(200), call: async () => ({ path: '/api/cycles' }) },
  { method: 'get', route: '/api/cycles/:id', expect: signedIn(200), call: async (w) => ({ path: `/api/cycles/${w.cycle.cycleId}` }) },
  {
    method: 'post',
    route: '/api/cycles',
    expect: staffOnly(201),
    call: async () => ({
      path: '/api/cycles',
      body: {
        name: `周期 ${unique()}`,
        opensAt: '2026-01-01T00:00:00+08:00',
        submissionDeadline: '2099-01-01T00:00:00+08:00',
        categories: [],
      },
    }),
  },
  {
    method: 'patch',
    route: '/api/cycles/:id',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/cycles/${w.cycle.cycleId}`, body: { timeZone: 'Asia/Shanghai' } }),
  },
  {
    method: 'post',
    route: '/api/cycles/:id/categories',
    expect: staffOnly(201),
    call: async (w) => ({
      path: `/api/cycles/${w.cycle.cycleId}/categories`,
      body: { code: `c_${unique()}`, nameZh: '类别', nameEn: 'Category' },
    }),
  },
  {
    method: 'post',
    route: '/api/applications',
    expect: { anonymous: 401, other: 201, owner: 201, member: 201, judge: 403, staff: 403, admin: 403 },
    call: async (w) => {
      const c = await createOpenCycle(w.t);
      return { path: '/api/applications', body: { cycleId: c.cycleId, categoryId: c.categoryId, nomination: { type: 'self' } } };
    },
  },
  { method: 'get', route: '/api/applications', expect: signedIn(200), call: async () => ({ path: '/api/applications' }) },
  { method: 'get', route: '/api/applications/:id', expect: entryRead, call: async (w) => ({ path: `/api/applications/${w.appId}` }) },
  {
    method: 'patch',
    route: '/api/applications/:id',
    expect: entryWrite,
    call: async (w) => ({
      path: `/api/applications/${w.appId}`,
      body: { nomination: { type: 'self' } },
      headers: { 'If-Match': await appEtag(w) },
    }),
  },
  {
    method: 'get',
    route: '/api/applications/:id/completeness',
    expect: entryRead,
    call: async (w) => ({ path: `/api/applications/${w.appId}/completeness` }),
  },
  {
    method: 'get',
    route: '/api/applications/:id/sections/:key',
    expect: entryRead,
    call: async (w) => ({ path: `/api/applications/${w.appId}/sections/strategy` }),
  },
  {
    method: 'put',
    route: '/api/applications/:id/sections/:key',
    expect: entryWrite,
    call: async (w) => ({
      path: `/api/applications/${w.appId}/sections/strategy`,
      body: { culture: { mission: '使命' } },
      headers: { 'If-Match': await sectionEtag(w, 'strategy') },
    }),
  },
  {
    method: 'patch',
    route: '/api/applications/:id/sections/:key',
    expect: entryWrite,
    call: async (w) => ({
      path: `/api/applications/${w.appId}/sections/strategy`,
      body: { culture: { vision: '愿景' } },
      headers: { 'If-Match': await sectionEtag(w, 'strategy') },
    }),
  },
  // --- the life cycle: authorization passes when the answer is about content or state (422/409) ---
  {
    method: 'post',
    route: '/api/applications/:id/seal',
    expect: { ...entryWrite, owner: 422, member: 422 },
    call: async (w) => ({ path: `/api/applications/${w.appId}/seal`, body: {} }),
  },
  {
    method: 'post',
    route: '/api/applications/:id/unseal',
    expect: { ...entryWrite, owner: 409, member: 409 },
    call: async (w) => ({ path: `/api/applications/${w.appId}/unseal`, body: {} }),
  },
  {
    method: 'post',
    route: '/api/applications/:id/submit',
    expect: { ...entryWrite, owner: 409, member: 409 },
    call: async (w) => ({ path: `/api/applications/${w.appId}/submit`, body: {} }),
  },
  {
    method: 'post',
    route: '/api/applications/:id/withdraw',
    expect: entryWrite,
    call: async (w) => ({
      path: `/api/applications/${(await createApplication(w.t, w.accounts.owner, await createOpenCycle(w.t))).id}/withdraw`,
      body: {},
    }),
  },
  {
    method: 'post',
    route: '/api/applications/:id/accept',
    expect: staffOnly(409),
    call: async (w) => ({ path: `/api/applications/${w.appId}/accept`, body: {} }),
  },
  {
    method: 'post',
    route: '/api/applications/:id/return',
    expect: staffOnly(409),
    call: async (w) => ({ path: `/api/applications/${w.appId}/return`, body: { reason: '补充材料' } }),
  },
  {
    method: 'post',
    route: '/api/applications/:id/reject',
    expect: staffOnly(409),
    call: async (w) => ({ path: `/api/applications/${w.appId}/reject`, body: {} }),
  },
  {
    method: 'post',
    route: '/api/applications/:id/extension',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/applications/${w.appId}/extension`, body: { until: '2099-01-01T00:00:00+08:00', reason: '测试' } }),
  },
  {
    method: 'post',
    route: '/api/applications/:id/attachments',
    expect: { ...entryWrite, owner: 201, member: 201 },
    call: async (w) => ({
      path: `/api/applications/${w.appId}/attachments`,
      upload: { kind: 'org_chart', file: pngFile(), name: 'chart.png' },
    }),
  },
  {
    method: 'get',
    route: '/api/applications/:id/attachments',
    expect: entryRead,
    call: async (w) => ({ path: `/api/applications/${w.appId}/attachments` }),
  },
  {
    method: 'get',
    route: '/api/applications/:id/attachments/:attId',
    expect: { ...entryRead, owner: 302, member: 302, staff: 302, admin: 302 },
    call: async (w) => ({
      path: `/api/applications/${w.appId}/attachments/${await attachmentRow(w.t, w.appId, w.accounts.owner, 'org_chart')}`,
    }),
  },
  {
    method: 'delete',
    route: '/api/applications/:id/attachments/:attId',
    expect: { ...entryWrite, owner: 204, member: 204 },
    call: async (w) => ({
      path: `/api/applications/${w.appId}/attachments/${await attachmentRow(w.t, w.appId, w.accounts.owner, 'org_chart')}`,
    }),
  },
  {
    method: 'get',
    route: '/api/applications/:id/snapshots',
    expect: entryRead,
    call: async (w) => ({ path: `/api/applications/${w.appId}/snapshots` }),
  },
  { method: 'get', route: '/api/snapshots/:id', expect: entryRead, call: async (w) => ({ path: `/api/snapshots/${w.snapshotId}` }) },
  {
    method: 'get',
    route: '/api/snapshots/:id/verify',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/snapshots/${w.snapshotId}/verify` }),
  },
  { method: 'get', route: '/api/audit', expect: staffOnly(200), call: async (w) => ({ path: `/api/audit?applicationId=${w.appId}` }) },
  { method: 'get', route: '/api/audit/export.csv', expect: staffOnly(200), call: async () => ({ path: '/api/audit/export.csv' }) },
  {
    method: 'get',
    route: '/api/applications/:id/dossier',
    expect: { ...entryRead, owner: 202, member: 202, staff: 202, admin: 202 },
    call: async (w) => ({ path: `/api/applications/${w.sealedAppId}/dossier` }),
  },
  {
    method: 'get',
    route: '/api/applications/:id/dossier/status',
    expect: entryRead,
    call: async (w) => ({ path: `/api/applications/${w.sealedAppId}/dossier/status` }),
  },
  {
    // each caller's own copy has failed (the applicant copy for the organisation, the staff copy for staff)
    method: 'post',
    route: '/api/applications/:id/dossier/retry',
    expect: { ...entryRead, owner: 202, member: 202, staff: 202, admin: 202 },
    call: async (w) => {
      await w.t.db.query(
        `INSERT INTO dossiers (snapshot_id, variant, template_version, status, error)
         SELECT a.snapshot_id, v, $2, 'failed', 'matrix' FROM applications a, unnest(ARRAY['applicant', 'staff']) v WHERE a.id = $1
         ON CONFLICT (snapshot_id, variant, viewer, template_version) DO UPDATE SET status = 'failed', error = 'matrix'`,
        [w.sealedAppId, dossierTemplate().version],
      );
      return { path: `/api/applications/${w.sealedAppId}/dossier/retry`, body: {} };
    },
  },
  {
    method: 'post',
    route: '/api/exports/dossiers',
    expect: staffOnly(202),
    call: async (w) => ({ path: '/api/exports/dossiers', body: { cycleId: w.cycle.cycleId } }),
  },
  { method: 'get', route: '/api/exports/:id', expect: staffOnly(200), call: async (w) => ({ path: `/api/exports/${w.exportId}` }) },
  {
    method: 'get',
    route: '/api/exports/:id/download',
    expect: staffOnly(302),
    call: async (w) => ({ path: `/api/exports/${w.exportId}/download` }),
  },
  // --- judging (issue 14) ---
  { method: 'get', route: '/api/rubrics/presets', expect: staffOnly(200), call: async () => ({ path: '/api/rubrics/presets' }) },
  { method: 'get', route: '/api/rubrics', expect: staffOnly(200), call: async () => ({ path: '/api/rubrics' }) },
  {
    method: 'post',
    route: '/api/rubrics',
    expect: staffOnly(201),
    call: async () => ({ path: '/api/rubrics', body: { name: `评分表 ${unique()}`, preset: 'top-ten-default' } }),
  },
  {
    // judges read the rubric of a round whose panel they are on; this judge is on none
    method: 'get',
    route: '/api/rubrics/:id',
    expect: { ...staffOnly(200), judge: 404 },
    call: async (w) => ({ path: `/api/rubrics/${w.rubricId}` }),
  },
  {
    // a rubric of its own each call (the matrix's rubric is used by open rounds: fixed)
    method: 'put',
    route: '/api/rubrics/:id',
    expect: staffOnly(200),
    call: async (w) => {
      const staff = (path: string) => request(w.t.http).get(path).auth(w.accounts.staff.token, { type: 'bearer' }).expect(200);
      const created = await request(w.t.http)
        .post('/api/rubrics')
        .auth(w.accounts.staff.token, { type: 'bearer' })
        .send({ name: `评分表 ${unique()}`, preset: 'top-ten-default' })
        .expect(201);
      const { tree } = (await staff(`/api/rubrics/${created.body.id}`)).body;
      return { path: `/api/rubrics/${created.body.id}`, body: { name: `改 ${unique()}`, tree } };
    },
  },
  {
    method: 'post',
    route: '/api/cycles/:id/rounds',
    expect: staffOnly(201),
    call: async (w) => ({ path: `/api/cycles/${w.cycle.cycleId}/rounds`, body: roundBody(w.rubricId) }),
  },
  {
    method: 'get',
    route: '/api/cycles/:id/rounds',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/cycles/${w.cycle.cycleId}/rounds` }),
  },
  { method: 'get', route: '/api/rounds/:id', expect: staffOnly(200), call: async (w) => ({ path: `/api/rounds/${w.roundId}` }) },
  {
    method: 'patch',
    route: '/api/rounds/:id',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/rounds/${w.roundId}`, body: { name: `R1 ${unique()}`, reviewsPerApplication: 2 } }),
  },
  {
    // authorised callers reach the state rules: no accepted entry to open with, a draft cannot close
    method: 'post',
    route: '/api/rounds/:id/open',
    expect: staffOnly(409),
    call: async (w) => ({ path: `/api/rounds/${w.roundId}/open`, body: {} }),
  },
  {
    method: 'post',
    route: '/api/rounds/:id/close',
    expect: staffOnly(409),
    call: async (w) => ({ path: `/api/rounds/${w.roundId}/close`, body: {} }),
  },
  {
    method: 'post',
    route: '/api/judges/invitations',
    expect: staffOnly(201),
    call: async () => ({ path: '/api/judges/invitations', body: { email: `j-${unique()}@example.com`, name: '评审' } }),
  },
  {
    // public: whoever holds the token gets the new judge account
    method: 'post',
    route: '/api/judges/invitations/:token/accept',
    expect: all(201),
    call: async (w) => {
      const inv = await request(w.t.http)
        .post('/api/judges/invitations')
        .auth(w.accounts.staff.token, { type: 'bearer' })
        .send({ email: `ja-${unique()}@example.com`, name: '评审' })
        .expect(201);
      return { path: `/api/judges/invitations/${inv.body.inviteUrl.split('/').pop()}/accept`, body: { name: '评审', password: PASSWORD } };
    },
  },
  { method: 'get', route: '/api/judges/me', expect: judgeOnly(200), call: async () => ({ path: '/api/judges/me' }) },
  {
    method: 'patch',
    route: '/api/judges/me',
    expect: judgeOnly(200),
    call: async () => ({ path: '/api/judges/me', body: { capacity: 5 } }),
  },
  { method: 'get', route: '/api/judges/me/cycles', expect: judgeOnly(200), call: async () => ({ path: '/api/judges/me/cycles' }) },
  {
    method: 'post',
    route: '/api/rounds/:id/judges',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/rounds/${w.roundId}/judges`, body: { judgeIds: [w.accounts.judgeMember.userId] } }),
  },
  { method: 'get', route: '/api/judges', expect: staffOnly(200), call: async () => ({ path: '/api/judges' }) },
  {
    method: 'get',
    route: '/api/rounds/:id/judges',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/rounds/${w.roundId}/judges` }),
  },
  {
    // a fresh judge on the draft round's panel each call, with no assignment there
    method: 'delete',
    route: '/api/rounds/:id/judges/:judgeId',
    expect: staffOnly(204),
    call: async (w) => ({ path: `/api/rounds/${w.roundId}/judges/${await panelJudge(w, w.roundId)}` }),
  },
  {
    method: 'get',
    // a judge on the panel of one of the cycle's draft rounds (judges elsewhere: judging-judges.test.ts)
    route: '/api/cycles/:id/confidentiality',
    expect: { ...judgeOnly(200) },
    call: async (w) => {
      await onCyclePanel(w);
      return { path: `/api/cycles/${w.cycle.cycleId}/confidentiality` };
    },
  },
  {
    method: 'post',
    route: '/api/cycles/:id/confidentiality',
    expect: judgeOnly(201),
    call: async (w) => {
      await onCyclePanel(w);
      return { path: `/api/cycles/${w.cycle.cycleId}/confidentiality`, body: {} };
    },
  },
  {
    // on the panel and after the cycle's confidentiality terms (accepted here for both judge accounts)
    method: 'get',
    route: '/api/cycles/:id/entrants',
    expect: judgeOnly(200),
    call: async (w) => {
      await onCyclePanel(w);
      await acceptTerms(w, w.cycle.cycleId);
      return { path: `/api/cycles/${w.cycle.cycleId}/entrants` };
    },
  },
  {
    method: 'post',
    route: '/api/judges/me/conflicts',
    expect: judgeOnly(201),
    call: async (w) => {
      const entry = await entryIn(w.t, w.cycle, 'submitted');
      await onCyclePanel(w);
      await acceptTerms(w, w.cycle.cycleId);
      return { path: '/api/judges/me/conflicts', body: { organisationId: entry.orgId, kind: 'other' } };
    },
  },
  { method: 'get', route: '/api/judges/me/conflicts', expect: judgeOnly(200), call: async () => ({ path: '/api/judges/me/conflicts' }) },
  {
    method: 'get',
    route: '/api/rounds/:id/conflicts',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/rounds/${w.roundId}/conflicts` }),
  },
  {
    method: 'post',
    route: '/api/conflicts/:id/dismiss',
    expect: staffOnly(200),
    call: async (w) => {
      const { rows } = await w.t.db.query(
        `INSERT INTO conflicts (judge_id, organisation_id, cycle_id, source, kind, reason) VALUES ($1, $2, $3, 'inferred', 'group', 'matrix') RETURNING id`,
        [w.accounts.judge.userId, w.orgId, (await createOpenCycle(w.t)).cycleId],
      );
      return { path: `/api/conflicts/${rows[0].id}/dismiss`, body: { reason: '不成立' } };
    },
  },
  // --- the staff console (issue 13) ---
  {
    method: 'get',
    route: '/api/cycles/:id/entries',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/cycles/${w.cycle.cycleId}/entries?sort=completeness&order=asc&state=draft` }),
  },
  {
    method: 'get',
    route: '/api/cycles/:id/entries/export.xlsx',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/cycles/${w.cycle.cycleId}/entries/export.xlsx` }),
  },
  {
    method: 'get',
    route: '/api/cycles/:id/entries/export.csv',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/cycles/${w.cycle.cycleId}/entries/export.csv` }),
  },
  {
    method: 'get',
    route: '/api/cycles/:id/dashboard',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/cycles/${w.cycle.cycleId}/dashboard` }),
  },
  {
    method: 'patch',
    route: '/api/cycles/:id/categories/:categoryId',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/cycles/${w.cycle.cycleId}/categories/${w.cycle.categoryId}`, body: { nameEn: 'Omnichannel' } }),
  },
  {
    // the draft cannot be accepted: authorization passes when the answer is per entry
    method: 'post',
    route: '/api/applications/bulk',
    expect: staffOnly(200),
    call: async (w) => ({ path: '/api/applications/bulk', body: { action: 'accept', cycleId: w.cycle.cycleId, ids: [w.appId] } }),
  },
  {
    method: 'get',
    route: '/api/applications/:id/snapshots/diff',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/applications/${w.appId}/snapshots/diff?from=${w.snapshotId}&to=${w.snapshotId}` }),
  },
  {
    method: 'get',
    route: '/api/applications/:id/screening',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/applications/${w.sealedAppId}/screening` }),
  },
  {
    method: 'post',
    route: '/api/users/:id/disable',
    expect: { ...staffOnly(200), staff: 403 },
    call: async (w) => ({ path: `/api/users/${(await createUser(w.t, 'applicant')).userId}/disable`, body: { reason: '测试' } }),
  },
  {
    method: 'post',
    route: '/api/users/:id/enable',
    expect: { ...staffOnly(200), staff: 403 },
    call: async (w) => ({ path: `/api/users/${(await createUser(w.t, 'applicant')).userId}/enable`, body: {} }),
  },
  {
    method: 'post',
    route: '/api/users/:id/sign-out',
    expect: { ...staffOnly(200), staff: 403 },
    call: async (w) => ({ path: `/api/users/${(await createUser(w.t, 'applicant')).userId}/sign-out`, body: {} }),
  },
  // --- assignments (staff) and the judge's side of them
  {
    method: 'post',
    route: '/api/rounds/:id/assignments/auto',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/rounds/${w.openRoundId}/assignments/auto`, body: { dryRun: true } }),
  },
  {
    method: 'get',
    route: '/api/rounds/:id/assignments',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/rounds/${w.openRoundId}/assignments` }),
  },
  {
    method: 'post',
    route: '/api/rounds/:id/assignments',
    expect: staffOnly(201),
    call: async (w) => ({
      path: `/api/rounds/${w.openRoundId}/assignments`,
      body: { applicationId: w.openEntry.appId, judgeId: await panelJudge(w, w.openRoundId) },
    }),
  },
  {
    method: 'delete',
    route: '/api/assignments/:id',
    expect: staffOnly(204),
    call: async (w) => {
      const judgeId = await panelJudge(w, w.openRoundId);
      const { rows } = await w.t.db.query(`INSERT INTO assignments (round_id, application_id, judge_id) VALUES ($1, $2, $3) RETURNING id`, [
        w.openRoundId,
        w.openEntry.appId,
        judgeId,
      ]);
      return { path: `/api/assignments/${rows[0].id}` };
    },
  },
  {
    method: 'get',
    route: '/api/rounds/:id/assignments/matrix',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/rounds/${w.openRoundId}/assignments/matrix` }),
  },
  {
    method: 'get',
    route: '/api/rounds/:id/progress',
    expect: staffOnly(200),
    call: async (w) => ({ path: `/api/rounds/${w.openRoundId}/progress` }),
  },
  {
    method: 'post',
    route: '/api/rounds/:id/reminders',
    expect: staffOnly(202),
    call: async (w) => ({ path: `/api/rounds/${w.openRoundId}/reminders`, body: {} }),
  },
  {
    method: 'get',
    route: '/api/judge/assignments',
    expect: { ...judgeOnly(200), judgeEarly: 200, judgeAssigned: 200, judgeClosed: 200 },
    call: async () => ({ path: '/api/judge/assignments' }),
  },
  {
    method: 'get',
    route: '/api/assignments/:id',
    expect: { ...staffOnly(200), judge: 404, judgeEarly: 404, judgeAssigned: 200, judgeClosed: 200 },
    call: async (w, caller) => ({ path: `/api/assignments/${assignmentFor(w, caller)}` }),
  },
  {
    method: 'get',
    route: '/api/assignments/:id/attachments/:attachmentId',
    expect: { ...staffOnly(200), judge: 404, judgeEarly: 404, judgeAssigned: 200 },
    call: async (w, caller) => ({ path: `/api/assignments/${assignmentFor(w, caller)}/attachments/${w.entryAttachmentId}` }),
  },
  {
    method: 'get',
    route: '/api/assignments/:id/benchmark',
    expect: { ...staffOnly(200), judge: 404, judgeEarly: 404, judgeAssigned: 200, judgeClosed: 200 },
    call: async (w, caller) => ({ path: `/api/assignments/${assignmentFor(w, caller)}/benchmark` }),
  },
  {
    // no worker here: the judge copy is queued, so 202
    method: 'get',
    route: '/api/assignments/:id/dossier',
    expect: { ...judgeOnly(404), judgeEarly: 404, judgeAssigned: 202, judgeClosed: 202 },
    call: async (w, caller) => ({ path: `/api/assignments/${assignmentFor(w, caller)}/dossier` }),
  },
  {
    method: 'get',
    route: '/api/assignments/:id/review',
    expect: { ...judgeOnly(404), judgeEarly: 404, judgeAssigned: 200, judgeClosed: 200 },
    call: async (w, caller) => ({ path: `/api/assignments/${assignmentFor(w, caller)}/review` }),
  },
  {
    // a closed round's review is read-only: 409
    method: 'patch',
    route: '/api/assignments/:id/review',
    expect: { ...judgeOnly(404), judgeEarly: 404, judgeAssigned: 200, judgeClosed: 409 },
    call: async (w, caller) => {
      const id = assignmentFor(w, caller);
      const { rows } = await w.t.db.query('SELECT version FROM reviews WHERE assignment_id = $1', [id]);
      return {
        path: `/api/assignments/${id}/review`,
        body: { ratings: { strategy: 6 } },
        headers: { 'If-Match': `"${rows[0]?.version ?? 0}"` },
      };
    },
  },
  {
    // unrated criteria: 422 (the assigned judge got past every check)
    method: 'post',
    route: '/api/assignments/:id/review/submit',
    expect: { ...judgeOnly(404), judgeEarly: 404, judgeAssigned: 422, judgeClosed: 409 },
    call: async (w, caller) => ({ path: `/api/assignments/${assignmentFor(w, caller)}/review/submit`, body: {} }),
  },
  { method: 'get', route: '/api/form', expect: all(200), call: async () => ({ path: '/api/form' }) },
  { method: 'get', route: '/api/health', expect: all(200), call: async () => ({ path: '/api/health' }) },
];

let w: World;

/** A round judge's own assignment; everyone else asks for judgeAssigned's. */
const assignmentFor = (w: World, caller: Caller): string =>
  (ROUND_JUDGES as readonly string[]).includes(caller) ? w.assignmentOf[caller as RoundJudge] : w.assignmentOf.judgeAssigned;

/** A new judge account on the round's panel (for rows that need a fresh pair each call). */
async function panelJudge(w: World, roundId: string): Promise<string> {
  const judge = await createUser(w.t, 'judge');
  await w.t.db.query('INSERT INTO round_judges (round_id, judge_id) VALUES ($1, $2)', [roundId, judge.userId]);
  return judge.userId;
}

/** An open review round of a cycle of its own over one accepted entry. */
async function reviewRound(w: World): Promise<{ roundId: string; cycleId: string; entry: { appId: string; orgId: string } }> {
  const cycle = await createOpenCycle(w.t);
  const entry = await entryIn(w.t, cycle, 'accepted');
  const roundId = await createRound(w.t, w.accounts.staff, cycle.cycleId, w.rubricId);
  const staffPost = (path: string) => request(w.t.http).post(path).auth(w.accounts.staff.token, { type: 'bearer' }).send({}).expect(200);
  await staffPost(`/api/rounds/${roundId}/open`);
  return { roundId, cycleId: cycle.cycleId, entry: { appId: entry.appId, orgId: entry.orgId } };
}

/** The round judges: on the panels, assigned, terms accepted (judgeEarly not). */
async function roundJudges(w: World): Promise<void> {
  const open = await reviewRound(w);
  const closed = await reviewRound(w);
  w.openRoundId = open.roundId;
  w.openEntry = open.entry;
  const place = async (who: RoundJudge, round: typeof open, accept: boolean) => {
    const judgeId = w.accounts[who].userId;
    await w.t.db.query('INSERT INTO round_judges (round_id, judge_id) VALUES ($1, $2)', [round.roundId, judgeId]);
    if (accept)
      await w.t.db.query(
        `INSERT INTO confidentiality_acceptances (cycle_id, judge_id, terms_version, text_sha256) VALUES ($1, $2, 'matrix', 'matrix')`,
        [round.cycleId, judgeId],
      );
    const { rows } = await w.t.db.query(`INSERT INTO assignments (round_id, application_id, judge_id) VALUES ($1, $2, $3) RETURNING id`, [
      round.roundId,
      round.entry.appId,
      judgeId,
    ]);
    w.assignmentOf[who] = rows[0].id;
  };
  await place('judgeEarly', open, false);
  await place('judgeAssigned', open, true);
  await place('judgeClosed', closed, true);
  await request(w.t.http).post(`/api/rounds/${closed.roundId}/close`).auth(w.accounts.staff.token, { type: 'bearer' }).send({}).expect(200);
  // the open entry's snapshot cites one attachment whose bytes are in the store
  const { rows } = await w.t.db.query(
    `INSERT INTO attachments (application_id, kind, storage_key, size, sha256, content_type, original_name, uploaded_by)
     VALUES ($1, 'org_chart', $2, $4, repeat('a', 64), 'image/png', 'secret-name.png', $3) RETURNING id`,
    [open.entry.appId, `matrix/${unique()}`, w.accounts.owner.userId, pngFile(2, 2).length],
  );
  w.entryAttachmentId = rows[0].id;
  const key = (await w.t.db.query('SELECT storage_key FROM attachments WHERE id = $1', [w.entryAttachmentId])).rows[0].storage_key;
  await w.t.app.get(StorageService).putBuffer(key, pngFile(2, 2), 'image/png');
  // a new snapshot citing it (snapshots never change), made the entry's current one
  const snap = await w.t.db.query(
    `INSERT INTO snapshots (application_id, canonical, sha256, created_by) VALUES ($1, $2, repeat('b', 64), $3) RETURNING id`,
    [
      open.entry.appId,
      JSON.stringify({ attachments: [{ id: w.entryAttachmentId, kind: 'org_chart', sha256: 'a'.repeat(64) }] }),
      w.accounts.owner.userId,
    ],
  );
  await w.t.db.query('UPDATE applications SET snapshot_id = $2 WHERE id = $1', [open.entry.appId, snap.rows[0].id]);
}

/** Both judge accounts on the panel of the matrix cycle's draft round. */
async function onCyclePanel(w: World): Promise<void> {
  await w.t.db.query(`INSERT INTO round_judges (round_id, judge_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
    w.roundId,
    [w.accounts.judge.userId, w.accounts.judgeMember.userId],
  ]);
}

/** Both judge accounts accept the cycle's confidentiality terms (as the API would record it). */
async function acceptTerms(w: World, cycleId: string): Promise<void> {
  await w.t.db.query(
    `INSERT INTO confidentiality_acceptances (cycle_id, judge_id, terms_version, text_sha256)
     SELECT $1, unnest($2::uuid[]), 'matrix', 'matrix' ON CONFLICT DO NOTHING`,
    [cycleId, [w.accounts.judge.userId, w.accounts.judgeMember.userId]],
  );
}

beforeAll(async () => {
  const t = await startTestApp();
  const owner = await registerApplicant(t, '被测单位');
  const cycle = await createOpenCycle(t);
  w = {
    t,
    accounts: {
      owner,
      member: await inviteMember(t, owner),
      other: await registerApplicant(t, '另一家单位'),
      judge: await createUser(t, 'judge'),
      staff: await createUser(t, 'staff'),
      admin: await createUser(t, 'admin'),
      judgeMember: await createUser(t, 'judge'),
      judgeEarly: await createUser(t, 'judge'),
      judgeAssigned: await createUser(t, 'judge'),
      judgeClosed: await createUser(t, 'judge'),
      staffMember: await createUser(t, 'staff'),
    },
    orgId: owner.organisationId,
    appId: (await createApplication(t, owner, cycle)).id,
    cycle,
    snapshotId: '',
    sealedAppId: (await createApplication(t, owner, await createOpenCycle(t))).id,
    exportId: '',
    rubricId: '',
    roundId: '',
    openRoundId: '',
    openEntry: { appId: '', orgId: '' },
    assignmentOf: { judgeEarly: '', judgeAssigned: '', judgeClosed: '' },
    entryAttachmentId: '',
  };
  const snap = await t.db.query(
    `INSERT INTO snapshots (application_id, canonical, sha256, created_by) VALUES ($1, '{}', encode(sha256('{}'), 'hex'), $2) RETURNING id`,
    [w.appId, owner.userId],
  );
  w.snapshotId = snap.rows[0].id;
  const sealed = await t.db.query(
    `INSERT INTO snapshots (application_id, canonical, sha256, created_by) VALUES ($1, '{}', encode(sha256('{}'), 'hex'), $2) RETURNING id`,
    [w.sealedAppId, owner.userId],
  );
  await t.db.query(`UPDATE applications SET state = 'sealed', snapshot_id = $2 WHERE id = $1`, [w.sealedAppId, sealed.rows[0].id]);
  const exp = await t.db.query(
    `INSERT INTO exports (kind, cycle_id, requested_by, status, storage_key, completed_at) VALUES ('dossiers_zip', $1, $2, 'ready', 'exports/matrix.zip', now()) RETURNING id`,
    [cycle.cycleId, w.accounts.staff.userId],
  );
  w.exportId = exp.rows[0].id;
  w.rubricId = (
    await request(t.http)
      .post('/api/rubrics')
      .auth(w.accounts.staff.token, { type: 'bearer' })
      .send({ name: '矩阵评分表', preset: 'top-ten-default' })
      .expect(201)
  ).body.id;
  w.roundId = await createRound(t, w.accounts.staff, cycle.cycleId, w.rubricId);
  await forceMembership(t, w.orgId, w.accounts.judgeMember.userId, 'owner');
  await forceMembership(t, w.orgId, w.accounts.staffMember.userId, 'member');
  await roundJudges(w);
});

/** A membership row the API would refuse, past the trigger (the test role owns the table). */
async function forceMembership(t: TestApp, orgId: string, userId: string, role: 'owner' | 'member'): Promise<void> {
  await inTransaction(t.db, async (c) => {
    await c.query('ALTER TABLE memberships DISABLE TRIGGER memberships_applicants_only');
    await c.query('INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, $3)', [orgId, userId, role]);
    await c.query('ALTER TABLE memberships ENABLE TRIGGER memberships_applicants_only');
  });
}
afterAll(() => w.t.close());

/** A spare session per caller, for rows that end it (logout). */
async function spareToken(caller: Exclude<Caller, 'anonymous'>): Promise<string> {
  const res = await request(w.t.http).post('/api/auth/login').send({ email: w.accounts[caller].email, password: PASSWORD }).expect(200);
  return res.body.accessToken;
}

describe.each(ROWS)('$method $route', (row) => {
  it.each(callersOf(row))('as %s', async (caller) => {
    const { path, body, headers, upload } = await row.call(w, caller);
    let req = request(w.t.http)[row.method](path);
    if (caller !== 'anonymous') {
      const token = row.route === '/api/auth/logout' ? await spareToken(caller) : w.accounts[caller].token;
      req = req.auth(token, { type: 'bearer' });
    }
    for (const [k, v] of Object.entries(headers ?? {})) req = req.set(k, v);
    if (upload) req = req.field('kind', upload.kind).attach('file', upload.file, upload.name);
    const res = await (body === undefined ? req : req.send(body as object));
    answered.set(`${row.method} ${row.route} ${caller}`, res.status);
    expect({ caller, status: res.status }).toEqual({ caller, status: expected(row.expect, caller) });
    if (res.status >= 400)
      expect(res.body).toMatchObject({ statusCode: res.status, error: expect.any(String), message: expect.any(String) });
  });
});

const answered = new Map<string, number>();

it('answers no applicant route with 2xx for a judge or staff account that has a membership row', () => {
  // applicant routes: the owner's answer (2xx, or one about content or state) is neither staff's nor a judge's
  // (a route that refuses the owner its role, 403, is not an applicant route: e.g. a rubric, staff's and some judges')
  const applicantRows = ROWS.filter(
    (r) => r.expect.owner !== 403 && r.expect.owner !== r.expect.staff && r.expect.owner !== r.expect.judge,
  );
  expect(applicantRows.length).toBeGreaterThan(10);
  const granted = applicantRows
    .flatMap((r) => MEMBER_CALLERS.map((c) => [`${r.method} ${r.route} ${c}`, answered.get(`${r.method} ${r.route} ${c}`)] as const))
    .filter(([, status]) => status === undefined || status < 300);
  expect(granted).toEqual([]);
});

it('covers every route the application serves', () => {
  // Swagger UI's own routes are public documentation and the pages outside /api are public
  // static files (test/integration/web-pages.test.ts), not part of the API
  const served = routesOf(w.t.app)
    .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && !r.url.startsWith('/api/openapi'))
    .map((r) => `${r.method.toLowerCase()} ${r.url}`);
  expect(served.length).toBeGreaterThan(20);
  const inMatrix = new Set(ROWS.map((r) => `${r.method} ${r.route}`));
  expect(served.filter((r) => !inMatrix.has(r))).toEqual([]);
});

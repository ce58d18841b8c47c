/**
 * The application life cycle: seal → submit → screening, tamper-evident snapshots, deadlines
 * and extensions, and the audit trail behind it.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { createApplication, createOpenCycle, createUser, inviteMember, registerApplicant, type Account } from '../support/factories';
import { attachmentRow, completeEntry as completeEntryIn } from '../support/complete-entry';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let staff: Account;
beforeAll(async () => {
  t = await startTestApp();
  staff = await createUser(t, 'staff');
});
afterAll(() => t.close());

const as = (who: Account, r: request.Test) => r.auth(who.token, { type: 'bearer' });
const completeEntry = (cycle?: Parameters<typeof completeEntryIn>[1]) => completeEntryIn(t, cycle);
const attachment = (appId: string, owner: Account, kind: string) => attachmentRow(t, appId, owner, kind);

const post = (who: Account, appId: string, action: string, body: object = {}) =>
  as(who, request(t.http).post(`/api/applications/${appId}/${action}`)).send(body);

describe('sealing', () => {
  it('refuses an incomplete application with 422 listing every missing path', async () => {
    const owner = await registerApplicant(t);
    const appId = (await createApplication(t, owner, await createOpenCycle(t))).id;
    const res = await post(owner, appId, 'seal').expect(422);
    const paths = res.body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['basics.enterprise', 'strategy.topChallenges', 'kpis.operations', 'receipt.consent']));
    expect(paths.length).toBeGreaterThan(50);
  });

  it('freezes a canonical snapshot with its SHA-256; editing stops', async () => {
    const { owner, appId } = await completeEntry();
    const res = await post(owner, appId, 'seal').expect(200);
    expect(res.body).toMatchObject({ state: 'sealed', snapshotId: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    await as(owner, request(t.http).patch(`/api/applications/${appId}/sections/strategy`))
      .set('If-Match', '"2"')
      .send({ culture: { mission: 'x' } })
      .expect(409);
    const snap = await as(owner, request(t.http).get(`/api/snapshots/${res.body.snapshotId}`)).expect(200);
    expect(snap.body.document.sections.basics.enterprise.name).toBe('示例银行股份有限公司');
    expect(snap.body.document.computed.recruitment).toEqual({ accuracyRate: 25 });
    expect(snap.body.document.attachments).toHaveLength(2);
    const app = await as(owner, request(t.http).get(`/api/applications/${appId}`)).expect(200);
    expect(app.body.state).toBe('sealed');
  });

  it('twenty concurrent seals: one snapshot, one audit row, the others 409', async () => {
    const { owner, appId } = await completeEntry();
    const results = await Promise.all(Array.from({ length: 20 }, () => post(owner, appId, 'seal')));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(results.find((r) => r.status === 409)!.body.details[0]).toMatchObject({ path: 'state', params: { state: 'sealed' } });
    const snaps = await t.db.query('SELECT count(*)::int AS n FROM snapshots WHERE application_id = $1', [appId]);
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE application_id = $1 AND action = 'application.seal'`, [
      appId,
    ]);
    expect([snaps.rows[0].n, audit.rows[0].n]).toEqual([1, 1]);
  });
});

describe('verifying snapshots', () => {
  it('an untouched snapshot verifies; one changed byte in the database does not', async () => {
    const { owner, appId } = await completeEntry();
    const { body: sealed } = await post(owner, appId, 'seal').expect(200);
    const ok = await as(staff, request(t.http).get(`/api/snapshots/${sealed.snapshotId}/verify`)).expect(200);
    expect(ok.body).toMatchObject({ valid: true, expected: sealed.sha256, actual: sealed.sha256 });

    // the table refuses changes; a tamperer with table-owner rights has to switch that off first
    await expect(t.db.query(`UPDATE snapshots SET canonical = canonical || ' ' WHERE id = $1`, [sealed.snapshotId])).rejects.toThrow(
      /immutable/,
    );
    await t.db.query('ALTER TABLE snapshots DISABLE TRIGGER snapshots_immutable');
    await t.db.query(`UPDATE snapshots SET canonical = replace(canonical, '示例银行', '示范银行') WHERE id = $1`, [sealed.snapshotId]);
    await t.db.query('ALTER TABLE snapshots ENABLE TRIGGER snapshots_immutable');

    const bad = await as(staff, request(t.http).get(`/api/snapshots/${sealed.snapshotId}/verify`)).expect(200);
    expect(bad.body).toMatchObject({ valid: false, expected: sealed.sha256 });
    expect(bad.body.actual).toMatch(/^[0-9a-f]{64}$/);
    expect(bad.body.actual).not.toBe(sealed.sha256);

    // the same from the command line, against the same database
    const cli = join(__dirname, '..', '..', 'src', 'cli', 'verify-snapshot.ts');
    const run = (id: string) =>
      promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', cli, id], {
        env: { ...process.env, DATABASE_URL: t.databaseUrl },
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const tampered = await run(sealed.snapshotId);
    expect(tampered.code).toBe(2);
    expect(JSON.parse(tampered.out)).toMatchObject({ valid: false, expected: sealed.sha256 });

    const other = await completeEntry();
    const { body: good } = await post(other.owner, other.appId, 'seal').expect(200);
    const untouched = await run(good.snapshotId);
    expect(untouched.code).toBe(0);
    expect(JSON.parse(untouched.out)).toMatchObject({ valid: true });
  });
});

describe('deadlines', () => {
  it('after the deadline seal and submit get 409 with the deadline; an extension lets one entry through', async () => {
    const cycle = await createOpenCycle(t);
    const a = await completeEntry(cycle);
    const b = await completeEntry(cycle);
    await t.db.query(`UPDATE cycles SET submission_deadline = now() - interval '1 minute' WHERE id = $1`, [cycle.cycleId]);

    const closed = await post(a.owner, a.appId, 'seal').expect(409);
    expect(closed.body.details[0]).toMatchObject({ path: 'deadline', code: 'deadline_passed' });
    expect(closed.body.details[0].params.deadline).toMatch(/\+08:00$/);

    const until = new Date(Date.now() + 3 * 86400_000).toISOString();
    await as(staff, request(t.http).post(`/api/applications/${a.appId}/extension`))
      .send({ until, reason: '系统故障补偿' })
      .expect(200);
    await post(a.owner, a.appId, 'seal').expect(200);
    await post(b.owner, b.appId, 'seal').expect(409);
    await as(a.owner, request(t.http).post(`/api/applications/${a.appId}/extension`))
      .send({ until, reason: 'x' })
      .expect(403);
  });
});

describe('submit and screening', () => {
  it('submit needs the stamped receipt; staff accept, or return with a reason the applicant sees', async () => {
    const { owner, appId } = await completeEntry();
    await post(owner, appId, 'seal').expect(200);
    const missing = await post(owner, appId, 'submit').expect(422);
    expect(missing.body.details).toEqual([expect.objectContaining({ path: 'receipt.stampedReceipt', code: 'required' })]);
    await attachment(appId, owner, 'stamped_receipt');
    await post(owner, appId, 'submit').expect(200);

    await post(owner, appId, 'accept').expect(403);
    await post(staff, appId, 'return').expect(400);
    const returned = await post(staff, appId, 'return', { reason: '组织架构图不清晰，请重新上传' }).expect(200);
    expect(returned.body.state).toBe('draft');
    const app = await as(owner, request(t.http).get(`/api/applications/${appId}`)).expect(200);
    expect(app.body).toMatchObject({ state: 'draft', returnReason: '组织架构图不清晰，请重新上传' });
    const snapshots = await as(owner, request(t.http).get(`/api/applications/${appId}/snapshots`)).expect(200);
    expect(snapshots.body[0].supersededAt).not.toBeNull();

    await post(owner, appId, 'seal').expect(200);
    await post(owner, appId, 'submit').expect(200);
    await post(staff, appId, 'accept').expect(200);
    await post(staff, appId, 'reject').expect(409);
  });

  it('unseal goes back to draft before the deadline; withdraw ends the entry', async () => {
    const { owner, appId } = await completeEntry();
    const member = await inviteMember(t, {
      ...owner,
      organisationId: (await t.db.query('SELECT organisation_id FROM applications WHERE id = $1', [appId])).rows[0].organisation_id,
    });
    await post(owner, appId, 'seal').expect(200);
    await post(member, appId, 'unseal').expect(200);
    await as(owner, request(t.http).patch(`/api/applications/${appId}/sections/strategy`))
      .set('If-Match', '"2"')
      .send({ culture: { mission: '改过的使命' } })
      .expect(200);
    await post(owner, appId, 'withdraw').expect(200);
    await post(owner, appId, 'withdraw').expect(409);
    await post(staff, appId, 'withdraw').expect(403);
  });
});

describe('audit', () => {
  it('records transitions, section writes with their version, sign-ins and role changes; staff filter and export it', async () => {
    const { owner, appId } = await completeEntry();
    await post(owner, appId, 'seal').expect(200);
    const list = await as(staff, request(t.http).get(`/api/audit?applicationId=${appId}`)).expect(200);
    const actions = list.body.map((r: { action: string }) => r.action);
    expect(actions[0]).toBe('application.seal');
    expect(actions.filter((a: string) => a === 'section.write')).toHaveLength(12);
    expect(list.body[0]).toMatchObject({
      actorId: owner.userId,
      fromState: 'draft',
      toState: 'sealed',
      snapshotSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(list.body.find((r: { action: string }) => r.action === 'section.write').details).toEqual({ version: 2 });

    const logins = await as(staff, request(t.http).get('/api/audit?action=auth.login')).expect(200);
    expect(logins.body.some((r: { actorId: string }) => r.actorId === staff.userId)).toBe(true);

    const csv = await as(staff, request(t.http).get(`/api/audit/export.csv?applicationId=${appId}`)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      '\uFEFFid,at,action,actorName,actorEmail,actorRole,applicationId,entity,entityId,fromState,toState,snapshotSha256,details',
    );
    expect(csv.text).toContain('application.seal');

    await as(owner, request(t.http).get('/api/audit')).expect(403);
    await as(staff, request(t.http).get('/api/audit?from=yesterday')).expect(400);
  });
});

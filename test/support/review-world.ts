/**
 * Assignment and review fixtures: an open round with entries, a panel of judges (profiles,
 * confidentiality, conflicts) put straight into the database — the judge routes that make them
 * are tested elsewhere.
 */
import request from 'supertest';
import { createOpenCycle, createUser, type Account, type OpenCycle } from './factories';
import { createRound, createRubric, entryIn } from './judging';
import type { TestApp } from './test-app';

export interface OpenRound {
  cycle: OpenCycle;
  roundId: string;
  rubricId: string;
  entries: Array<{ appId: string; orgId: string; entryCode: string }>;
}

/** An open round over `entries` new accepted entries (industries in turn from `industries`). */
export async function openRound(
  t: TestApp,
  staff: Account,
  opts: { entries: number; industries?: string[]; reviewsPerApplication?: number; blind?: boolean; preset?: string; cycle?: OpenCycle },
): Promise<OpenRound> {
  const cycle = opts.cycle ?? (await createOpenCycle(t));
  const rubricId = await createRubric(t, staff, opts.preset);
  const entries: OpenRound['entries'] = [];
  for (let i = 0; i < opts.entries; i++) {
    const industry = opts.industries?.[i % opts.industries.length];
    const e = await entryIn(t, cycle, 'accepted', industry ? { center: { industry } } : undefined);
    const { rows } = await t.db.query('SELECT entry_code FROM applications WHERE id = $1', [e.appId]);
    entries.push({ appId: e.appId, orgId: e.orgId, entryCode: rows[0].entry_code });
  }
  const roundId = await createRound(t, staff, cycle.cycleId, rubricId, {
    reviewsPerApplication: opts.reviewsPerApplication ?? 3,
    blind: opts.blind ?? true,
  });
  await request(t.http).post(`/api/rounds/${roundId}/open`).auth(staff.token, { type: 'bearer' }).send({}).expect(200);
  return { cycle, roundId, rubricId, entries };
}

/** A judge on the round's panel with a profile; `accept` = confidentiality accepted for the cycle. */
export async function panelJudge(
  t: TestApp,
  round: Pick<OpenRound, 'roundId' | 'cycle'>,
  opts: { industries?: string[]; capacity?: number | null; accept?: boolean; name?: string } = {},
): Promise<Account> {
  const judge = await createUser(t, 'judge');
  if (opts.name) await t.db.query('UPDATE users SET name = $2 WHERE id = $1', [judge.userId, opts.name]);
  await t.db.query(
    `INSERT INTO judge_profiles (user_id, industries) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET industries = EXCLUDED.industries`,
    [judge.userId, opts.industries ?? []],
  );
  await addToPanel(t, round.roundId, judge.userId, opts.capacity ?? null);
  if (opts.accept ?? true) await acceptTerms(t, round.cycle.cycleId, judge.userId);
  return judge;
}

export async function addToPanel(t: TestApp, roundId: string, judgeId: string, capacity: number | null = null): Promise<void> {
  await t.db.query('INSERT INTO round_judges (round_id, judge_id, capacity) VALUES ($1, $2, $3)', [roundId, judgeId, capacity]);
}

export async function acceptTerms(t: TestApp, cycleId: string, judgeId: string): Promise<void> {
  await t.db.query(
    `INSERT INTO confidentiality_acceptances (cycle_id, judge_id, terms_version, text_sha256) VALUES ($1, $2, 'v1', repeat('0', 64))
     ON CONFLICT DO NOTHING`,
    [cycleId, judgeId],
  );
}

/** A declared conflict (any cycle), as the judge's own declaration would store it. */
export async function declareConflict(t: TestApp, judgeId: string, orgId: string): Promise<string> {
  const { rows } = await t.db.query(
    `INSERT INTO conflicts (judge_id, organisation_id, source, kind, reason) VALUES ($1, $2, 'declared', 'consulting', '顾问') RETURNING id`,
    [judgeId, orgId],
  );
  return rows[0].id;
}

/** A live assignment made straight in the database. */
export async function assign(t: TestApp, roundId: string, appId: string, judgeId: string): Promise<string> {
  const { rows } = await t.db.query('INSERT INTO assignments (round_id, application_id, judge_id) VALUES ($1, $2, $3) RETURNING id', [
    roundId,
    appId,
    judgeId,
  ]);
  return rows[0].id;
}

export const staffUser = (t: TestApp) => createUser(t, 'staff');

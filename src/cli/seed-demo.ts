/**
 * `npm run seed:demo`: the demo cycle "2026 中国十佳呼叫中心评选" with category "卓越全渠道客服",
 * open from 30 days ago until 60 days from now (end of day, Asia/Shanghai), so the demo always
 * accepts applications. Idempotent: an existing cycle of that name is left as it is.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../database-options';
import { Sql } from '../infra/database/sql';
import { runCli } from './run-cli';

export const DEMO_CYCLE = { name: '2026 中国十佳呼叫中心评选', timeZone: 'Asia/Shanghai' };
export const DEMO_CATEGORY = {
  code: 'omnichannel_excellence',
  nameZh: '卓越全渠道客服',
  nameEn: 'Omnichannel Customer Service Excellence',
};

export async function seedDemo(url: string): Promise<{ cycleId: string; created: boolean }> {
  const ds = await new DataSource(databaseOptions(url, 1)).initialize();
  try {
    return await new Sql(ds).transaction(async (tx) => {
      const existing = await tx.one<{ id: string }>('SELECT id FROM cycles WHERE name = $1', [DEMO_CYCLE.name]);
      if (existing) return { cycleId: existing.id, created: false };
      const [cycle] = await tx.rows<{ id: string }>(
        `INSERT INTO cycles (name, time_zone, opens_at, submission_deadline)
         VALUES ($1, $2, now() - interval '30 days',
                 ((date_trunc('day', (now() + interval '60 days') AT TIME ZONE $2) + interval '1 day - 1 second') AT TIME ZONE $2))
         RETURNING id`,
        [DEMO_CYCLE.name, DEMO_CYCLE.timeZone],
      );
      await tx.run('INSERT INTO categories (cycle_id, code, name_zh, name_en) VALUES ($1, $2, $3, $4)', [
        cycle.id,
        DEMO_CATEGORY.code,
        DEMO_CATEGORY.nameZh,
        DEMO_CATEGORY.nameEn,
      ]);
      return { cycleId: cycle.id, created: true };
    });
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  runCli('seeding', async (url) => {
    const r = await seedDemo(url);
    return r.created ? `Seeded demo cycle ${r.cycleId}` : `Demo cycle already present (${r.cycleId})`;
  });
}

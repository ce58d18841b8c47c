import { Injectable } from '@nestjs/common';
import { isoInZone } from '../../common/time/zoned-time';
import { Sql } from '../../infra/database/sql';
import { EntriesService } from './entries.service';
import { industryLabel } from './entry-columns';
import { STATE_LABELS } from './labels';
import type { DashboardResponse } from './staff.response';

const BUCKETS = [0, 20, 40, 60, 80, 100] as const;

/** A cycle at a glance: counts by state, category and industry, submissions per day, drafts' progress, receipts to look at. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly sql: Sql,
    private readonly entries: EntriesService,
  ) {}

  async of(cycleId: string, now = new Date()): Promise<DashboardResponse> {
    const cycle = await this.entries.requireCycle(cycleId);
    await this.entries.refresh(cycleId);
    const zone = cycle.time_zone;
    const [byState, byCategory, byIndustry, perDay, drafts, receipts] = await Promise.all([
      this.sql.rows<{ key: string; count: number }>(
        'SELECT state AS key, count(*)::int AS count FROM applications WHERE cycle_id = $1 GROUP BY state ORDER BY count DESC, state',
        [cycleId],
      ),
      this.sql.rows<{ key: string; name_zh: string; name_en: string; count: number }>(
        `SELECT k.code AS key, k.name_zh, k.name_en, count(a.id)::int AS count FROM categories k
           LEFT JOIN applications a ON a.category_id = k.id WHERE k.cycle_id = $1
          GROUP BY k.id ORDER BY count DESC, k.code`,
        [cycleId],
      ),
      this.sql.rows<{ key: string | null; count: number }>(
        `SELECT e.industry AS key, count(*)::int AS count FROM applications a LEFT JOIN entry_summaries e ON e.application_id = a.id
          WHERE a.cycle_id = $1 GROUP BY e.industry ORDER BY count DESC, e.industry NULLS LAST`,
        [cycleId],
      ),
      // the first submission of each entry (a returned and resubmitted entry counts once), by calendar day in the cycle's zone
      this.sql.rows<{ day: string; count: number }>(
        `SELECT to_char(first_at AT TIME ZONE $2, 'YYYY-MM-DD') AS day, count(*)::int AS count FROM (
           SELECT min(l.at) AS first_at FROM audit_log l JOIN applications a ON a.id = l.application_id
            WHERE a.cycle_id = $1 AND l.action = 'application.submit' GROUP BY l.application_id) x
          GROUP BY 1 ORDER BY 1`,
        [cycleId, zone],
      ),
      this.sql.rows<{ percent: number | null }>(
        `SELECT e.percent FROM applications a LEFT JOIN entry_summaries e ON e.application_id = a.id
          WHERE a.cycle_id = $1 AND a.state = 'draft'`,
        [cycleId],
      ),
      this.sql.rows<{ check: string | null; count: number }>(
        `SELECT r.receipt_check AS check, count(*)::int AS count FROM applications a
           JOIN LATERAL (SELECT t.receipt_check FROM attachments t
                          WHERE t.application_id = a.id AND t.kind = 'stamped_receipt' AND t.deleted_at IS NULL
                          ORDER BY t.created_at DESC LIMIT 1) r ON true
          WHERE a.cycle_id = $1 AND a.state NOT IN ('draft', 'withdrawn') GROUP BY r.receipt_check`,
        [cycleId],
      ),
    ]);
    const receiptCount = (check: string | null) => receipts.filter((r) => r.check === check).reduce((n, r) => n + r.count, 0);
    return {
      cycleId,
      timeZone: zone,
      opensAt: isoInZone(cycle.opens_at, zone),
      submissionDeadline: isoInZone(cycle.submission_deadline, zone),
      secondsLeft: Math.max(0, Math.floor((cycle.submission_deadline.getTime() - now.getTime()) / 1000)),
      total: byState.reduce((n, s) => n + s.count, 0),
      byState: byState.map((s) => ({ key: s.key, label: STATE_LABELS[s.key] ?? null, count: s.count })),
      submissionsPerDay: everyDay(cycle.opens_at, cycle.submission_deadline < now ? cycle.submission_deadline : now, zone, perDay),
      byCategory: byCategory.map((c) => ({ key: c.key, label: { zh: c.name_zh, en: c.name_en }, count: c.count })),
      byIndustry: byIndustry.map((i) => ({
        key: i.key ?? 'unknown',
        label: i.key ? industryLabel(i.key) : { zh: '未填写', en: 'Not given' },
        count: i.count,
      })),
      draftCompleteness: BUCKETS.slice(0, -1).map((from, i) => {
        const to = BUCKETS[i + 1];
        const last = i === BUCKETS.length - 2;
        return {
          bucket: `${from}-${last ? to : to - 1}`,
          from,
          to: last ? to : to - 1,
          count: drafts.filter((d) => (d.percent ?? 0) >= from && ((d.percent ?? 0) < to || (last && (d.percent ?? 0) <= to))).length,
        };
      }),
      receiptsPending: receiptCount('pending') + receiptCount(null),
      receiptsDifferent: receiptCount('different'),
      receiptsUnreadable: receiptCount('unreadable'),
    };
  }
}

/** Every calendar day (in `zone`) from `from` to `to`, with the counts found (0 elsewhere). */
function everyDay(from: Date, to: Date, zone: string, counts: Array<{ day: string; count: number }>) {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  const out: Array<{ day: string; count: number }> = [];
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const last = fmt.format(to < from ? from : to);
  // noon UTC steps never skip or repeat a calendar day of any zone within ±14 h
  for (let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() - 1, 12); out.length < 800; t += 86400_000) {
    const day = fmt.format(new Date(t));
    if (day < fmt.format(from)) continue;
    out.push({ day, count: byDay.get(day) ?? 0 });
    if (day >= last) break;
  }
  for (const [day, count] of byDay) if (!out.some((d) => d.day === day)) out.push({ day, count });
  return out.sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * The KPI benchmark of one award cycle and category (shared/spec/kpi-catalogue.md, "Benchmarks the
 * platform computes"): per required KPI, how many entrants reported it, the 25th / 50th / 75th
 * percentile of their actuals, the share that met their own target, and where one entry stands —
 * "better than N % of the other entrants that reported it", which way is better taken from the
 * catalogue (for a band KPI: closer to its own target, relative to that target).
 */
import { evaluateKpi, REQUIRED_KPIS, type KpiDefinition } from '../../../form/kpi-catalogue';

/** One KPI of one entry as reported: both numbers, or the KPI does not count for it. */
export interface ReportedKpi {
  target: number;
  actual: number;
}

/** An entrant's reported KPIs, by catalogue key (`operations.aht`). */
export type EntrantKpis = ReadonlyMap<string, ReportedKpi>;

export interface KpiBenchmark {
  key: string;
  /** Entrants that reported both target and actual. */
  reporting: number;
  p25: number | null;
  median: number | null;
  p75: number | null;
  /** Share (0–1) of the reporting entrants that met their own target; null when none reported. */
  metShare: number | null;
  /** The entry's own figures and rank; null when the entry did not report the KPI. */
  entry: { target: number; actual: number; met: boolean; betterThanPct: number | null } | null;
}

/** Reads `{ target, actual }` of every catalogue KPI from a kpis section's data (anything else is ignored). */
export function reportedKpis(section: unknown): EntrantKpis {
  const out = new Map<string, ReportedKpi>();
  for (const k of REQUIRED_KPIS) {
    const [area, name] = k.key.split('.');
    const value = (section as Record<string, Record<string, { target?: unknown; actual?: unknown }> | undefined> | null)?.[area]?.[name];
    const { target, actual } = value ?? {};
    if (typeof target === 'number' && Number.isFinite(target) && typeof actual === 'number' && Number.isFinite(actual))
      out.set(k.key, { target, actual });
  }
  return out;
}

/** The percentile of sorted values by linear interpolation between closest ranks (Excel's PERCENTILE.INC). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** Larger is better: the figure compared between entrants. */
function merit(k: KpiDefinition, r: ReportedKpi): number {
  if (k.direction === 'higher') return r.actual;
  if (k.direction === 'lower') return -r.actual;
  // band: the relative distance from its own target (a zero target: the absolute distance)
  return -(r.target === 0 ? Math.abs(r.actual) : Math.abs(r.actual - r.target) / Math.abs(r.target));
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The benchmark over `entrants` (the entry itself included, when it is one of them) and the
 * standing of `entry`. Figures keep two decimals; the share three.
 */
export function kpiBenchmarks(entrants: readonly EntrantKpis[], entry: EntrantKpis | undefined): KpiBenchmark[] {
  return REQUIRED_KPIS.map((k) => {
    const reported = entrants.flatMap((e) => (e.has(k.key) ? [e.get(k.key)!] : []));
    const actuals = reported.map((r) => r.actual).sort((a, b) => a - b);
    const met = reported.filter((r) => evaluateKpi(k.direction, r.target, r.actual, k.tolerance).met).length;
    const own = entry?.get(k.key);
    let standing: KpiBenchmark['entry'] = null;
    if (own) {
      const mine = merit(k, own);
      // the others: every reporting entrant but one copy of the entry's own figures
      const others = reported.map((r) => merit(k, r));
      const self = others.indexOf(mine);
      if (self >= 0) others.splice(self, 1);
      standing = {
        target: own.target,
        actual: own.actual,
        met: evaluateKpi(k.direction, own.target, own.actual, k.tolerance).met,
        betterThanPct: others.length ? Math.round((100 * others.filter((m) => m < mine).length) / others.length) : null,
      };
    }
    const at = (p: number) => {
      const v = percentile(actuals, p);
      return v === null ? null : round(v, 2);
    };
    return {
      key: k.key,
      reporting: reported.length,
      p25: at(0.25),
      median: at(0.5),
      p75: at(0.75),
      metShare: reported.length ? round(met / reported.length, 3) : null,
      entry: standing,
    };
  });
}

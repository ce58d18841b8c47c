import { kpiBenchmarks, percentile, reportedKpis, type EntrantKpis } from './kpi-benchmark';

const entrant = (kpis: Record<string, [number, number]>): EntrantKpis =>
  new Map(Object.entries(kpis).map(([k, [target, actual]]) => [k, { target, actual }]));
const of = (key: string, rows: ReturnType<typeof kpiBenchmarks>) => rows.find((r) => r.key === key)!;

describe('KPI benchmark', () => {
  it('percentiles interpolate between closest ranks', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.25)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(percentile([10, 20], 0.75)).toBe(17.5);
  });

  it('reads only finite target/actual pairs of catalogue KPIs', () => {
    const read = reportedKpis({
      operations: { aht: { target: 180, actual: 200 }, fcr: { target: 80 }, abandonRate: { target: 'x', actual: 3 } },
      support: { absenteeism: { target: 3, actual: 2.5 } },
      extra: { other: { target: 1, actual: 1 } },
    });
    expect([...read.keys()].sort()).toEqual(['operations.aht', 'support.absenteeism']);
    expect(reportedKpis(null).size).toBe(0);
    expect(reportedKpis({ operations: 'nonsense' }).size).toBe(0);
  });

  it('counts, percentiles, met share and a direction-aware rank (lower is better)', () => {
    // AHT, lower is better: actuals 150, 180, 200, 240 against target 190 each
    const all = [150, 180, 200, 240].map((a) => entrant({ 'operations.aht': [190, a] }));
    const rows = kpiBenchmarks(all, all[1]);
    expect(of('operations.aht', rows)).toEqual({
      key: 'operations.aht',
      reporting: 4,
      p25: 172.5,
      median: 190,
      p75: 210,
      metShare: 0.5,
      // 180 beats 200 and 240, not 150: 2 of the 3 others
      entry: { target: 190, actual: 180, met: true, betterThanPct: 67 },
    });
    // a KPI nobody reported
    expect(of('operations.fcr', rows)).toMatchObject({ reporting: 0, p25: null, median: null, metShare: null, entry: null });
  });

  it('higher is better, and ties are not "better than"', () => {
    const all = [70, 80, 80, 90].map((a) => entrant({ 'operations.fcr': [85, a] }));
    expect(of('operations.fcr', kpiBenchmarks(all, all[1])).entry).toEqual({ target: 85, actual: 80, met: false, betterThanPct: 33 });
    expect(of('operations.fcr', kpiBenchmarks(all, all[3])).entry?.betterThanPct).toBe(100);
    expect(of('operations.fcr', kpiBenchmarks(all, all[0])).entry?.betterThanPct).toBe(0);
  });

  it('a band KPI ranks by closeness to its own target; alone, an entry has no rank', () => {
    // occupancy, band ±5 points: 84 vs 85 is 1.2 % off, 70 vs 80 is 12.5 % off, 95 vs 80 is 18.75 % off
    const all = [
      entrant({ 'operations.occupancy': [85, 84] }),
      entrant({ 'operations.occupancy': [80, 70] }),
      entrant({ 'operations.occupancy': [80, 95] }),
    ];
    const rows = kpiBenchmarks(all, all[0]);
    expect(of('operations.occupancy', rows)).toMatchObject({ reporting: 3, metShare: 0.333, entry: { met: true, betterThanPct: 100 } });
    expect(of('operations.occupancy', kpiBenchmarks(all, all[2])).entry?.betterThanPct).toBe(0);
    expect(of('operations.occupancy', kpiBenchmarks([all[0]], all[0])).entry?.betterThanPct).toBeNull();
  });
});

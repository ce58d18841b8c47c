import { evaluateKpi, REQUIRED_KPIS } from './kpi-catalogue';

describe('evaluateKpi', () => {
  it('lower is better: met at or below target, positive gap when under', () => {
    expect(evaluateKpi('lower', 300, 285)).toEqual({ met: true, gapPct: 5 });
    expect(evaluateKpi('lower', 300, 300)).toEqual({ met: true, gapPct: 0 });
    expect(evaluateKpi('lower', 40, 45)).toEqual({ met: false, gapPct: -12.5 });
  });

  it('higher is better: met at or above target, positive gap when over', () => {
    expect(evaluateKpi('higher', 85, 88)).toEqual({ met: true, gapPct: 3.5 });
    expect(evaluateKpi('higher', 90, 81)).toEqual({ met: false, gapPct: -10 });
  });

  it('band in points: occupancy within ±5 points of target', () => {
    const tol = { kind: 'points' as const, value: 5 };
    expect(evaluateKpi('band', 85, 80, tol)).toEqual({ met: true, gapPct: -5.9 });
    expect(evaluateKpi('band', 85, 90, tol).met).toBe(true);
    expect(evaluateKpi('band', 85, 91, tol)).toEqual({ met: false, gapPct: -7.1 });
    expect(evaluateKpi('band', 85, 85, tol)).toEqual({ met: true, gapPct: 0 });
  });

  it('band relative: ratios within ±10 % of target, too high as bad as too low', () => {
    const tol = { kind: 'relative' as const, value: 10 };
    expect(evaluateKpi('band', 15, 16.5, tol).met).toBe(true);
    expect(evaluateKpi('band', 15, 13.5, tol).met).toBe(true);
    expect(evaluateKpi('band', 15, 17, tol)).toEqual({ met: false, gapPct: -13.3 });
    expect(evaluateKpi('band', 15, 13, tol)).toEqual({ met: false, gapPct: -13.3 });
  });

  it('has no gap against a zero target', () => {
    expect(evaluateKpi('lower', 0, 0)).toEqual({ met: true, gapPct: null });
    expect(evaluateKpi('higher', 0, 3)).toEqual({ met: true, gapPct: null });
  });
});

describe('the catalogue', () => {
  it('holds the twelve required KPIs of the form with their directions', () => {
    expect(REQUIRED_KPIS.map((k) => `${k.key}:${k.direction}`)).toEqual([
      'operations.aht:lower', 'operations.acw:lower', 'operations.abandonRate:lower', 'operations.fcr:higher',
      'operations.occupancy:band', 'operations.qualityScore:higher', 'support.absenteeism:lower', 'support.ftAttrition:lower',
      'support.ptAttrition:lower', 'support.managerRatio:band', 'support.qaRatio:band', 'support.trainerRatio:band',
    ]);
    for (const k of REQUIRED_KPIS.filter((k) => k.direction === 'band')) expect(k.tolerance).toBeDefined();
  });
});

import { evaluateKpi, REQUIRED_KPIS } from './kpi-catalogue';

describe('evaluateKpi', () => {
  describe('lower is better', () => {
    it('is met at or below target, with a positive gap when under', () => {
      expect(evaluateKpi('lower', 300, 285)).toEqual({ met: true, gapPct: 5 });
      expect(evaluateKpi('lower', 300, 300)).toEqual({ met: true, gapPct: 0 });
    });

    it('is missed above target, with a negative gap', () => {
      expect(evaluateKpi('lower', 40, 45)).toEqual({ met: false, gapPct: -12.5 });
      expect(evaluateKpi('lower', 300, 300.01)).toEqual({ met: false, gapPct: 0 });
    });

    it('ignores any tolerance', () => {
      expect(evaluateKpi('lower', 40, 41, { kind: 'points', value: 5 }).met).toBe(false);
    });
  });

  describe('higher is better', () => {
    it('is met at or above target, with a positive gap when over', () => {
      expect(evaluateKpi('higher', 85, 88)).toEqual({ met: true, gapPct: 3.5 });
      expect(evaluateKpi('higher', 85, 85)).toEqual({ met: true, gapPct: 0 });
    });

    it('is missed below target, with a negative gap', () => {
      expect(evaluateKpi('higher', 90, 81)).toEqual({ met: false, gapPct: -10 });
      expect(evaluateKpi('higher', 90, 89.99)).toEqual({ met: false, gapPct: 0 });
    });
  });

  describe('band in points (occupancy ±5 points)', () => {
    const tol = { kind: 'points' as const, value: 5 };

    it('is met within the band, edges included', () => {
      expect(evaluateKpi('band', 85, 85, tol)).toEqual({ met: true, gapPct: 0 });
      expect(evaluateKpi('band', 85, 80, tol)).toEqual({ met: true, gapPct: -5.9 });
      expect(evaluateKpi('band', 85, 90, tol)).toEqual({ met: true, gapPct: -5.9 });
      expect(evaluateKpi('band', 80.1, 85.1, tol).met).toBe(true); // 5.000000000000001 in floating point
    });

    it('is missed outside the band on either side', () => {
      expect(evaluateKpi('band', 85, 91, tol)).toEqual({ met: false, gapPct: -7.1 });
      expect(evaluateKpi('band', 85, 79.9, tol).met).toBe(false);
    });

    it('measures the band in points, not relative to target', () => {
      // 5 % of 20 would be 1; 5 points is 5
      expect(evaluateKpi('band', 20, 24, tol).met).toBe(true);
    });
  });

  describe('band relative (ratios ±10 %)', () => {
    const tol = { kind: 'relative' as const, value: 10 };

    it('is met within 10 % of target, edges included', () => {
      expect(evaluateKpi('band', 15, 16.5, tol)).toEqual({ met: true, gapPct: -10 });
      expect(evaluateKpi('band', 15, 13.5, tol)).toEqual({ met: true, gapPct: -10 });
      expect(evaluateKpi('band', 15, 15, tol)).toEqual({ met: true, gapPct: 0 });
    });

    it('treats too high as bad as too low', () => {
      expect(evaluateKpi('band', 15, 17, tol)).toEqual({ met: false, gapPct: -13.3 });
      expect(evaluateKpi('band', 15, 13, tol)).toEqual({ met: false, gapPct: -13.3 });
    });

    it('scales with the target', () => {
      expect(evaluateKpi('band', 100, 109, tol).met).toBe(true);
      expect(evaluateKpi('band', 5, 5.6, tol).met).toBe(false);
    });
  });

  it('a band without tolerance is met only on target', () => {
    expect(evaluateKpi('band', 85, 85)).toEqual({ met: true, gapPct: 0 });
    expect(evaluateKpi('band', 85, 85.5).met).toBe(false);
  });

  it('rounds the gap to one decimal, halves away from zero on both sides', () => {
    // 5 / 80 = 6.25 % exactly
    expect(evaluateKpi('higher', 80, 85).gapPct).toBe(6.3);
    expect(evaluateKpi('lower', 80, 85).gapPct).toBe(-6.3);
    expect(evaluateKpi('higher', 3, 4).gapPct).toBe(33.3);
    expect(evaluateKpi('higher', 3, 5).gapPct).toBe(66.7);
  });

  it('never reports −0', () => {
    expect(Object.is(evaluateKpi('lower', 300, 300).gapPct, 0)).toBe(true);
    expect(Object.is(evaluateKpi('band', 85, 85, { kind: 'points', value: 5 }).gapPct, 0)).toBe(true);
    expect(Object.is(evaluateKpi('higher', 10000, 9999.99).gapPct, 0)).toBe(true);
  });

  it('has no gap against a zero target, but still judges met', () => {
    expect(evaluateKpi('lower', 0, 0)).toEqual({ met: true, gapPct: null });
    expect(evaluateKpi('lower', 0, 1)).toEqual({ met: false, gapPct: null });
    expect(evaluateKpi('higher', 0, 3)).toEqual({ met: true, gapPct: null });
    expect(evaluateKpi('band', 0, 3, { kind: 'points', value: 5 })).toEqual({ met: true, gapPct: null });
    expect(evaluateKpi('band', 0, 0.1, { kind: 'relative', value: 10 })).toEqual({ met: false, gapPct: null });
  });

  it('reports a zero actual as a full gap', () => {
    expect(evaluateKpi('higher', 80, 0)).toEqual({ met: false, gapPct: -100 });
    expect(evaluateKpi('lower', 5, 0)).toEqual({ met: true, gapPct: 100 });
  });
});

describe('the catalogue', () => {
  it('holds the twelve required KPIs of the form, in form order, with their directions', () => {
    expect(REQUIRED_KPIS.map((k) => `${k.key}:${k.direction}`)).toEqual([
      'operations.aht:lower',
      'operations.acw:lower',
      'operations.abandonRate:lower',
      'operations.fcr:higher',
      'operations.occupancy:band',
      'operations.qualityScore:higher',
      'support.absenteeism:lower',
      'support.ftAttrition:lower',
      'support.ptAttrition:lower',
      'support.managerRatio:band',
      'support.qaRatio:band',
      'support.trainerRatio:band',
    ]);
  });

  it('gives occupancy ±5 points and the three ratios ±10 % relative; no other KPI has a tolerance', () => {
    const tolerances = Object.fromEntries(REQUIRED_KPIS.filter((k) => k.tolerance).map((k) => [k.key, k.tolerance]));
    expect(tolerances).toEqual({
      'operations.occupancy': { kind: 'points', value: 5 },
      'support.managerRatio': { kind: 'relative', value: 10 },
      'support.qaRatio': { kind: 'relative', value: 10 },
      'support.trainerRatio': { kind: 'relative', value: 10 },
    });
  });

  it('labels each KPI with the form’s Chinese wording', () => {
    expect(REQUIRED_KPIS.map((k) => k.label.zh.replace(/[（(].*[)）]/, ''))).toEqual([
      '平均联系处理时间',
      '平均联系后处理时间',
      '平均联系放弃率',
      '首次联系解决率',
      '工时有效率',
      '质量分值',
      '缺勤率',
      '全职人员流失率',
      '兼职人员流失率',
      '管理人员对比人员的比例',
      '质检对比人员的比例',
      '培训师对比人员的比例',
    ]);
  });

  it('has unique keys of the form `area.kpi` and every text in both languages', () => {
    expect(new Set(REQUIRED_KPIS.map((k) => k.key)).size).toBe(REQUIRED_KPIS.length);
    for (const k of REQUIRED_KPIS) {
      expect(k.key).toMatch(/^(operations|support)\.[a-zA-Z]+$/);
      for (const text of [k.label, k.unit, k.definition]) {
        expect(text.zh.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }
    }
  });

  it('states the units of the catalogue: seconds for times, percent for rates, agents per head for ratios', () => {
    const unit = (key: string) => REQUIRED_KPIS.find((k) => k.key === key)!.unit.en;
    expect(['operations.aht', 'operations.acw'].map(unit)).toEqual(['seconds', 'seconds']);
    expect(
      [
        'operations.abandonRate',
        'operations.fcr',
        'operations.occupancy',
        'support.absenteeism',
        'support.ftAttrition',
        'support.ptAttrition',
      ].map(unit),
    ).toEqual(Array(6).fill('%'));
    expect(unit('operations.qualityScore')).toBe('points of 100');
    expect(['support.managerRatio', 'support.qaRatio', 'support.trainerRatio'].map(unit)).toEqual(Array(3).fill('agents (1:N)'));
  });
});

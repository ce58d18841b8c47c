import { kpisSection } from './kpis.section';

const ctx = (partTime?: number) => ({ section: (k: string) => (k === 'basics' && partTime !== undefined ? { staffing: { seats: { partTime: { headcount: partTime } } } } : {}) });

describe('kpis section', () => {
  it('declares every required KPI as { target, actual } under operations and support, plus others[]', () => {
    const keys = kpisSection.fields.flatMap((area) => (area.type === 'group' ? area.fields.map((f) => `${area.key}.${f.key}`) : []));
    expect(keys).toEqual([
      'operations.aht', 'operations.acw', 'operations.abandonRate', 'operations.fcr', 'operations.occupancy', 'operations.qualityScore', 'operations.others',
      'support.absenteeism', 'support.ftAttrition', 'support.ptAttrition', 'support.managerRatio', 'support.qaRatio', 'support.trainerRatio', 'support.others',
    ]);
  });

  it('computes met and gapPct for answered KPIs and for others[] by their own direction', () => {
    const data = {
      operations: { aht: { target: 300, actual: 330 }, fcr: { target: 80 }, others: [{ name: 'ASA', unit: 's', direction: 'lower', target: 20, actual: 15 }, { name: 'x' }] },
      support: { managerRatio: { target: 15, actual: 16 } },
    };
    expect(kpisSection.compute!(data, ctx())).toEqual({
      operations: { aht: { met: false, gapPct: -10 }, others: [{ met: true, gapPct: 25 }, null] },
      support: { managerRatio: { met: true, gapPct: -6.7 } },
    });
  });

  it('waives part-time attrition only when there are no part-timers', () => {
    expect(kpisSection.waivedPaths!({}, ctx(0))).toEqual(['support.ptAttrition']);
    expect(kpisSection.waivedPaths!({}, ctx(12))).toEqual([]);
    expect(kpisSection.waivedPaths!({}, ctx())).toEqual([]);
  });
});

import type { FieldNode, GroupField, ListField } from '../../field-types';
import { REQUIRED_KPIS } from '../../kpi-catalogue';
import { kpisSection } from './kpis.section';

const basics = (partTime?: unknown) => ({
  section: (k: string) => (k === 'basics' && partTime !== undefined ? { staffing: { seats: { partTime: { headcount: partTime } } } } : {}),
});
const compute = (data: object) => kpisSection.compute!(data as never, basics());

const child = (fields: FieldNode[], key: string): FieldNode => fields.find((f) => f.key === key)!;
const at = (path: string): FieldNode =>
  path.split('.').reduce<FieldNode>((node, key) => child((node as GroupField).fields, key), {
    type: 'group',
    key: '',
    label: { zh: '', en: '' },
    fields: kpisSection.fields,
  });

describe('kpis descriptor', () => {
  it('is §8 of part 2', () => {
    expect(kpisSection).toMatchObject({ key: 'kpis', order: 8, part: 2 });
  });

  it('declares every required KPI under operations and support, plus others[]', () => {
    const keys = kpisSection.fields.flatMap((area) => (area.type === 'group' ? area.fields.map((f) => `${area.key}.${f.key}`) : []));
    expect(keys).toEqual([
      'operations.aht',
      'operations.acw',
      'operations.abandonRate',
      'operations.fcr',
      'operations.occupancy',
      'operations.qualityScore',
      'operations.others',
      'support.absenteeism',
      'support.ftAttrition',
      'support.ptAttrition',
      'support.managerRatio',
      'support.qaRatio',
      'support.trainerRatio',
      'support.others',
    ]);
  });

  it('builds each KPI from the catalogue: its label, a required { target, actual } in its unit, its definition as help', () => {
    for (const k of REQUIRED_KPIS) {
      const g = at(k.key) as GroupField;
      expect(g).toMatchObject({ type: 'group', label: k.label, help: k.definition });
      expect(g.optional).toBeFalsy();
      expect(g.fields).toEqual([
        expect.objectContaining({ type: 'decimal', key: 'target', unit: k.unit }),
        expect.objectContaining({ type: 'decimal', key: 'actual', unit: k.unit }),
      ]);
      expect(g.fields.every((f) => !f.optional)).toBe(true);
    }
  });

  it('declares others[] as an optional list of at most 10 rows with their own direction', () => {
    for (const area of ['operations', 'support']) {
      const l = at(`${area}.others`) as ListField;
      expect(l).toMatchObject({ type: 'list', maxItems: 10, optional: true });
      expect(l.fields.map((f) => `${f.key}:${f.type}`)).toEqual([
        'name:text',
        'unit:text',
        'direction:choice',
        'target:decimal',
        'actual:decimal',
      ]);
      const direction = child(l.fields, 'direction');
      expect(direction.type === 'choice' && direction.options.map((o) => o.code)).toEqual(['higher', 'lower']);
    }
  });

  it('declares no computed output as input', () => {
    const keys = JSON.stringify(kpisSection.fields);
    expect(keys).not.toMatch(/"key":"(met|gapPct)"/);
  });
});

describe('kpis waivedPaths', () => {
  const WAIVED = ['support.ptAttrition', 'support.ptAttrition.target', 'support.ptAttrition.actual'];

  it('waives part-time attrition when basics reports no part-timers', () => {
    expect(kpisSection.waivedPaths!({}, basics(0))).toEqual(WAIVED);
  });

  it('keeps it required with part-timers, or while the headcount is unanswered or malformed', () => {
    expect(kpisSection.waivedPaths!({}, basics(12))).toEqual([]);
    expect(kpisSection.waivedPaths!({}, basics())).toEqual([]);
    expect(kpisSection.waivedPaths!({}, basics(null))).toEqual([]);
    expect(kpisSection.waivedPaths!({}, basics('0'))).toEqual([]);
  });

  it('waives nothing else', () => {
    expect(kpisSection.waivedPaths!({}, basics(0)).every((p) => p.startsWith('support.ptAttrition'))).toBe(true);
  });
});

describe('kpis compute', () => {
  it('returns empty areas for empty data', () => {
    expect(compute({})).toEqual({ operations: {}, support: {} });
  });

  it('evaluates only KPIs with both target and actual', () => {
    const data = {
      operations: { aht: { target: 300, actual: 330 }, fcr: { target: 80 }, acw: { actual: 20 }, abandonRate: { target: null, actual: 3 } },
      support: { managerRatio: { target: 15, actual: 16 } },
    };
    expect(compute(data)).toEqual({
      operations: { aht: { met: false, gapPct: -10 } },
      support: { managerRatio: { met: true, gapPct: -6.7 } },
    });
  });

  it('judges each required KPI by the catalogue direction and tolerance', () => {
    const data = {
      operations: {
        aht: { target: 300, actual: 285 }, // lower
        acw: { target: 30, actual: 33 }, // lower, missed
        abandonRate: { target: 5, actual: 3.2 }, // lower
        fcr: { target: 85, actual: 88 }, // higher
        occupancy: { target: 85, actual: 80 }, // band ±5 points, on the edge
        qualityScore: { target: 90, actual: 88 }, // higher, missed
      },
      support: {
        absenteeism: { target: 3, actual: 2.1 },
        ftAttrition: { target: 20, actual: 18.5 },
        ptAttrition: { target: 25, actual: 30 },
        managerRatio: { target: 15, actual: 13.5 }, // band ±10 %, on the edge
        qaRatio: { target: 20, actual: 23 }, // band ±10 %, 15 % over
        trainerRatio: { target: 40, actual: 40 },
      },
    };
    expect(compute(data)).toEqual({
      operations: {
        aht: { met: true, gapPct: 5 },
        acw: { met: false, gapPct: -10 },
        abandonRate: { met: true, gapPct: 36 },
        fcr: { met: true, gapPct: 3.5 },
        occupancy: { met: true, gapPct: -5.9 },
        qualityScore: { met: false, gapPct: -2.2 },
      },
      support: {
        absenteeism: { met: true, gapPct: 30 },
        ftAttrition: { met: true, gapPct: 7.5 },
        ptAttrition: { met: false, gapPct: -20 },
        managerRatio: { met: true, gapPct: -10 },
        qaRatio: { met: false, gapPct: -15 },
        trainerRatio: { met: true, gapPct: 0 },
      },
    });
  });

  it('reports a null gap against a zero target', () => {
    expect(compute({ support: { absenteeism: { target: 0, actual: 0 } } })).toEqual({
      operations: {},
      support: { absenteeism: { met: true, gapPct: null } },
    });
  });

  it('judges others[] by their own direction, one entry per row, null for incomplete rows', () => {
    const data = {
      operations: {
        others: [
          { name: 'ASA', unit: 's', direction: 'lower', target: 20, actual: 15 },
          { name: '服务水平', unit: '%', direction: 'higher', target: 80, actual: 86 },
          { name: 'x' },
          { name: 'y', direction: 'band', target: 1, actual: 1 }, // not a code of the list
          null,
        ],
      },
      support: { others: [] },
    };
    expect(compute(data)).toEqual({
      operations: { others: [{ met: true, gapPct: 25 }, { met: true, gapPct: 7.5 }, null, null, null] },
      support: { others: [] },
    });
  });

  it('leaves others out when the list is absent or malformed', () => {
    expect(compute({ operations: { others: 'nope' } })).toEqual({ operations: {}, support: {} });
  });
});

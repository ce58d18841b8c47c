/**
 * Part 2 §8 绩效指标 — KPIs. The required KPIs come from the catalogue (labels and units declared
 * there once); each is `{ target, actual }`. The server computes `met` and `gapPct` per KPI.
 */
import { choice, decimal, group, list, opt, text } from '../../field-builders';
import type { FieldNode, SectionData, SectionDefinition } from '../../field-types';
import { evaluateKpi, REQUIRED_KPIS, type KpiDefinition, type KpiDirection, type KpiEvaluation } from '../../kpi-catalogue';
import { getPath, num } from '../../rule-helpers';

const OTHERS_MAX = 10;

/** The seed's two columns: 目标 and 过去12个月的达成情况. */
const TARGET = ['target', '目标', 'Target'] as const;
const ACTUAL = ['actual', '过去12个月的达成情况', 'Actual (past 12 months)'] as const;

// The catalogue's definition becomes the help text, so the UI and the PDF state it the same way.
const kpiField = (k: KpiDefinition): FieldNode =>
  group(
    k.key.split('.')[1],
    k.label.zh,
    k.label.en,
    [decimal(...TARGET, { unit: k.unit, max: k.max }), decimal(...ACTUAL, { unit: k.unit, max: k.max })],
    { help: k.definition },
  );

const othersField = (): FieldNode =>
  list(
    'others',
    '其他指标',
    'Other indicators',
    OTHERS_MAX,
    [
      text('name', '指标名称', 'Indicator'),
      text('unit', '单位', 'Unit', { max: 50 }),
      choice('direction', '方向', 'Better when', [opt('higher', '越高越好', 'Higher'), opt('lower', '越低越好', 'Lower')]),
      decimal(...TARGET),
      decimal(...ACTUAL),
    ],
    { optional: true },
  );

const area = (prefix: 'operations' | 'support', zh: string, en: string): FieldNode =>
  group(prefix, zh, en, [...REQUIRED_KPIS.filter((k) => k.key.startsWith(`${prefix}.`)).map(kpiField), othersField()]);

function evaluate(
  data: SectionData,
  path: string,
  direction: KpiDirection,
  tolerance?: KpiDefinition['tolerance'],
): KpiEvaluation | undefined {
  const target = num(data, `${path}.target`);
  const actual = num(data, `${path}.actual`);
  return target === undefined || actual === undefined ? undefined : evaluateKpi(direction, target, actual, tolerance);
}

export const kpisSection: SectionDefinition = {
  key: 'kpis',
  order: 8,
  part: 2,
  title: { zh: '绩效指标', en: 'Key performance indicators' },
  dossier: ['kpi-table'],
  fields: [
    area('operations', '运营关键指标', 'Key operational indicators'),
    area('support', '运营支撑指标', 'Operational support indicators'),
  ],

  waivedPaths(_data, ctx) {
    // No part-timers, no part-time attrition to report. Only an explicit 0 waives it: an unanswered
    // headcount is itself reported missing in basics. The leaves are listed too, so the waiver
    // does not depend on the engine treating a waived group as covering its children.
    return num(ctx.section('basics'), 'staffing.seats.partTime.headcount') === 0
      ? ['support.ptAttrition', 'support.ptAttrition.target', 'support.ptAttrition.actual']
      : [];
  },

  /**
   * `{ area: { kpi: { met, gapPct } } }` for each KPI with both target and actual. `others` keeps
   * one entry per row, null for a row not yet complete, so results line up with the rows by index.
   */
  compute(data) {
    const out: Record<string, Record<string, unknown>> = { operations: {}, support: {} };
    for (const k of REQUIRED_KPIS) {
      const result = evaluate(data, k.key, k.direction, k.tolerance);
      const [areaKey, kpiKey] = k.key.split('.');
      if (result) out[areaKey][kpiKey] = result;
    }
    for (const areaKey of ['operations', 'support'] as const) {
      const rows = getPath(data, `${areaKey}.others`);
      if (!Array.isArray(rows)) continue;
      out[areaKey].others = rows.map((row, i) => {
        const direction = (row as { direction?: unknown })?.direction;
        return direction === 'higher' || direction === 'lower' ? (evaluate(data, `${areaKey}.others.${i}`, direction) ?? null) : null;
      });
    }
    return out;
  },
};

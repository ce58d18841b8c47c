/**
 * Part 2 §8 绩效指标 — KPIs. The required KPIs come from the catalogue (labels and units declared
 * there once); each is `{ target, actual }`. The server computes `met` and `gapPct` per KPI.
 */
import { choice, decimal, group, list, opt, text } from '../../field-builders';
import type { FieldNode, SectionData, SectionDefinition } from '../../field-types';
import { evaluateKpi, REQUIRED_KPIS, type KpiDefinition, type KpiEvaluation } from '../../kpi-catalogue';
import { getPath, num } from '../../rule-helpers';

const OTHERS_MAX = 10;

const kpiField = (k: KpiDefinition): FieldNode =>
  group(k.key.split('.')[1], k.label.zh, k.label.en, [
    decimal('target', '目标值', 'Target', { unit: k.unit }),
    decimal('actual', '过去12个月达成', 'Actual (past 12 months)', { unit: k.unit }),
  ]);

const othersField = (): FieldNode =>
  list('others', '其他指标', 'Other indicators', OTHERS_MAX, [
    text('name', '指标名称', 'Indicator'),
    text('unit', '单位', 'Unit', { max: 50 }),
    choice('direction', '方向', 'Better when', [opt('higher', '越高越好', 'Higher'), opt('lower', '越低越好', 'Lower')]),
    decimal('target', '目标值', 'Target'),
    decimal('actual', '过去12个月达成', 'Actual (past 12 months)'),
  ], { optional: true });

const area = (prefix: 'operations' | 'support', zh: string, en: string): FieldNode =>
  group(prefix, zh, en, [...REQUIRED_KPIS.filter((k) => k.key.startsWith(`${prefix}.`)).map(kpiField), othersField()]);

function evaluate(data: SectionData, path: string, direction: 'higher' | 'lower' | 'band', tolerance?: KpiDefinition['tolerance']): KpiEvaluation | undefined {
  const target = num(data, `${path}.target`);
  const actual = num(data, `${path}.actual`);
  return target === undefined || actual === undefined ? undefined : evaluateKpi(direction, target, actual, tolerance);
}

export const kpisSection: SectionDefinition = {
  key: 'kpis',
  order: 8,
  part: 2,
  title: { zh: '绩效指标', en: 'Key performance indicators' },
  fields: [area('operations', '运营指标', 'Operations'), area('support', '支持指标', 'Support')],

  waivedPaths(_data, ctx) {
    // no part-timers, no part-time attrition to report
    return num(ctx.section('basics'), 'staffing.seats.partTime.headcount') === 0 ? ['support.ptAttrition'] : [];
  },

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
        return direction === 'higher' || direction === 'lower' ? evaluate(data, `${areaKey}.others.${i}`, direction) ?? null : null;
      });
    }
    return out;
  },
};

/**
 * The KPIs every applicant reports (shared/spec/kpi-catalogue.md): labels, units, which way is
 * better, and how `met` / `gapPct` are judged. Declared once; the kpis section builds its fields
 * from this list and the dossier and benchmarks read it.
 */
import { SECONDS_MAX, type Label } from './field-types';

export type KpiDirection = 'lower' | 'higher' | 'band';

/** For `band` KPIs: how far from target still counts as met. */
export interface KpiTolerance {
  /** `points`: absolute (percentage points); `relative`: percent of the target. */
  kind: 'points' | 'relative';
  value: number;
}

export interface KpiDefinition {
  /** Dotted key inside the kpis section, e.g. `operations.aht`. */
  key: string;
  label: Label;
  unit: Label;
  /** Largest target or actual accepted, from the unit (seconds ≤ 10⁶, % and points ≤ 100, agents per role ≤ 10⁴). */
  max: number;
  direction: KpiDirection;
  tolerance?: KpiTolerance;
  definition: Label;
}

const SECONDS: Label = { zh: '秒', en: 'seconds' };
const PERCENT: Label = { zh: '%', en: '%' };
const AGENTS: Label = { zh: '人 (1:N)', en: 'agents (1:N)' };
const AGENTS_PER_ROLE_MAX = 10_000;
/** Leavers ÷ average headcount: more than 100 % a year happens in high-churn centers. */
const ATTRITION_MAX = 1000;

export const REQUIRED_KPIS: readonly KpiDefinition[] = [
  {
    key: 'operations.aht',
    label: { zh: '平均联系处理时间', en: 'Average handle time' },
    unit: SECONDS,
    max: SECONDS_MAX,
    direction: 'lower',
    definition: { zh: '（通话 + 保持 + 联系后处理时间）÷ 处理的联系量', en: '(talk + hold + after-contact work) ÷ handled contacts' },
  },
  {
    key: 'operations.acw',
    label: { zh: '平均联系后处理时间', en: 'Average after-contact work' },
    unit: SECONDS,
    max: SECONDS_MAX,
    direction: 'lower',
    definition: { zh: '联系后处理时间 ÷ 处理的联系量', en: 'after-contact work time ÷ handled contacts' },
  },
  {
    key: 'operations.abandonRate',
    label: { zh: '平均联系放弃率', en: 'Abandonment rate' },
    unit: PERCENT,
    max: 100,
    direction: 'lower',
    definition: { zh: '应答前放弃的联系量 ÷ 进入的联系量', en: 'contacts abandoned before answer ÷ contacts offered' },
  },
  {
    key: 'operations.fcr',
    label: { zh: '首次联系解决率', en: 'First-contact resolution' },
    unit: PERCENT,
    max: 100,
    direction: 'higher',
    definition: {
      zh: '首次联系（或承诺时限内、无重复联系）即解决的需求 ÷ 全部需求',
      en: 'needs resolved in the first contact (or within the promised time, no repeat contact) ÷ all needs',
    },
  },
  {
    key: 'operations.occupancy',
    label: { zh: '工时有效率（占用率）', en: 'Occupancy' },
    unit: PERCENT,
    max: 100,
    direction: 'band',
    tolerance: { kind: 'points', value: 5 },
    definition: { zh: '处理联系的时间 ÷ 登录可用时间', en: 'time handling contacts ÷ logged-in available time' },
  },
  {
    key: 'operations.qualityScore',
    label: { zh: '质量分值', en: 'Quality score' },
    unit: { zh: '分（满分100）', en: 'points of 100' },
    max: 100,
    direction: 'higher',
    definition: { zh: '质量监控平均得分', en: 'mean quality-monitoring score' },
  },
  {
    key: 'support.absenteeism',
    label: { zh: '缺勤率', en: 'Absenteeism' },
    unit: PERCENT,
    max: 100,
    direction: 'lower',
    definition: { zh: '缺勤的排班工时 ÷ 排班工时', en: 'scheduled hours missed ÷ scheduled hours' },
  },
  {
    key: 'support.ftAttrition',
    label: { zh: '全职人员流失率', en: 'Full-time attrition (annual)' },
    unit: PERCENT,
    max: ATTRITION_MAX,
    direction: 'lower',
    definition: { zh: '全职离职人数 ÷ 平均全职人数', en: 'full-time leavers ÷ average full-time headcount' },
  },
  {
    key: 'support.ptAttrition',
    label: { zh: '兼职人员流失率', en: 'Part-time attrition (annual)' },
    unit: PERCENT,
    max: ATTRITION_MAX,
    direction: 'lower',
    definition: { zh: '兼职离职人数 ÷ 平均兼职人数', en: 'part-time leavers ÷ average part-time headcount' },
  },
  {
    key: 'support.managerRatio',
    label: { zh: '管理人员对比人员的比例', en: 'Agents per manager' },
    unit: AGENTS,
    max: AGENTS_PER_ROLE_MAX,
    direction: 'band',
    tolerance: { kind: 'relative', value: 10 },
    definition: { zh: '座席人数 ÷ 管理人员数', en: 'agents ÷ managers' },
  },
  {
    key: 'support.qaRatio',
    label: { zh: '质检对比人员的比例', en: 'Agents per QA analyst' },
    unit: AGENTS,
    max: AGENTS_PER_ROLE_MAX,
    direction: 'band',
    tolerance: { kind: 'relative', value: 10 },
    definition: { zh: '座席人数 ÷ 质检人员数', en: 'agents ÷ QA staff' },
  },
  {
    key: 'support.trainerRatio',
    label: { zh: '培训师对比人员的比例', en: 'Agents per trainer' },
    unit: AGENTS,
    max: AGENTS_PER_ROLE_MAX,
    direction: 'band',
    tolerance: { kind: 'relative', value: 10 },
    definition: { zh: '座席人数 ÷ 培训师人数', en: 'agents ÷ trainers' },
  },
];

export interface KpiEvaluation {
  met: boolean;
  /** (actual − target) / target × 100, signed so that positive is better; null when target is 0. */
  gapPct: number | null;
}

/**
 * Rounds to 1 decimal, halves away from zero, so a gap of +6.25 and one of −6.25 round to the same
 * magnitude (Math.round alone sends −6.25 to −6.2). The epsilon absorbs binary noise such as
 * 0.1 × 100 = 10.000000000000002. Never returns −0.
 */
function roundGap(n: number): number {
  const r = Math.round(Math.abs(n) * 10 + 1e-9) / 10;
  return n < 0 && r !== 0 ? -r : r;
}

export function evaluateKpi(direction: KpiDirection, target: number, actual: number, tolerance?: KpiTolerance): KpiEvaluation {
  const diff = actual - target;
  // A relative gap against a zero target is meaningless (division by zero), not infinite.
  const rel = target === 0 ? null : (diff / target) * 100;
  const gap = (better: (r: number) => number) => (rel === null ? null : roundGap(better(rel)));
  switch (direction) {
    case 'higher':
      return { met: actual >= target, gapPct: gap((r) => r) };
    case 'lower':
      return { met: actual <= target, gapPct: gap((r) => -r) };
    case 'band': {
      const allowed = !tolerance ? 0 : tolerance.kind === 'points' ? tolerance.value : (Math.abs(target) * tolerance.value) / 100;
      // 1e-9: 10 % of 15 is 1.5000000000000002 in floating point
      return { met: Math.abs(diff) <= allowed + 1e-9, gapPct: gap((r) => -Math.abs(r)) };
    }
  }
}

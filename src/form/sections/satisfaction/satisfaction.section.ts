/**
 * Part 2 §7 客户满意度 — Customer satisfaction (`shared/spec/application-form.md` § `satisfaction`).
 */
import { choice, decimal, essay, multi, OTHER, opt, yesno } from '../../field-builders';
import type { FieldIssue, SectionData, SectionDefinition } from '../../field-types';
import { num } from '../../rule-helpers';

/** Scales in use are 5, 10, 100, at most 1000 points. */
const SCALE_MAX = 10_000;

export const satisfactionSection: SectionDefinition = {
  key: 'satisfaction',
  order: 7,
  part: 2,
  title: { zh: '客户满意度', en: 'Customer satisfaction' },
  fields: [
    decimal('score', '客户满意度分值 (过去12个月)', 'Customer satisfaction score (past 12 months)', { max: SCALE_MAX }),
    decimal('scaleMax', '满分', 'Maximum score of the scale', {
      positive: true,
      max: SCALE_MAX,
      help: { zh: '例如 5、10、100', en: 'e.g. 5, 10, 100' },
    }),
    essay('methodology', '评分方法、工具及定义', 'Scoring method, tools and definitions'),
    yesno('measuresDissatisfaction', '是否有评测“客户不满意度”', 'Do you measure customer dissatisfaction?', { detailWhenYes: true }),
    multi('measuredBy', '谁负责评测客户满意度', 'Who measures customer satisfaction', [
      opt('center_staff', '中心员工', 'Contact-center staff'),
      opt('other_department', '其他公司部门', 'Another company department'),
      opt('third_party', '第三方公司', 'Third-party company'),
      OTHER,
    ]),
    choice('frequency', '定期评估及分析的频次', 'How often satisfaction is assessed and analysed', [
      opt('monthly', '一个月/次', 'Monthly'),
      opt('quarterly', '一个季度/次', 'Quarterly'),
      opt('yearly', '一年/次', 'Yearly'),
      opt('unknown', '不知道', "Don't know"),
      OTHER,
    ]),
    multi(
      'actionsTaken',
      '评估后采取了哪些措施',
      'Actions taken after the assessment',
      [
        opt('extend_hours', '延长服务时间', 'Extended service hours'),
        opt('hardware_upgrade', '硬件升级', 'Hardware upgrade'),
        opt('more_ivr_options', '更多IVR的选项', 'More IVR options'),
        opt('software_upgrade', '软件升级', 'Software upgrade'),
        opt('more_training', '更多培训计划', 'More training'),
        opt('more_channels', '更多客户交互渠道的选择', 'More channels for customers'),
        opt('none', '没有改进措施', 'No improvement actions'),
        OTHER,
      ],
      { exclusive: ['none'] },
    ),
    essay('biggestOutcome', '为客户所带来改变的最大成果', 'Biggest resulting change for customers'),
  ],

  sealRules(data: SectionData): FieldIssue[] {
    const score = num(data, 'score');
    const max = num(data, 'scaleMax');
    if (score === undefined || max === undefined || score <= max) return [];
    return [{ path: 'score', code: 'exceeds', params: { max } }];
  },
};

/**
 * Part 2 §5 人员管理 — People management (`shared/spec/application-form.md` § `people`).
 */
import { essay, multi, OTHER, opt, percent, yesno } from '../../field-builders';
import type { SectionDefinition } from '../../field-types';

export const peopleSection: SectionDefinition = {
  key: 'people',
  order: 5,
  part: 2,
  title: { zh: '人员管理', en: 'People management' },
  fields: [
    percent('fullTimeAttritionPct', '全职员工年度流失率 (%)', 'Annual full-time attrition (%)'),
    yesno('satisfactionSurvey', '是否有做员工满意度调查', 'Do you run employee satisfaction surveys?', { detailWhenYes: true }),
    essay('attritionStrategies', '降低员工流失率的主要策略', 'Main strategies to reduce attrition'),
    essay(
      'schedulingWellbeing',
      '如何通过排班管理提高员工工作舒适度及满意度',
      'How scheduling is used to improve staff comfort and satisfaction',
    ),
    multi('motivationMethods', '激励员工的方法', 'How staff are motivated', [
      opt('bonus_scheme', '奖金设定', 'Bonus scheme'),
      opt('clear_goals', '明确的目标', 'Clear goals'),
      opt('contests', '劳动竞赛', 'Performance contests'),
      opt('cash_rewards', '提供现金奖励', 'Cash rewards'),
      opt('personal_growth', '提供个人发展机会', 'Personal growth opportunities'),
      opt('one_on_one_talks', '面谈管理机制', 'One-on-one talks'),
      opt('written_comms', '内部沟通(文字)', 'Internal communication (written)'),
      opt('verbal_comms', '内部沟通(口头)', 'Internal communication (verbal)'),
      opt('non_monetary', '非金钱奖励', 'Non-monetary rewards'),
      opt('performance_reviews', '定期绩效评估', 'Regular performance reviews'),
      opt('team_meetings', '定期团队会议', 'Regular team meetings'),
      opt('salary_adjustment', '薪资调整', 'Salary adjustments'),
      opt('team_building', '社交联谊(团建)', 'Social events (team building)'),
      opt('development_plans', '制定个人发展计划', 'Individual development plans'),
      OTHER,
    ]),
  ],
};

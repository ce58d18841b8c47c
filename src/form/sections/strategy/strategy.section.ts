/**
 * Part 2 §1 企业文化 + §2 战略规划 — Culture and strategy (`shared/spec/application-form.md` § `strategy`).
 */
import { essay, group, OTHER, opt, pick3, text } from '../../field-builders';
import type { SectionDefinition } from '../../field-types';

export const strategySection: SectionDefinition = {
  key: 'strategy',
  order: 2,
  part: 2,
  title: { zh: '企业文化与战略规划', en: 'Culture and strategy' },
  fields: [
    group('culture', '企业文化', 'Corporate culture', [
      text('mission', '公司使命', 'Mission', { max: 500 }),
      text('vision', '企业愿景', 'Vision', { max: 500 }),
      text('coreValues', '核心价值观', 'Core values', { max: 500 }),
    ]),
    essay(
      'overallStrategy',
      '呼叫中心总体战略及其功能, 如何为组织整体成功做出贡献',
      "Overall strategy and role of the contact center, and how it contributes to the organisation's success",
    ),
    essay('omnichannelStrategy', '全渠道(数字化/智能化)客户交互策略', 'Omnichannel (digital/intelligent) customer interaction strategy'),
    pick3('topChallenges', '未来12个月面临的三大挑战 (仅选3)', 'Top three challenges for the next 12 months (pick 3)', [
      opt('proactive_sales', '强化主动销售功能', 'Strengthen proactive sales'),
      opt('retention', '客户维系/保有', 'Customer retention'),
      opt('staff_productivity', '提高员工生产力', 'Improve staff productivity'),
      opt('leverage_technology', '利用当前技术提升效益', 'Get more out of current technology'),
      opt('staff_capability', '提高员工能力水平', 'Raise staff capability'),
      opt('management_efficiency', '提高管理效率', 'Improve management efficiency'),
      opt('service_level', '提高服务水平', 'Improve service level'),
      opt('service_quality', '提高服务质量(客户体验)', 'Improve service quality (customer experience)'),
      opt('fcr', '提高呼叫一次性解决率', 'Improve first-contact resolution'),
      opt('channel_integration', '与其他客户沟通渠道集成', 'Integrate with other customer channels'),
      opt('systems_integration', '整合技术及系统', 'Integrate technology and systems'),
      opt('motivation_culture', '保持激励动力/人才发展文化', 'Sustain motivation / a talent-development culture'),
      opt('resource_optimisation', '优化可用资源的使用', 'Optimise use of available resources'),
      opt('recruit_more', '招聘更多的客服代表', 'Recruit more agents'),
      opt('reduce_attrition', '减少员工流失率', 'Reduce staff attrition'),
      opt('use_data', '更有效地使用数据/信息', 'Use data and information more effectively'),
      OTHER,
    ]),
  ],
};

/** Part 2 §11 其他补充信息 — Highlights, the finals presentation and summary materials. */
import { attachment, essay } from '../../field-builders';
import type { SectionDefinition } from '../../field-types';

export const highlightsSection: SectionDefinition = {
  key: 'highlights',
  order: 11,
  part: 2,
  title: { zh: '其他补充信息', en: 'Additional information' },
  fields: [
    essay('bestPractices', '优秀实践及成果，以及为什么能赢得此奖项', 'Best practices and results, and why the center deserves the award', {
      max: 5000,
    }),
    essay('finalsPresentation', '决赛20分钟现场展示的内容', 'What a 20-minute finals presentation would show'),
    attachment('summaryMaterials', '整体总结材料', 'Overall summary materials', 'supporting_doc', {
      optional: true,
      max: 10,
      help: { zh: '建议提供，是评委的重要参考', en: 'Recommended: an important reference for the judges' },
    }),
  ],
};

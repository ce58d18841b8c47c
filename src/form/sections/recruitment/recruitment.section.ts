/**
 * Part 2 §3 招聘管理 — Recruitment (`shared/spec/application-form.md` § `recruitment`).
 */
import { computed, essay, int, multi, OTHER, opt } from '../../field-builders';
import type { FieldIssue, SectionData, SectionDefinition } from '../../field-types';
import { num, round1 } from '../../rule-helpers';

export const recruitmentSection: SectionDefinition = {
  key: 'recruitment',
  order: 3,
  part: 2,
  title: { zh: '招聘管理', en: 'Recruitment' },
  fields: [
    essay('process', '招聘方法及流程', 'Recruitment methods and process'),
    multi('interviewMethods', '面试方法 (可多选)', 'Interview methods (select all that apply)', [
      opt('screening', '筛选', 'Screening'),
      opt('group_interview', '小组面试', 'Group interview'),
      opt('assessment_center', '评估中心', 'Assessment center'),
      opt('one_on_one', '1对1面试', 'One-on-one interview'),
      opt('personality_test', '性格/心理测试', 'Personality / psychometric test'),
      OTHER,
    ]),
    int('applicants', '应聘人员 (过去12个月)', 'Applicants (past 12 months)', { min: 1 }),
    int('passedInterview', '面试通过人员 (过去12个月)', 'Passed the interview (past 12 months)'),
    computed('accuracyRate', '招聘准确率 (=面试通过人员/应聘人员)', 'Recruitment accuracy rate (= passed / applicants)', {
      valueType: 'percent',
    }),
  ],

  sealRules(data: SectionData): FieldIssue[] {
    const applicants = num(data, 'applicants');
    const passed = num(data, 'passedInterview');
    if (applicants === undefined || passed === undefined || passed <= applicants) return [];
    return [{ path: 'passedInterview', code: 'exceeds', params: { max: applicants } }];
  },

  compute(data: SectionData): SectionData {
    const applicants = num(data, 'applicants');
    const passed = num(data, 'passedInterview');
    // No rate rather than a misleading 0 or Infinity while either count is missing.
    if (applicants === undefined || passed === undefined || applicants === 0) return {};
    return { accuracyRate: round1((passed / applicants) * 100) };
  },
};

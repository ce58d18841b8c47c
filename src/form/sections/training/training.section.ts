/**
 * Part 2 §4 培训和发展 — Training and development (`shared/spec/application-form.md` § `training`).
 */
import { decimal, essay, group, OTHER, opt, pick3 } from '../../field-builders';
import type { SectionDefinition } from '../../field-types';

const HOURS_PER_YEAR = { zh: '小时/年', en: 'hours/year' };

export const trainingSection: SectionDefinition = {
  key: 'training',
  order: 4,
  part: 2,
  title: { zh: '培训和发展', en: 'Training and development' },
  fields: [
    essay('system', '培训体系', 'Training system'),
    pick3('topNewHireSkills', '新员工最重要的3项技能和经验', 'Three most important skills and experience for new hires', [
      opt('computer_literacy', '基本的计算机认识', 'Basic computer literacy'),
      opt('communication', '沟通技巧', 'Communication skills'),
      opt('written_communication', '书面沟通技巧', 'Written communication skills'),
      opt('customer_service', '客户服务技巧', 'Customer service skills'),
      opt('education', '教育经历', 'Education'),
      opt('interpersonal', '人际交往能力', 'Interpersonal skills'),
      opt('typing', '打字技能', 'Typing skills'),
      opt('language', '语言技能', 'Language skills'),
      opt('industry_experience', '过往行业经验', 'Prior industry experience'),
      opt('sales_experience', '销售经验', 'Sales experience'),
      OTHER,
    ]),
    group('annualHours', '员工年度平均培训工时', 'Average annual training hours per employee', [
      decimal('newHire', '新员工', 'New hires', { max: 2000, unit: HOURS_PER_YEAR }),
      decimal('tenured', '在职员工', 'Tenured staff', { max: 2000, unit: HOURS_PER_YEAR }),
    ]),
    essay('developmentPlan', '员工培训和发展计划', 'Staff training and development plan'),
  ],
};

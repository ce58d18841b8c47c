import { fieldAt, walkFields } from '../../expanded-fields';
import { trainingSection } from './training.section';

const paths: string[] = [];
walkFields(trainingSection.fields, (_f, path) => paths.push(path));
const codes = (path: string) => {
  const f = fieldAt(trainingSection.fields, path);
  return f && 'options' in f ? f.options.map((o) => o.code) : [];
};

describe('training descriptor', () => {
  // Keys and codes are wire names (API, snapshot, PDF): they must match the spec exactly.
  it('declares the spec keys', () => {
    expect(paths).toEqual(['system', 'topNewHireSkills', 'annualHours', 'annualHours.newHire', 'annualHours.tenured', 'developmentPlan']);
  });

  it('offers the spec skill codes', () => {
    expect(codes('topNewHireSkills')).toEqual([
      'computer_literacy',
      'communication',
      'written_communication',
      'customer_service',
      'education',
      'interpersonal',
      'typing',
      'language',
      'industry_experience',
      'sales_experience',
      'other',
    ]);
  });
});

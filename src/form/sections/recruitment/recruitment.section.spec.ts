import { walkFields } from '../../expanded-fields';
import { recruitmentSection } from './recruitment.section';

const ctx = { section: () => ({}) };
const rules = (data: object) => recruitmentSection.sealRules!(data as never, ctx);
const compute = (data: object) => recruitmentSection.compute!(data as never, ctx);

describe('recruitment seal rules', () => {
  it('accepts passed ≤ applicants, including equal', () => {
    expect(rules({ applicants: 1200, passedInterview: 300 })).toEqual([]);
    expect(rules({ applicants: 10, passedInterview: 10 })).toEqual([]);
  });

  it('flags more passed than applied', () => {
    expect(rules({ applicants: 1200, passedInterview: 1201 })).toEqual([
      { path: 'passedInterview', code: 'exceeds', params: { max: 1200 } },
    ]);
  });

  it('leaves a missing count to completeness', () => {
    expect(rules({ passedInterview: 5 })).toEqual([]);
    expect(rules({ applicants: 5 })).toEqual([]);
  });
});

describe('recruitment accuracy rate', () => {
  it('is passed / applicants as a percent with one decimal', () => {
    expect(compute({ applicants: 1200, passedInterview: 300 })).toEqual({ accuracyRate: 25 });
    expect(compute({ applicants: 3, passedInterview: 1 })).toEqual({ accuracyRate: 33.3 });
    expect(compute({ applicants: 3, passedInterview: 2 })).toEqual({ accuracyRate: 66.7 });
    expect(compute({ applicants: 7, passedInterview: 0 })).toEqual({ accuracyRate: 0 });
  });

  it('is absent while a count is missing or there are no applicants', () => {
    expect(compute({})).toEqual({});
    expect(compute({ applicants: 10 })).toEqual({});
    expect(compute({ passedInterview: 3 })).toEqual({});
    expect(compute({ applicants: 0, passedInterview: 0 })).toEqual({});
  });

  it('is declared as a read-only percent field', () => {
    expect(recruitmentSection.fields.find((f) => f.key === 'accuracyRate')).toMatchObject({ type: 'computed', valueType: 'percent' });
  });
});

describe('recruitment descriptor', () => {
  it('declares the spec keys and interview codes', () => {
    const paths: string[] = [];
    walkFields(recruitmentSection.fields, (_f, path) => paths.push(path));
    expect(paths).toEqual(['process', 'interviewMethods', 'applicants', 'passedInterview', 'accuracyRate']);
    expect(recruitmentSection.fields.find((f) => f.key === 'interviewMethods')).toMatchObject({
      options: ['screening', 'group_interview', 'assessment_center', 'one_on_one', 'personality_test', 'other'].map((code) => ({ code })),
    });
  });
});

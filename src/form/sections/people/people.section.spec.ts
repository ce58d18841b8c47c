import { fieldAt, walkFields } from '../../expanded-fields';
import { peopleSection } from './people.section';

const paths: string[] = [];
walkFields(peopleSection.fields, (_f, path) => paths.push(path));
const codes = (path: string) => {
  const f = fieldAt(peopleSection.fields, path);
  return f && 'options' in f ? f.options.map((o) => o.code) : [];
};

describe('people descriptor', () => {
  // Keys and codes are wire names (API, snapshot, PDF): they must match the spec exactly.
  it('declares the spec keys', () => {
    expect(paths).toEqual([
      'fullTimeAttritionPct',
      'satisfactionSurvey',
      'attritionStrategies',
      'schedulingWellbeing',
      'motivationMethods',
    ]);
  });

  it('offers the spec motivation codes', () => {
    expect(codes('motivationMethods')).toEqual([
      'bonus_scheme',
      'clear_goals',
      'contests',
      'cash_rewards',
      'personal_growth',
      'one_on_one_talks',
      'written_comms',
      'verbal_comms',
      'non_monetary',
      'performance_reviews',
      'team_meetings',
      'salary_adjustment',
      'team_building',
      'development_plans',
      'other',
    ]);
  });
});

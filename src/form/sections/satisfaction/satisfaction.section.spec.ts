import { fieldAt, walkFields } from '../../expanded-fields';
import { satisfactionSection } from './satisfaction.section';

const ctx = { section: () => ({}) };
const rules = (data: object) => satisfactionSection.sealRules!(data as never, ctx);
const codes = (path: string) => {
  const f = fieldAt(satisfactionSection.fields, path);
  return f && 'options' in f ? f.options.map((o) => o.code) : [];
};

describe('satisfaction seal rules', () => {
  it('accepts a score up to the scale maximum', () => {
    expect(rules({ score: 4.7, scaleMax: 5 })).toEqual([]);
    expect(rules({ score: 100, scaleMax: 100 })).toEqual([]);
  });

  it('flags a score above the scale maximum', () => {
    expect(rules({ score: 5.5, scaleMax: 5 })).toEqual([{ path: 'score', code: 'exceeds', params: { max: 5 } }]);
  });

  it('leaves a missing value to completeness', () => {
    expect(rules({ score: 8 })).toEqual([]);
    expect(rules({ scaleMax: 5 })).toEqual([]);
  });
});

describe('satisfaction descriptor', () => {
  // Keys and codes are wire names (API, snapshot, PDF): they must match the spec exactly.
  it('declares the spec keys', () => {
    const paths: string[] = [];
    walkFields(satisfactionSection.fields, (_f, path) => paths.push(path));
    expect(paths).toEqual([
      'score',
      'scaleMax',
      'methodology',
      'measuresDissatisfaction',
      'measuredBy',
      'frequency',
      'actionsTaken',
      'biggestOutcome',
    ]);
  });

  it('offers the spec codes, with `none` exclusive', () => {
    expect(codes('measuredBy')).toEqual(['center_staff', 'other_department', 'third_party', 'other']);
    expect(codes('frequency')).toEqual(['monthly', 'quarterly', 'yearly', 'unknown', 'other']);
    expect(codes('actionsTaken')).toEqual([
      'extend_hours',
      'hardware_upgrade',
      'more_ivr_options',
      'software_upgrade',
      'more_training',
      'more_channels',
      'none',
      'other',
    ]);
    expect(fieldAt(satisfactionSection.fields, 'actionsTaken')).toMatchObject({ exclusive: ['none'] });
  });
});

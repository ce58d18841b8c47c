import { fieldAt, walkFields } from '../../expanded-fields';
import { strategySection } from './strategy.section';

const paths: string[] = [];
walkFields(strategySection.fields, (_f, path) => paths.push(path));
const codes = (path: string) => {
  const f = fieldAt(strategySection.fields, path);
  return f && 'options' in f ? f.options.map((o) => o.code) : [];
};

describe('strategy descriptor', () => {
  // Keys and codes are wire names (API, snapshot, PDF): they must match the spec exactly.
  it('declares the spec keys', () => {
    expect(paths).toEqual([
      'culture',
      'culture.mission',
      'culture.vision',
      'culture.coreValues',
      'overallStrategy',
      'omnichannelStrategy',
      'topChallenges',
    ]);
  });

  it('offers the spec challenge codes', () => {
    expect(codes('topChallenges')).toEqual([
      'proactive_sales',
      'retention',
      'staff_productivity',
      'leverage_technology',
      'staff_capability',
      'management_efficiency',
      'service_level',
      'service_quality',
      'fcr',
      'channel_integration',
      'systems_integration',
      'motivation_culture',
      'resource_optimisation',
      'recruit_more',
      'reduce_attrition',
      'use_data',
      'other',
    ]);
  });
});

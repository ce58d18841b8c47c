import { fieldAt, walkFields } from '../../expanded-fields';
import { omnichannelSection } from './omnichannel.section';

const ctx = { section: () => ({}) };
const rules = (data: object) => omnichannelSection.sealRules!(data as never, ctx);
const codes = (path: string) => {
  const f = fieldAt(omnichannelSection.fields, path);
  return f && 'options' in f ? f.options.map((o) => o.code) : [];
};

describe('omnichannel seal rules', () => {
  it('requires at least one certification when the answer is yes', () => {
    expect(rules({ certifications: { answer: true } })).toEqual([{ path: 'certifications.items', code: 'required' }]);
    expect(rules({ certifications: { answer: true, items: [] } })).toEqual([{ path: 'certifications.items', code: 'required' }]);
  });

  it('accepts yes with items, and no without', () => {
    expect(rules({ certifications: { answer: true, items: ['iso9001'] } })).toEqual([]);
    expect(rules({ certifications: { answer: false } })).toEqual([]);
    expect(rules({})).toEqual([]);
  });
});

describe('omnichannel descriptor', () => {
  // Keys and codes are wire names (API, snapshot, PDF): they must match the spec exactly.
  it('declares the spec keys', () => {
    const paths: string[] = [];
    walkFields(omnichannelSection.fields, (_f, path) => paths.push(path));
    expect(paths).toEqual([
      'certifications',
      'certifications.answer',
      'certifications.items',
      'dedicatedTeam',
      'voiceVsNonVoice',
      'nonVoiceChannels',
      'nonVoiceChannels.items',
      'nonVoiceChannels.detail',
      'nonVoiceRationale',
      'nonVoiceDirection',
      'customerEducation',
      'platformChallenges',
      'successMeasures',
      'successCases',
      'qualityManagement',
    ]);
  });

  it('offers the spec codes', () => {
    expect(codes('certifications.items')).toEqual(['copc', 'iso9001', 'iso27001', 'iso10002', 'cc_cmm', 'other']);
    expect(codes('nonVoiceChannels.items')).toEqual(['email', 'sms', 'wechat', 'web_chat', 'app', 'social_media', 'video', 'other']);
    expect(codes('nonVoiceDirection')).toEqual(['inbound', 'outbound', 'both']);
  });
});

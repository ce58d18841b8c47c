import type { YesNoField } from '../../field-types';
import { technologySection } from './technology.section';

const SYSTEMS = [
  'dedicatedPlatform',
  'cloudPlatform',
  'cti',
  'ivr',
  'iva',
  'chatbot',
  'dialer',
  'webChat',
  'callRecording',
  'aiQualityInspection',
  'wfm',
  'emailManagement',
  'eLearning',
  'disasterRecovery',
];
const field = (key: string) => technologySection.fields.find((f) => f.key === key)!;

describe('technology descriptor', () => {
  it('is §9 of part 2', () => {
    expect(technologySection).toMatchObject({ key: 'technology', order: 9, part: 2 });
  });

  it('declares the spec keys in form order', () => {
    expect(technologySection.fields.map((f) => `${f.key}:${f.type}`)).toEqual([
      ...SYSTEMS.map((k) => `${k}:yesno`),
      'otherTech:yesno',
      'bcp:yesno',
      'newTech:essay',
      'newTechImpact:essay',
    ]);
  });

  it('asks each system yes/no with optional detail', () => {
    for (const k of SYSTEMS) expect((field(k) as YesNoField).detailWhenYes).toBeFalsy();
  });

  it('needs detail when other technology or a BCP is declared', () => {
    for (const k of ['otherTech', 'bcp']) expect((field(k) as YesNoField).detailWhenYes).toBe(true);
  });

  it('requires every answer at seal', () => {
    expect(technologySection.fields.filter((f) => f.optional)).toEqual([]);
  });

  it('labels follow the spec', () => {
    expect(field('callRecording').label.zh).toBe('CM(呼叫监控及录音系统)');
    expect(field('emailManagement').label.zh).toBe('ERMS/EMS');
    expect(field('bcp').label.zh).toBe('业务延续计划(BCP)及流程');
    for (const f of technologySection.fields) expect(f.label.en.trim()).not.toBe('');
  });

  it('has no cross-field rules: detail-when-yes is structural', () => {
    expect(technologySection.sealRules).toBeUndefined();
    expect(technologySection.waivedPaths).toBeUndefined();
    expect(technologySection.compute).toBeUndefined();
  });
});

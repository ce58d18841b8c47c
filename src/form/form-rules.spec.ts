/**
 * Every structural and cross-field rule of shared/spec/application-form.md, listed here by hand
 * from the spec (not derived from the descriptors), so dropping a rule from a descriptor or a
 * section's sealRules makes a test fail.
 */
import { completeApplication } from '../../test/fixtures/complete-application';
import { checkApplication } from './completeness';
import { validateDraft } from './draft-validation';
import { fieldAt } from './expanded-fields';
import type { SectionData } from './field-types';
import { getPath } from './rule-helpers';
import { SectionRegistry } from './section-registry';
import { ALL_SECTIONS } from './sections';

const registry = SectionRegistry.of(ALL_SECTIONS);
const ID = '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b';
const fixture = (): Record<string, SectionData> => JSON.parse(JSON.stringify(completeApplication({ orgChart: [ID], layoutPhotos: [ID] })));

function setPath(obj: SectionData, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = obj as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
  if (value === undefined) delete cur[parts[parts.length - 1]];
  else cur[parts[parts.length - 1]] = value;
}

/** Issues after one mutation of the complete fixture, as "section.path code". */
function issuesAfter(mutate: (app: Record<string, SectionData>) => void): string[] {
  const app = fixture();
  mutate(app);
  return checkApplication(registry, app).map((i) => `${i.section}.${i.path} ${i.code}`);
}

function draftIssues(section: string, mutate: (data: SectionData) => void): string[] {
  const app = fixture();
  const data = app[section] ?? {};
  mutate(data);
  return validateDraft(registry.get(section)!, data).map((i) => `${i.path} ${i.code}`);
}

const split = (full: string): [string, string] => {
  const dot = full.indexOf('.');
  return [full.slice(0, dot), full.slice(dot + 1)];
};

it('the complete fixture is complete', () => {
  expect(checkApplication(registry, fixture())).toEqual([]);
});

describe('`other` needs its XOther text, and XOther needs `other`', () => {
  const WITH_OTHER = [
    'basics.center.businessTypes',
    'basics.center.industry',
    'basics.center.serviceHours',
    'basics.center.channels',
    'strategy.topChallenges',
    'recruitment.interviewMethods',
    'training.topNewHireSkills',
    'people.motivationMethods',
    'omnichannel.certifications.items',
    'omnichannel.nonVoiceChannels.items',
    'satisfaction.measuredBy',
    'satisfaction.frequency',
    'satisfaction.actionsTaken',
  ];

  it.each(WITH_OTHER)('%s', (full) => {
    const [section, path] = split(full);
    const field = fieldAt(registry.get(section)!.fields, path)!;
    expect(field).toBeDefined();
    const codes = 'options' in field ? field.options.map((o) => o.code).filter((c) => c !== 'other' && c !== 'none') : [];
    const withOther = field.type === 'choice' ? 'other' : field.type === 'pick3' ? [codes[0], codes[1], 'other'] : [codes[0], 'other'];
    const withoutOther = field.type === 'choice' ? codes[0] : field.type === 'pick3' ? codes.slice(0, 3) : [codes[0]];

    // chosen, not explained → missing at seal
    expect(
      issuesAfter((app) => {
        setPath(app[section], path, withOther);
        setPath(app[section], `${path}Other`, undefined);
      }),
    ).toContain(`${full}Other other_required`);
    // chosen and explained → fine
    expect(
      issuesAfter((app) => {
        setPath(app[section], path, withOther);
        setPath(app[section], `${path}Other`, '说明');
      }),
    ).toEqual([]);
    // explained without choosing → rejected even in a draft
    expect(
      draftIssues(section, (data) => {
        setPath(data, path, withoutOther);
        setPath(data, `${path}Other`, '说明');
      }),
    ).toContain(`${path}Other other_not_allowed`);
  });
});

describe('pick3: exactly three at seal, never more than three', () => {
  it.each(['strategy.topChallenges', 'training.topNewHireSkills'])('%s', (full) => {
    const [section, path] = split(full);
    const field = fieldAt(registry.get(section)!.fields, path)!;
    const codes = 'options' in field ? field.options.map((o) => o.code).filter((c) => c !== 'other') : [];
    expect(issuesAfter((app) => setPath(app[section], path, codes.slice(0, 2)))).toContain(`${full} pick3`);
    expect(draftIssues(section, (d) => setPath(d, path, codes.slice(0, 2)))).toEqual([]);
    expect(draftIssues(section, (d) => setPath(d, path, codes.slice(0, 4)))).toContain(`${path} too_many`);
  });
});

describe('`none` excludes every other code', () => {
  it('satisfaction.actionsTaken', () => {
    expect(draftIssues('satisfaction', (d) => setPath(d, 'actionsTaken', ['none', 'more_training']))).toContain('actionsTaken exclusive');
    expect(draftIssues('satisfaction', (d) => setPath(d, 'actionsTaken', ['none']))).toEqual([]);
  });
});

describe('yes needs detail', () => {
  const DETAIL_WHEN_YES = [
    'people.satisfactionSurvey',
    'omnichannel.dedicatedTeam',
    'satisfaction.measuresDissatisfaction',
    'technology.otherTech',
    'technology.bcp',
    'environment.envSafetyCertification',
    'environment.infoSecCertification',
    'environment.noiseControl',
    'environment.lightingMonitoring',
    'environment.facilities.other',
    'environment.ergonomics.other',
  ];
  it.each(DETAIL_WHEN_YES)('%s', (full) => {
    const [section, path] = split(full);
    expect(issuesAfter((app) => setPath(app[section], path, { answer: true }))).toEqual([`${full}.detail detail_required`]);
    expect(issuesAfter((app) => setPath(app[section], path, { answer: false }))).toEqual([]);
  });

  it('technology systems other than otherTech/bcp may say yes without detail', () => {
    expect(issuesAfter((app) => setPath(app.technology, 'cti', { answer: true }))).toEqual([]);
  });
});

describe('cross-field rules', () => {
  const cases: Array<[string, (app: Record<string, SectionData>) => void, string]> = [
    [
      'full-time education sums to 100',
      (a) => setPath(a.basics, 'staffing.seats.fullTime.education.associate', 40),
      'basics.staffing.seats.fullTime.education sum_100',
    ],
    [
      'part-time education sums to 100',
      (a) => setPath(a.basics, 'staffing.seats.partTime.education.associate', 50),
      'basics.staffing.seats.partTime.education sum_100',
    ],
    [
      'a filled remote education row sums to 100',
      (a) =>
        setPath(a.basics, 'staffing.seats.remote', {
          headcount: 5,
          education: { bachelorPlus: 50, associate: 20, vocational: 20, highSchoolOrBelow: 0 },
        }),
      'basics.staffing.seats.remote.education sum_100',
    ],
    [
      'age distribution sums to 100',
      (a) => setPath(a.basics, 'staffing.ageDistribution.over50', 5),
      'basics.staffing.ageDistribution sum_100',
    ],
    ['contact mix inbound sums to 100', (a) => setPath(a.basics, 'contactMix.email.inboundPct', 4), 'basics.contactMix.inboundPct sum_100'],
    [
      'contact mix outbound sums to 100',
      (a) => setPath(a.basics, 'contactMix.ivr.outboundPct', 0),
      'basics.contactMix.outboundPct sum_100',
    ],
    [
      'total headcount ≥ 1',
      (a) => {
        for (const t of ['fullTime', 'partTime', 'remote']) setPath(a.basics, `staffing.seats.${t}`, { headcount: 0 });
        setPath(a.kpis, 'support.ptAttrition', undefined);
      },
      'basics.staffing.seats too_small',
    ],
    ['physical seats ≥ 1', (a) => setPath(a.basics, 'facility.physicalSeats', 0), 'basics.facility.physicalSeats too_small'],
    ['passed interview ≤ applicants', (a) => setPath(a.recruitment, 'passedInterview', 1201), 'recruitment.passedInterview exceeds'],
    ['satisfaction score ≤ scale max', (a) => setPath(a.satisfaction, 'score', 5.5), 'satisfaction.score exceeds'],
    [
      'certifications need items when yes',
      (a) => setPath(a.omnichannel, 'certifications', { answer: true }),
      'omnichannel.certifications.items required',
    ],
    ['consent must be true', (a) => setPath(a.receipt, 'consent', false), 'receipt.consent must_be_true'],
    ['an organisation chart is attached', (a) => setPath(a.basics, 'orgChart', []), 'basics.orgChart required'],
    ['layout photos are attached', (a) => setPath(a.environment, 'layoutPhotos', []), 'environment.layoutPhotos required'],
  ];
  it.each(cases)('%s', (_name, mutate, expected) => {
    expect(issuesAfter(mutate)).toContain(expected);
  });

  it('an inbound-only center may leave the outbound column all zeros', () => {
    expect(
      issuesAfter((a) => {
        setPath(a.basics, 'center.operationMode', 'inbound_only');
        for (const r of ['voice', 'email', 'ivr', 'bot', 'other']) setPath(a.basics, `contactMix.${r}.outboundPct`, 0);
      }),
    ).toEqual([]);
  });

  it('an outbound-only center may leave the inbound column all zeros', () => {
    expect(
      issuesAfter((a) => {
        setPath(a.basics, 'center.operationMode', 'outbound_only');
        for (const r of ['voice', 'email', 'ivr', 'bot', 'other']) setPath(a.basics, `contactMix.${r}.inboundPct`, 0);
      }),
    ).toEqual([]);
  });

  it('part-time attrition is optional without part-timers, required with them', () => {
    const noPartTimers = (a: Record<string, SectionData>) => {
      setPath(a.basics, 'staffing.seats.partTime', { headcount: 0 });
      setPath(a.kpis, 'support.ptAttrition', undefined);
    };
    expect(issuesAfter(noPartTimers)).toEqual([]);
    expect(issuesAfter((a) => setPath(a.kpis, 'support.ptAttrition', undefined))).toContain('kpis.support.ptAttrition required');
  });

  it('education rows of seat types with no people are not required', () => {
    expect(issuesAfter((a) => setPath(a.basics, 'staffing.seats.partTime', { headcount: 0 }))).not.toContainEqual(
      expect.stringContaining('partTime.education'),
    );
  });
});

describe('draft-time formats', () => {
  const bad: Array<[string, string, unknown, string]> = [
    ['percent over 100', 'basics', 'staffing.ageDistribution.under25', 130],
    ['percent with 2 decimals', 'basics', 'staffing.ageDistribution.under25', 12.25],
    ['unknown option code', 'basics', 'center.industry', 'mining'],
    ['9-digit postcode', 'receipt', 'postcode', '123456789'],
    ['year before 1950', 'basics', 'center.startYear', 1949],
    ['future year', 'basics', 'center.startYear', new Date().getFullYear() + 1],
    ['bad e-mail', 'basics', 'contact.email', 'not-an-email'],
    ['letters in a phone', 'basics', 'enterprise.phone', 'call me'],
    ['negative int', 'recruitment', 'applicants', -1],
    ['fractional int', 'recruitment', 'applicants', 1.5],
    ['decimal with 3 places', 'satisfaction', 'score', 4.123],
    ['zero floor area', 'basics', 'facility.areaSqm', 0],
    ['training hours over 2000', 'training', 'annualHours.newHire', 2001],
    ['future date', 'environment', 'lastOhsReview.date', '2999-01-01'],
    ['impossible date', 'environment', 'lastOhsReview.date', '2025-02-30'],
    ['text too long', 'strategy', 'culture.mission', 'x'.repeat(501)],
    ['essay too long', 'strategy', 'overallStrategy', '字'.repeat(3001)],
    ['duplicate codes', 'recruitment', 'interviewMethods', ['screening', 'screening']],
  ].map(([name, section, path, value]) => [name as string, section as string, value, path as string]);

  it.each(bad)('%s is rejected with its path', (_name, section, value, path) => {
    expect(draftIssues(section, (d) => setPath(d, path, value)).map((i) => i.split(' ')[0])).toEqual([path]);
  });

  it('accepts a CN mobile number and international landlines', () => {
    expect(draftIssues('basics', (d) => setPath(d, 'contact.mobile', '13912345678'))).toEqual([]);
    expect(draftIssues('basics', (d) => setPath(d, 'contact.phone', '+86 (28) 8888-6601'))).toEqual([]);
  });

  it('checking only what a patch touched finds the same problems there, and keeps XOther with its choice', () => {
    const app = fixture();
    const body = { ...app.basics, center: { ...(app.basics.center as object), industry: 'mining' } };
    expect(validateDraft(registry.get('basics')!, body, ['center']).map((i) => i.path)).toEqual(['center.industry']);
    const strategy = { ...app.strategy, topChallenges: ['fcr', 'use_data', 'retention'], topChallengesOther: '说明' };
    expect(validateDraft(registry.get('strategy')!, strategy, ['topChallenges']).map((i) => i.path)).toEqual(['topChallengesOther']);
    expect(validateDraft(registry.get('strategy')!, { ...strategy, bogus: 1 }, ['bogus']).map((i) => i.path)).toEqual(['bogus']);
  });

  it('computed fields are read-only', () => {
    expect(draftIssues('recruitment', (d) => setPath(d, 'accuracyRate', 25))).toEqual(['accuracyRate read_only']);
  });

  it('reads a value at a path', () => {
    expect(getPath(fixture().basics, 'center.industry')).toBe('finance');
  });
});

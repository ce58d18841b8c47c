/**
 * Every key of shared/spec/application-form.md, written out here by hand from the spec, exists in
 * the form descriptor, and draft validation (which walks the descriptor) accepts it — so neither can
 * drift from the contract (and a key dropped from a descriptor fails here, not in production).
 */
import { fieldAt } from './expanded-fields';
import { validateDraft } from './draft-validation';
import { SectionRegistry } from './section-registry';
import { ALL_SECTIONS } from './sections';

const seat = (t: string) => [
  `staffing.seats.${t}.headcount`,
  ...['bachelorPlus', 'associate', 'vocational', 'highSchoolOrBelow'].map((k) => `staffing.seats.${t}.education.${k}`),
];
const kpi = (area: string, keys: string[]) => keys.flatMap((k) => [`${area}.${k}.target`, `${area}.${k}.actual`]);
const others = (area: string) => ['name', 'unit', 'direction', 'target', 'actual'].map((k) => `${area}.others.${k}`);
const yesnos = (keys: string[]) => keys.flatMap((k) => [`${k}.answer`, `${k}.detail`]);

export const SPEC_KEYS: Record<string, string[]> = {
  basics: [
    'enterprise.name',
    'enterprise.phone',
    'enterprise.website',
    'enterprise.address',
    'enterprise.wechatAccount',
    'contact.name',
    'contact.department',
    'contact.title',
    'contact.email',
    'contact.phone',
    'contact.mobile',
    'contact.imAccount',
    'center.name',
    'center.address',
    'center.startYear',
    'center.operationMode',
    'center.businessTypes',
    'center.businessTypesOther',
    'center.industry',
    'center.industryOther',
    'center.serviceHours',
    'center.serviceHoursOther',
    'center.channels',
    'center.channelsOther',
    ...seat('fullTime'),
    ...seat('partTime'),
    ...seat('remote'),
    'staffing.ageDistribution.under25',
    'staffing.ageDistribution.from25to35',
    'staffing.ageDistribution.from35to50',
    'staffing.ageDistribution.over50',
    'facility.physicalSeats',
    'facility.areaSqm',
    ...['voice', 'email', 'ivr', 'bot', 'other'].flatMap((r) => [`contactMix.${r}.inboundPct`, `contactMix.${r}.outboundPct`]),
    'annualInteractions',
    'orgChart',
  ],
  strategy: [
    'culture.mission',
    'culture.vision',
    'culture.coreValues',
    'overallStrategy',
    'omnichannelStrategy',
    'topChallenges',
    'topChallengesOther',
  ],
  recruitment: ['process', 'interviewMethods', 'interviewMethodsOther', 'applicants', 'passedInterview'],
  training: ['system', 'topNewHireSkills', 'topNewHireSkillsOther', 'annualHours.newHire', 'annualHours.tenured', 'developmentPlan'],
  people: [
    'fullTimeAttritionPct',
    ...yesnos(['satisfactionSurvey']),
    'attritionStrategies',
    'schedulingWellbeing',
    'motivationMethods',
    'motivationMethodsOther',
  ],
  omnichannel: [
    'certifications.answer',
    'certifications.items',
    'certifications.itemsOther',
    ...yesnos(['dedicatedTeam']),
    'voiceVsNonVoice',
    'nonVoiceChannels.items',
    'nonVoiceChannels.itemsOther',
    'nonVoiceChannels.detail',
    'nonVoiceRationale',
    'nonVoiceDirection',
    'customerEducation',
    'platformChallenges',
    'successMeasures',
    'successCases',
    'qualityManagement',
  ],
  satisfaction: [
    'score',
    'scaleMax',
    'methodology',
    ...yesnos(['measuresDissatisfaction']),
    'measuredBy',
    'measuredByOther',
    'frequency',
    'frequencyOther',
    'actionsTaken',
    'actionsTakenOther',
    'biggestOutcome',
  ],
  kpis: [
    ...kpi('operations', ['aht', 'acw', 'abandonRate', 'fcr', 'occupancy', 'qualityScore']),
    ...others('operations'),
    ...kpi('support', ['absenteeism', 'ftAttrition', 'ptAttrition', 'managerRatio', 'qaRatio', 'trainerRatio']),
    ...others('support'),
  ],
  technology: [
    ...yesnos([
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
      'otherTech',
      'bcp',
    ]),
    'newTech',
    'newTechImpact',
  ],
  environment: [
    ...yesnos(['envSafetyCertification', 'infoSecCertification', 'noiseControl', 'lightingMonitoring']),
    'layoutDescription',
    'layoutPhotos',
    ...[
      'prepRoom',
      'trainingRoom',
      'breakRoom',
      'canteen',
      'recreationRoom',
      'gym',
      'outdoorSpace',
      'parking',
      'medicalRoom',
      'shower',
      'childcare',
    ].map((k) => `facilities.${k}`),
    ...yesnos(['facilities.other']),
    ...['pc', 'chairs', 'desks', 'headsets'].map((k) => `ergonomics.${k}`),
    ...yesnos(['ergonomics.other']),
    'ohsFeedback',
    'lastOhsReview.date',
    'lastOhsReview.summary',
  ],
  highlights: ['bestPractices', 'finalsPresentation', 'summaryMaterials'],
  receipt: ['unitName', 'address', 'postcode', 'phone', 'fax', 'contactPerson', 'email', 'unitOpinion', 'consent', 'stampedReceipt'],
};

/** A body holding `path` (list rows by index), its value null: present, but nothing to check. */
function bodyAt(path: string): Record<string, unknown> {
  const parts = path.split('.');
  const root: Record<string, unknown> = {};
  let node: Record<string, unknown> | unknown[] = root;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const child = last ? null : /^\d+$/.test(parts[i + 1]) ? [] : {};
    (node as Record<string, unknown>)[part] = child;
    if (child) node = child;
  }
  return root;
}

const registry = SectionRegistry.of(ALL_SECTIONS);

it('has a registered section for every section key of the API contract', () => {
  expect(registry.keys()).toEqual([...Object.keys(SPEC_KEYS), 'selfAssessment']);
});

describe.each(Object.entries(SPEC_KEYS))('%s', (key, paths) => {
  const def = registry.get(key)!;
  it.each(paths)('%s is in the descriptor and draft validation accepts it', (path) => {
    const descriptorPath = path.replace(/\.(answer|detail)$/, '').replace(/\.others\./, '.others.0.');
    expect(fieldAt(def.fields, descriptorPath)).toBeDefined();
    expect(validateDraft(def, bodyAt(descriptorPath.replace(/\.answer$|\.detail$/, '')))).toEqual([]);
    expect(validateDraft(def, bodyAt(path.replace(/\.others\./, '.others.0.')))).toEqual([]);
  });
});

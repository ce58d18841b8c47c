/**
 * Every key of shared/spec/application-form.md, written out here by hand from the spec, exists in
 * the form descriptor and in the class-validator DTO built from it — so neither can drift from the
 * contract (and a key dropped from a descriptor fails here, not in production).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the storage has no public typings
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: { findTypeMetadata(target: object, prop: string): { typeFunction(): unknown } | undefined };
};
import { getMetadataStorage } from 'class-validator';
import { fieldAt } from './expanded-fields';
import { sectionDto } from './section-dto.factory';
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

/** Property names class-validator knows on a DTO class, following nested DTOs along the path. */
function dtoHasPath(cls: new () => object, path: string): boolean {
  let current: (new () => object) | undefined = cls;
  const parts = path.split('.');
  for (const [i, part] of parts.entries()) {
    if (!current) return false;
    const props = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(current, '', true, false)
        .map((m) => m.propertyName),
    );
    if (!props.has(part)) return false;
    if (i < parts.length - 1)
      current = defaultMetadataStorage.findTypeMetadata(current, part)?.typeFunction() as (new () => object) | undefined;
  }
  return true;
}

const registry = SectionRegistry.of(ALL_SECTIONS);

it('has a registered section for every section key of the API contract', () => {
  expect(registry.keys()).toEqual([...Object.keys(SPEC_KEYS), 'selfAssessment']);
});

describe.each(Object.entries(SPEC_KEYS))('%s', (key, paths) => {
  const def = registry.get(key)!;
  it.each(paths)('%s is in the descriptor and the DTO', (path) => {
    const descriptorPath = path.replace(/\.(answer|detail)$/, '').replace(/\.others\./, '.others.0.');
    expect(fieldAt(def.fields, descriptorPath)).toBeDefined();
    expect(dtoHasPath(sectionDto(def), path.replace(/\.others\./, '.others.'))).toBe(true);
  });
});

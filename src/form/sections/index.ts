/** Every section, in form order: the one place a section is registered (FormModule and pure code build the registry from it). */
import type { SectionDefinition } from '../field-types';
import { basicsSection } from './basics/basics.section';
import { environmentSection } from './environment/environment.section';
import { highlightsSection } from './highlights/highlights.section';
import { kpisSection } from './kpis/kpis.section';
import { omnichannelSection } from './omnichannel/omnichannel.section';
import { peopleSection } from './people/people.section';
import { receiptSection } from './receipt/receipt.section';
import { recruitmentSection } from './recruitment/recruitment.section';
import { satisfactionSection } from './satisfaction/satisfaction.section';
import { selfAssessmentSection } from './selfAssessment/selfAssessment.section';
import { strategySection } from './strategy/strategy.section';
import { technologySection } from './technology/technology.section';
import { trainingSection } from './training/training.section';

export const ALL_SECTIONS: readonly SectionDefinition[] = [
  basicsSection,
  strategySection,
  recruitmentSection,
  trainingSection,
  peopleSection,
  omnichannelSection,
  satisfactionSection,
  kpisSection,
  technologySection,
  environmentSection,
  highlightsSection,
  receiptSection,
  selfAssessmentSection,
];

export const SECTION_KEYS = ALL_SECTIONS.map((d) => d.key);

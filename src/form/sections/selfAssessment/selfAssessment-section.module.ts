import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { selfAssessmentSection } from './selfAssessment.section';

/** Optional CCCS 自评 self-assessment: contributes its descriptor and computed yes-shares to the registry. */
@Module({})
export class SelfAssessmentSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(selfAssessmentSection);
  }
}

import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { selfAssessmentSection } from './selfAssessment.section';

/** Registers the `selfAssessment` section's descriptor, rules and computed fields. */
@Module({})
export class SelfAssessmentSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(selfAssessmentSection);
  }
}

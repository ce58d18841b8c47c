import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { recruitmentSection } from './recruitment.section';

/** Part 2 §3 招聘管理: contributes its descriptor, rules and computed fields to the registry. */
@Module({})
export class RecruitmentSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(recruitmentSection);
  }
}

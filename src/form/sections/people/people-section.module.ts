import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { peopleSection } from './people.section';

/** Part 2 §5 人员管理: contributes its descriptor, rules and computed fields to the registry. */
@Module({})
export class PeopleSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(peopleSection);
  }
}

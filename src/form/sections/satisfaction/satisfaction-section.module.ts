import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { satisfactionSection } from './satisfaction.section';

/** Part 2 §7 客户满意度: contributes its descriptor, rules and computed fields to the registry. */
@Module({})
export class SatisfactionSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(satisfactionSection);
  }
}

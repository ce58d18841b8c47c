import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { basicsSection } from './basics.section';

/** Part 1 基本信息: contributes its descriptor, rules and computed fields to the registry. */
@Module({})
export class BasicsSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(basicsSection);
  }
}

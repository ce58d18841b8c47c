import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { strategySection } from './strategy.section';

/** Part 2 §1 企业文化 + §2 战略规划: contributes its descriptor, rules and computed fields to the registry. */
@Module({})
export class StrategySectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(strategySection);
  }
}

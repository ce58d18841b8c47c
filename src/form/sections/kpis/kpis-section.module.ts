import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { kpisSection } from './kpis.section';

/** Part 2 §8 绩效指标: contributes its descriptor, rules and computed fields to the registry. */
@Module({})
export class KpisSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(kpisSection);
  }
}

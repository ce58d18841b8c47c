import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { highlightsSection } from './highlights.section';

/** Registers the `highlights` section's descriptor, rules and computed fields. */
@Module({})
export class HighlightsSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(highlightsSection);
  }
}

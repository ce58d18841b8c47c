import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { technologySection } from './technology.section';

/** Registers the `technology` section's descriptor, rules and computed fields. */
@Module({})
export class TechnologySectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(technologySection);
  }
}

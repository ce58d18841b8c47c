import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { environmentSection } from './environment.section';

/** Registers the `environment` section's descriptor, rules and computed fields. */
@Module({})
export class EnvironmentSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(environmentSection);
  }
}

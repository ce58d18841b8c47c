import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { environmentSection } from './environment.section';

/** Part 2 §10 呼叫中心环境建设及管理: contributes its descriptor to the registry. */
@Module({})
export class EnvironmentSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(environmentSection);
  }
}

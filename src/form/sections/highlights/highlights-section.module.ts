import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { highlightsSection } from './highlights.section';

/** Part 2 §11 其他补充信息: contributes its descriptor to the registry. */
@Module({})
export class HighlightsSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(highlightsSection);
  }
}

import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { technologySection } from './technology.section';

/** Part 2 §9 呼叫中心系统技术管理及应急管理: contributes its descriptor to the registry. */
@Module({})
export class TechnologySectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(technologySection);
  }
}

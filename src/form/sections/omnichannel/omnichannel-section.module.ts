import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { omnichannelSection } from './omnichannel.section';

/** Part 2 §6 流程管理: contributes its descriptor, rules and computed fields to the registry. */
@Module({})
export class OmnichannelSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(omnichannelSection);
  }
}

import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { receiptSection } from './receipt.section';

/** Part 3 单位回执: contributes its descriptor to the registry. */
@Module({})
export class ReceiptSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(receiptSection);
  }
}

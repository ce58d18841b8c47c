import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { receiptSection } from './receipt.section';

/** Registers the `receipt` section's descriptor, rules and computed fields. */
@Module({})
export class ReceiptSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(receiptSection);
  }
}

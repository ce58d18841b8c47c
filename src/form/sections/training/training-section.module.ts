import { Module } from '@nestjs/common';
import { SectionRegistry } from '../../section-registry';
import { trainingSection } from './training.section';

/** Part 2 §4 培训和发展: contributes its descriptor, rules and computed fields to the registry. */
@Module({})
export class TrainingSectionModule {
  constructor(registry: SectionRegistry) {
    registry.register(trainingSection);
  }
}

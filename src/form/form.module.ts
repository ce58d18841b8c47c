import { Global, Module } from '@nestjs/common';
import { FormController } from './form.controller';
import { SectionRegistry } from './section-registry';
import { ALL_SECTIONS } from './sections';

/**
 * The award form. Sections are registered once, in `sections/index.ts` (`ALL_SECTIONS`, form
 * order); the registry is global so generic code (completeness, snapshot, dossier) shares it.
 */
@Global()
@Module({
  providers: [{ provide: SectionRegistry, useFactory: () => SectionRegistry.of(ALL_SECTIONS) }],
  exports: [SectionRegistry],
  controllers: [FormController],
})
export class FormModule {}

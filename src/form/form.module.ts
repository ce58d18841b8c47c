import { Global, Module } from '@nestjs/common';
import { FormController } from './form.controller';
import { SectionRegistry } from './section-registry';
import { BasicsSectionModule } from './sections/basics/basics-section.module';
import { EnvironmentSectionModule } from './sections/environment/environment-section.module';
import { HighlightsSectionModule } from './sections/highlights/highlights-section.module';
import { KpisSectionModule } from './sections/kpis/kpis-section.module';
import { OmnichannelSectionModule } from './sections/omnichannel/omnichannel-section.module';
import { PeopleSectionModule } from './sections/people/people-section.module';
import { ReceiptSectionModule } from './sections/receipt/receipt-section.module';
import { RecruitmentSectionModule } from './sections/recruitment/recruitment-section.module';
import { SatisfactionSectionModule } from './sections/satisfaction/satisfaction-section.module';
import { SelfAssessmentSectionModule } from './sections/selfAssessment/selfAssessment-section.module';
import { StrategySectionModule } from './sections/strategy/strategy-section.module';
import { TechnologySectionModule } from './sections/technology/technology-section.module';
import { TrainingSectionModule } from './sections/training/training-section.module';

/** The registry, global so every section module (and generic code) shares the one instance. */
@Global()
@Module({ providers: [SectionRegistry], exports: [SectionRegistry] })
export class SectionRegistryModule {}

/** The award form: one module per section, each registering itself with the registry. */
@Module({
  imports: [
    SectionRegistryModule,
    BasicsSectionModule,
    StrategySectionModule,
    RecruitmentSectionModule,
    TrainingSectionModule,
    PeopleSectionModule,
    OmnichannelSectionModule,
    SatisfactionSectionModule,
    KpisSectionModule,
    TechnologySectionModule,
    EnvironmentSectionModule,
    HighlightsSectionModule,
    ReceiptSectionModule,
    SelfAssessmentSectionModule,
  ],
  controllers: [FormController],
})
export class FormModule {}

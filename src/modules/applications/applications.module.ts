import { Module } from '@nestjs/common';
import { ApplicationAccessPolicy } from './application-access.policy';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { SectionsController } from './sections.controller';
import { SectionsService } from './sections.service';
import { SectionWrites } from './section-writes';

@Module({
  controllers: [ApplicationsController, SectionsController],
  providers: [ApplicationAccessPolicy, ApplicationsService, SectionsService, SectionWrites],
  exports: [ApplicationAccessPolicy, ApplicationsService, SectionsService],
})
export class ApplicationsModule {}

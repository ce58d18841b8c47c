import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { InvitationLinksModule } from './invitation-links.module';
import { MeController } from './me.controller';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [NotificationsModule, InvitationLinksModule],
  controllers: [OrganisationsController, MeController],
  providers: [OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}

import { Injectable, Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutboxService } from '../notifications/outbox.service';
import { issueInvitationLink } from './invitation-tokens';

/** Tells the outbox how an invitation mail gets its link (imported by the API and the worker). */
@Injectable()
class InvitationLinkIssuer {
  constructor(outbox: OutboxService) {
    outbox.useLinkIssuer('invitation', issueInvitationLink);
  }
}

@Module({ imports: [NotificationsModule], providers: [InvitationLinkIssuer] })
export class InvitationLinksModule {}

import { Injectable, Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutboxService } from '../notifications/outbox.service';
import { issueResetLink } from './reset-tokens';

/** Tells the outbox how a password-reset mail gets its link (imported by the API and the worker). */
@Injectable()
class ResetLinkIssuer {
  constructor(outbox: OutboxService) {
    outbox.useLinkIssuer('password_reset', issueResetLink);
  }
}

@Module({ imports: [NotificationsModule], providers: [ResetLinkIssuer] })
export class ResetLinksModule {}

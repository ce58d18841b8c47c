import { Module } from '@nestjs/common';
import { Mailer } from '../../infra/mail/mailer';
import { OutboxService } from './outbox.service';

/** The outbox, used by the API (queue after commit) and the worker (deliver, sweep, remind). */
@Module({ providers: [OutboxService, Mailer], exports: [OutboxService] })
export class NotificationsModule {}

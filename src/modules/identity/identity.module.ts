import { Global, Module } from '@nestjs/common';
import { SessionResolver } from '../../common/auth/session-resolver';
import { AuthController } from './auth.controller';
import { NotificationsModule } from '../notifications/notifications.module';
import { AuthService } from './auth.service';
import { PasswordResetService } from './password-reset.service';
import { ResetLinksModule } from './reset-links.module';
import { SessionService } from './session.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Accounts, sign-in sessions and roles. Global: the AuthGuard resolves sessions everywhere. */
@Global()
@Module({
  imports: [NotificationsModule, ResetLinksModule],
  controllers: [AuthController, UsersController],
  providers: [SessionService, { provide: SessionResolver, useExisting: SessionService }, AuthService, UsersService, PasswordResetService],
  exports: [SessionService, SessionResolver],
})
export class IdentityModule {}

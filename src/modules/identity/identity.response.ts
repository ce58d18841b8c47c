import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../common/auth/roles';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
}

export class UserListItemResponse extends UserResponse {
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Sessions not yet ended or expired' }) activeSessions!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Latest sign-in still on record' }) lastSignInAt!:
    string | null;
}

export class UsersPageResponse {
  @ApiProperty({ type: [UserListItemResponse] }) items!: UserListItemResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class UserStatusResponse extends UserResponse {
  @ApiProperty() disabled!: boolean;
}

export class SignOutResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Sessions ended' }) sessionsEnded!: number;
}

export class SignedInResponse {
  @ApiProperty({ description: 'Bearer token (the same opaque token as the session cookie)' }) accessToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
}

export class RegisteredOrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class RegisteredResponse extends SignedInResponse {
  @ApiProperty({ type: RegisteredOrganisationResponse }) organisation!: RegisteredOrganisationResponse;
}

export class AcceptedResponse {
  @ApiProperty({ enum: [true] }) accepted!: true;
}

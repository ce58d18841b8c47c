import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserResponse } from '../identity/identity.response';

export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: '统一社会信用代码' }) uscc!: string | null;
  @ApiProperty({ type: String, nullable: true }) parentGroup!: string | null;
  @ApiProperty({ description: 'Staff-verified member/council unit' }) memberUnit!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** An organisation of the signed-in user (GET /api/auth/me). */
export class MyOrganisationResponse extends OrganisationResponse {
  @ApiProperty({ enum: ['owner', 'member'] }) membershipRole!: 'owner' | 'member';
}

export class MeResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({ type: [MyOrganisationResponse] }) organisations!: MyOrganisationResponse[];
}

export class MemberResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['owner', 'member'] }) role!: 'owner' | 'member';
}

export class OrganisationListItemResponse extends OrganisationResponse {
  @ApiProperty({ description: 'Entries in every cycle, withdrawn ones included' }) entryCount!: number;
}

export class OrganisationEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() entryCode!: string;
  @ApiProperty() state!: string;
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty() cycleName!: string;
  @ApiProperty() categoryNameZh!: string;
  @ApiProperty() categoryNameEn!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class OrganisationWithMembersResponse extends OrganisationResponse {
  @ApiProperty({ type: [MemberResponse] }) members!: MemberResponse[];
  @ApiProperty({ type: [OrganisationEntryResponse], description: 'The organisation’s entries, newest first' })
  entries!: OrganisationEntryResponse[];
}

export class MemberUnitResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() memberUnit!: boolean;
}

export class InvitationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'The one-time token of the invitation link' }) token!: string;
}

/** A pending invitation (not accepted, revoked or expired), for its organisation's owner. */
export class PendingInvitationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'Name of the member who invited' }) invitedBy!: string;
}

export class InvitationAcceptedResponse {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiPropertyOptional({ description: 'Only when the invitation created the account (signed in at once)' }) accessToken?: string;
}

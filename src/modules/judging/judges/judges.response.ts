import { ApiProperty } from '@nestjs/swagger';
import { INDUSTRY_CODES } from './industries';

export class JudgeInvitationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({
    description: 'PUBLIC_URL + /judge-invitations/<token>; also mailed to the judge',
    example: 'https://awards.example.com/judge-invitations/abc',
  })
  inviteUrl!: string;
}

export class JudgeSignedInResponse {
  @ApiProperty({ description: 'Bearer token of the new judge account (also set as the session cookie)' }) accessToken!: string;
  @ApiProperty({ format: 'uuid', description: 'The judge’s user id' }) userId!: string;
}

export class JudgeProfileResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: [String], enum: INDUSTRY_CODES }) industries!: string[];
  @ApiProperty({ nullable: true, type: String }) employer!: string | null;
  @ApiProperty({ nullable: true, type: String }) employerUscc!: string | null;
  @ApiProperty({ nullable: true, type: String }) group!: string | null;
  @ApiProperty({ nullable: true, type: Number }) capacity!: number | null;
}

export class TermsTextResponse {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class ConfidentialityResponse {
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty({ example: '2026-1' }) termsVersion!: string;
  @ApiProperty({ type: TermsTextResponse }) text!: TermsTextResponse;
  @ApiProperty({ description: 'SHA-256 of the text (zh, blank line, en)' }) textSha256!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When this judge accepted (null: not yet)' })
  acceptedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The version this judge accepted' }) acceptedVersion!: string | null;
}

export class JudgeListItemResponse {
  @ApiProperty({ format: 'uuid', description: 'The judge’s user id' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'A disabled account cannot sign in nor join a panel' }) disabled!: boolean;
  @ApiProperty({ type: [String], enum: INDUSTRY_CODES }) industries!: string[];
  @ApiProperty({ nullable: true, type: String }) employer!: string | null;
  @ApiProperty({ nullable: true, type: String }) group!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Entries at most per round (the judge’s own setting)' })
  capacity!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PendingJudgeInvitationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class JudgesOverviewResponse {
  @ApiProperty({ type: [JudgeListItemResponse], description: 'Judge accounts, by name' }) judges!: JudgeListItemResponse[];
  @ApiProperty({ type: [PendingJudgeInvitationResponse], description: 'Invitations neither accepted nor expired, newest first' })
  invitations!: PendingJudgeInvitationResponse[];
}

export class JudgeCycleRoundResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['draft', 'open'] }) state!: string;
  @ApiProperty({ format: 'date-time', description: 'In the cycle’s time zone' }) opensAt!: string;
  @ApiProperty({ format: 'date-time', description: 'In the cycle’s time zone' }) closesAt!: string;
  @ApiProperty() blind!: boolean;
}

/** `GET /api/judges/me/cycles`: a cycle where the judge sits on the panel of a draft or open round. */
export class JudgeCycleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
  @ApiProperty({ type: [JudgeCycleRoundResponse], description: 'The draft and open rounds of the cycle whose panel the judge is on' })
  rounds!: JudgeCycleRoundResponse[];
}

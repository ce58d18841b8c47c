import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BilingualDoc } from '../rubrics/rubrics.response';

export class JudgeReviewProgressResponse {
  @ApiProperty({ description: 'Criteria rated so far' }) rated!: number;
  @ApiProperty({ description: 'Criteria of the rubric' }) criteria!: number;
}

export class JudgeAssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() roundName!: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed'] }) roundState!: string;
  @ApiProperty({ format: 'date-time', description: 'In the cycle’s time zone' }) closesAt!: string;
  @ApiProperty({ example: 'Asia/Shanghai', description: 'The cycle’s time zone' }) timeZone!: string;
  @ApiProperty() blind!: boolean;
  @ApiProperty() entryCode!: string;
  @ApiProperty({ enum: ['none', 'draft', 'submitted'], description: 'The review’s state (none: not started)' }) state!: string;
  @ApiProperty({ type: JudgeReviewProgressResponse }) progress!: JudgeReviewProgressResponse;
}

export class JudgeAttachmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['org_chart', 'layout_photo', 'supporting_doc', 'stamped_receipt'] }) kind!: string;
  @ApiProperty({ type: BilingualDoc }) label!: BilingualDoc;
  @ApiProperty({ description: 'Blind rounds: kind and number (org_chart-1.png), never the original file name' }) name!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() size!: number;
  @ApiProperty() contentType!: string;
}

export class JudgeCriterionResponse {
  @ApiProperty() key!: string;
  @ApiProperty({ type: BilingualDoc }) label!: BilingualDoc;
  @ApiPropertyOptional({ type: BilingualDoc }) guidance?: BilingualDoc;
  @ApiProperty({ type: [String], description: 'Keys of the groups above it' }) groups!: string[];
  @ApiProperty({ enum: ['scale', 'yesno', 'dual_rate'] }) type!: string;
  @ApiProperty() weight!: number;
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
  @ApiPropertyOptional() step?: number;
  @ApiProperty({ type: [String], description: 'The form sections this criterion reads' }) sections!: string[];
  @ApiProperty() commentRequiredAtExtremes!: boolean;
}

export class JudgeRubricResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['weighted', 'points', 'yes_share'] }) scoring!: string;
  @ApiProperty({ type: [JudgeCriterionResponse] }) criteria!: JudgeCriterionResponse[];
}

export class JudgeEntryResponse {
  @ApiProperty({ format: 'uuid', description: 'The assignment' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() roundName!: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed'] }) roundState!: string;
  @ApiProperty() blind!: boolean;
  @ApiProperty() entryCode!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Not blind rounds only: the entrant' }) company?: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: true },
    description:
      'The sealed snapshot’s sections by key; blind rounds: identifying fields and the receipt removed, names redacted from text',
  })
  sections!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: true },
    description: 'Server-computed values by section',
  })
  computed!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'Blind rounds: the paths removed (e.g. basics.enterprise)' }) hidden!: string[];
  @ApiProperty({ type: [JudgeAttachmentResponse] }) attachments!: JudgeAttachmentResponse[];
  @ApiProperty({ type: JudgeRubricResponse, description: 'The rubric and which sections each criterion reads' })
  rubric!: JudgeRubricResponse;
}

export class JudgeDossierPendingResponse {
  @ApiProperty({ enum: ['queued', 'rendering'] }) status!: string;
  @ApiProperty() progress!: number;
}

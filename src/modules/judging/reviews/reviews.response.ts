import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const RATING_SCHEMA = {
  oneOf: [
    { type: 'number' },
    { type: 'boolean' },
    {
      type: 'object',
      properties: { c: { type: 'number', enum: [0, 5, 10] }, f: { type: 'number', enum: [0, 5, 10] } },
      required: ['c', 'f'],
    },
  ],
};

export class ReviewResponse {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: RATING_SCHEMA,
    description: 'By criterion key: scale → number on the step; yesno → boolean; dual_rate → { c, f }',
  })
  ratings!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'By criterion key' })
  comments!: Record<string, string>;
  @ApiProperty({ nullable: true, type: String }) overallComment!: string | null;
  @ApiProperty({ enum: ['draft', 'submitted'] }) state!: string;
  @ApiProperty({ description: '0 until the first change' }) version!: number;
  @ApiProperty({ description: 'The ETag (also in the header)' }) etag!: string;
  @ApiProperty({ description: 'The rubric total of the ratings so far' }) total!: number;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'yes_share rubrics: percent yes per group',
  })
  groups?: Record<string, number>;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt!: string | null;
}

export const REVIEW_PATCH_SCHEMA = {
  type: 'object' as const,
  description: 'A JSON merge patch of the review (null removes a rating or comment)',
  properties: {
    ratings: { type: 'object' as const, additionalProperties: { ...RATING_SCHEMA, nullable: true } },
    comments: { type: 'object' as const, additionalProperties: { type: 'string' as const, nullable: true } },
    overallComment: { type: 'string' as const, nullable: true },
    state: { type: 'string' as const, enum: ['draft', 'submitted'], description: 'Read-only: only the current state may be sent' },
  },
  additionalProperties: false,
};

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One entry of `details[]`: the dotted path, a catalogue code and its text in the caller's language. */
export class ErrorDetailResponse {
  @ApiProperty({ example: 'basics.center.postcode' }) path!: string;
  @ApiProperty({ example: 'invalid_postcode' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The values the message names (limits, the current state, …)',
  })
  params?: Record<string, unknown>;
}

/**
 * The JSON error contract of every 4xx/5xx (src/common/errors/http-error.filter.ts). A few codes
 * add top-level fields: `state` (409 wrong_state), `deadline` (409 deadline_passed), `current`
 * (412 on an application's nomination: its summary now), `existingApplicationId` (409
 * duplicate_application).
 */
export class ErrorResponse {
  @ApiProperty({ example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'Not Found' }) error!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ example: 'not_found' }) code!: string;
  @ApiPropertyOptional({ type: [ErrorDetailResponse] }) details?: ErrorDetailResponse[];
  @ApiPropertyOptional({ description: '409 wrong_state: the state the entry is in' }) state?: string;
  @ApiPropertyOptional({ description: '409 deadline_passed: the deadline' }) deadline?: string;
  @ApiPropertyOptional({ format: 'uuid', description: '409 duplicate_application: the live application of that category' })
  existingApplicationId?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      '412 stale_version on an application or a section: what the server holds now (its summary, or the section as GET answers it)',
  })
  current?: Record<string, unknown>;
}

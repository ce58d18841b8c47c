import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECLARED_KINDS } from './conflicts.dto';

const KINDS = [...DECLARED_KINDS, 'email_domain', 'employer_uscc', 'group'];

export class EntrantOrganisationResponse {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() name!: string;
}

export class DeclaredConflictResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ enum: DECLARED_KINDS }) kind!: string;
  @ApiProperty({ enum: ['declared'] }) source!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ description: 'Assignments of this judge to the organisation’s entries that the declaration removed' })
  removedAssignments!: number;
}

/** `GET /api/judges/me/conflicts`: what the judge declared (they hold for every cycle). */
export class MyConflictResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ enum: DECLARED_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When it was declared' }) declaredAt!: string;
}

export class ConflictResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty() judgeName!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ enum: ['declared', 'inferred'] }) source!: string;
  @ApiProperty({ enum: KINDS }) kind!: string;
  @ApiProperty({ description: 'Why (Chinese / English)' }) reason!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The judge’s note on a declared conflict' }) note!: string | null;
  @ApiProperty() dismissed!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) dismissReason!: string | null;
}

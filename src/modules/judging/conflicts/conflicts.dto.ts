import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { NameText } from '../../../common/validation/text';

export const DECLARED_KINDS = ['employment', 'consulting', 'competitor', 'family', 'other'] as const;
export type DeclaredKind = (typeof DECLARED_KINDS)[number];

export class DeclareConflictDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organisationId!: string;
  @ApiProperty({ enum: DECLARED_KINDS }) @IsIn(DECLARED_KINDS) kind!: DeclaredKind;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class DismissConflictDto {
  @ApiProperty({ maxLength: 1000, description: 'Why the inferred conflict does not hold (audited)' }) @NameText(1000) reason!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsInstant } from '../../common/time/instant';

/**
 * Seal, submit, … carry no data: any member is an unknown field (400). class-validator refuses a
 * class without metadata outright, hence the one declared-but-forbidden member.
 */
export class EmptyDto {
  @IsOptional() @Equals(undefined) readonly _?: undefined;
}

export class ReasonDto {
  @ApiPropertyOptional({ description: 'Required to return an entry; shown to the applicant' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

export class ExtensionDto {
  @ApiProperty({ example: '2026-12-31T23:59:59+08:00' }) @IsInstant() until!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
}

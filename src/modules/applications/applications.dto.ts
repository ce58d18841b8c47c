import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class NominationDto {
  @ApiProperty({ enum: ['self', 'recommended'], description: '自荐 self-nomination or 推荐 recommended by another unit' })
  @IsIn(['self', 'recommended'])
  type!: 'self' | 'recommended';
  @ApiPropertyOptional({ description: 'Required when recommended' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  recommenderName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) recommenderContact?: string;
}

export class CreateApplicationDto {
  @ApiProperty() @IsUUID() cycleId!: string;
  @ApiProperty() @IsUUID() categoryId!: string;
  @ApiPropertyOptional({ description: 'Needed only when the user belongs to several organisations' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @ApiProperty({ type: NominationDto }) @IsObject() @ValidateNested() @Type(() => NominationDto) nomination!: NominationDto;
}

export class UpdateApplicationDto {
  @ApiProperty({ type: NominationDto }) @IsObject() @ValidateNested() @Type(() => NominationDto) nomination!: NominationDto;
}

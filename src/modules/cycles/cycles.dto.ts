import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { IsInstant } from '../../common/time/instant';
import { isValidTimeZone } from '../../common/time/zoned-time';

@ValidatorConstraint({ name: 'invalid' })
class TimeZoneConstraint implements ValidatorConstraintInterface {
  validate(v: unknown) {
    return typeof v === 'string' && isValidTimeZone(v);
  }
  defaultMessage() {
    return 'must be an IANA time zone such as Asia/Shanghai';
  }
}

export class CategoryDto {
  @ApiProperty({ example: 'omnichannel_excellence' }) @IsString() @Matches(/^[a-z][a-z0-9_]{1,49}$/) code!: string;
  @ApiProperty({ example: '卓越全渠道客服' }) @IsString() @MinLength(1) @MaxLength(100) nameZh!: string;
  @ApiProperty({ example: 'Omnichannel Customer Service Excellence' }) @IsString() @MinLength(1) @MaxLength(200) nameEn!: string;
}

export class CreateCycleDto {
  @ApiProperty({ example: '2026 中国十佳呼叫中心评选' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: 'Asia/Shanghai', default: 'Asia/Shanghai' })
  @IsOptional()
  @Validate(TimeZoneConstraint)
  timeZone?: string;
  @ApiProperty({ example: '2026-09-01T00:00:00+08:00' }) @IsInstant() opensAt!: string;
  @ApiProperty({ example: '2026-12-31T23:59:59+08:00' }) @IsInstant() submissionDeadline!: string;
  @ApiProperty({ type: [CategoryDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CategoryDto)
  categories!: CategoryDto[];
}

export class UpdateCycleDto extends PartialType(OmitType(CreateCycleDto, ['categories'] as const)) {}

export class UpdateCategoryDto {
  @ApiPropertyOptional({ example: '卓越全渠道客服' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) nameZh?: string;
  @ApiPropertyOptional({ example: 'Omnichannel Customer Service Excellence' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameEn?: string;
}

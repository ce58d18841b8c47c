import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsUUID, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsInstant } from '../../../common/time/instant';
import { NameText } from '../../../common/validation/text';

export const AGGREGATIONS = ['mean', 'trimmed_mean', 'zscore'] as const;
export const ENTRANTS = ['accepted', 'previous_round'] as const;
export const ADVANCEMENT_TYPES = ['top', 'threshold'] as const;

/** `{ type: "top", n }` or `{ type: "threshold", score }`. */
export class AdvancementDto {
  @ApiProperty({ enum: ADVANCEMENT_TYPES }) @IsIn(ADVANCEMENT_TYPES) type!: (typeof ADVANCEMENT_TYPES)[number];
  @ApiPropertyOptional({ description: 'type top: how many advance', example: 10, minimum: 1, maximum: 10000 })
  @ValidateIf((o: AdvancementDto) => o.type === 'top' || o.n !== undefined)
  @IsInt()
  @Min(1)
  @Max(10000)
  n?: number;
  @ApiPropertyOptional({ description: 'type threshold: the least total that advances', example: 80 })
  @ValidateIf((o: AdvancementDto) => o.type === 'threshold' || o.score !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e7)
  score?: number;
}

export class CreateRoundDto {
  @ApiProperty({ example: 'R1 初评', maxLength: 100 }) @NameText(100) name!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() rubricId!: string;
  @ApiProperty({ example: 3, minimum: 1, maximum: 50 }) @IsInt() @Min(1) @Max(50) reviewsPerApplication!: number;
  @ApiProperty({ example: '2027-01-10T09:00:00+08:00' }) @IsInstant() opensAt!: string;
  @ApiProperty({ example: '2027-01-31T18:00:00+08:00' }) @IsInstant() closesAt!: string;
  @ApiProperty({ description: 'Judges see an entry code, not the company' }) @IsBoolean() blind!: boolean;
  @ApiProperty({ enum: AGGREGATIONS }) @IsIn(AGGREGATIONS) aggregation!: (typeof AGGREGATIONS)[number];
  @ApiProperty({ type: AdvancementDto }) @ValidateNested() @Type(() => AdvancementDto) advancement!: AdvancementDto;
  @ApiProperty({ enum: ENTRANTS, description: 'All accepted entries, or the previous round’s confirmed advancers' })
  @IsIn(ENTRANTS)
  entrants!: (typeof ENTRANTS)[number];
}

/** A draft round's settings: the members given replace the stored ones (checked like a new round). */
export class UpdateRoundDto extends PartialType(CreateRoundDto) {}

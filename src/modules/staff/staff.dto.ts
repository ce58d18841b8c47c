import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { APPLICATION_STATES } from '../applications/application.entity';
import { INDUSTRY_CODES } from './entry-columns';

export const ENTRY_SORTS = ['entryCode', 'company', 'category', 'state', 'completeness', 'updatedAt'] as const;
export type EntrySort = (typeof ENTRY_SORTS)[number];
export const RECEIPT_FILTERS = ['matched', 'different', 'unreadable', 'pending', 'none'] as const;
export type ReceiptFilter = (typeof RECEIPT_FILTERS)[number];

/** `true` / `false` in a query string (anything else stays as it is and fails IsBoolean: 400 naming the parameter). */
const queryBool = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** Filters of the entries list and its exports (the same parameters). */
export class EntriesFilterDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATES }) @IsOptional() @IsIn(APPLICATION_STATES) state?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ enum: INDUSTRY_CODES, description: 'basics.center.industry' })
  @IsOptional()
  @IsIn(INDUSTRY_CODES)
  industry?: string;
  @ApiPropertyOptional({ type: Boolean, description: 'Staff-verified member/council unit' })
  @IsOptional()
  @queryBool()
  @IsBoolean()
  memberUnit?: boolean;
  @ApiPropertyOptional({ enum: RECEIPT_FILTERS, description: 'The latest stamped receipt’s QR check; none: no receipt uploaded' })
  @IsOptional()
  @IsIn(RECEIPT_FILTERS)
  receiptCheck?: ReceiptFilter;
  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Entry code, company (basics.enterprise.name or the organisation) or USCC contains this',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ enum: ENTRY_SORTS, default: 'updatedAt' }) @IsOptional() @IsIn(ENTRY_SORTS) sort?: EntrySort;
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}

export class EntriesQueryDto extends EntriesFilterDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export const BULK_ACTIONS = ['accept', 'return', 'reject'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export class BulkScreeningDto {
  @ApiProperty({ enum: BULK_ACTIONS }) @IsIn(BULK_ACTIONS) action!: BulkAction;
  @ApiProperty({ format: 'uuid', description: 'The cycle the entries belong to; an entry of another cycle is refused (409 other_cycle)' })
  @IsUUID()
  cycleId!: string;
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids!: string[];
  @ApiPropertyOptional({ maxLength: 2000, description: 'Required to return entries; shown to the applicant and mailed' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

export class SnapshotDiffQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The earlier snapshot' }) @IsUUID() from!: string;
  @ApiProperty({ format: 'uuid', description: 'The later snapshot' }) @IsUUID() to!: string;
}

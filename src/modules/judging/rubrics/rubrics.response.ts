import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SECTION_KEYS } from '../../../form/sections';
import { PRESET_KEYS } from './rubric-presets';
import { CRITERION_TYPES, SCORING_METHODS } from './rubric-tree';

export class BilingualDoc {
  @ApiProperty({ example: '客户满意度' }) zh!: string;
  @ApiProperty({ example: 'Customer satisfaction' }) en!: string;
}

export class CriterionDoc {
  @ApiProperty({ example: 'satisfaction' }) key!: string;
  @ApiProperty({ type: BilingualDoc }) label!: BilingualDoc;
  @ApiPropertyOptional({ type: BilingualDoc }) guidance?: BilingualDoc;
  @ApiProperty({ example: 12 }) weight!: number;
  @ApiProperty({ enum: CRITERION_TYPES }) type!: string;
  @ApiPropertyOptional({ description: 'scale only', example: 0 }) min?: number;
  @ApiPropertyOptional({ description: 'scale only', example: 10 }) max?: number;
  @ApiPropertyOptional({ description: 'scale only', example: 0.5 }) step?: number;
  @ApiProperty({ type: [String], enum: SECTION_KEYS, description: 'Form sections to read for it' }) sections!: string[];
  @ApiPropertyOptional() commentRequiredAtExtremes?: boolean;
}

export class RubricGroupDoc {
  @ApiProperty({ example: 'cc_1.0' }) key!: string;
  @ApiProperty({ type: BilingualDoc }) label!: BilingualDoc;
  @ApiPropertyOptional({ type: () => [RubricGroupDoc], description: 'Sub-groups (at most 3 levels of groups)' }) groups?: RubricGroupDoc[];
  @ApiPropertyOptional({ type: [CriterionDoc] }) criteria?: CriterionDoc[];
}

export class RateShareDoc {
  @ApiProperty({ description: 'percent of items rated C = 10', example: 80 }) c!: number;
  @ApiProperty({ description: 'percent of items rated F = 10', example: 60 }) f!: number;
}

export class MaturityLevelDoc {
  @ApiProperty({ example: 'L1' }) key!: string;
  @ApiProperty({ type: BilingualDoc }) label!: BilingualDoc;
  @ApiPropertyOptional({ type: RateShareDoc }) core?: RateShareDoc;
  @ApiPropertyOptional({ type: RateShareDoc }) innovation?: RateShareDoc;
  @ApiProperty({ example: 2250 }) minTotal!: number;
  @ApiPropertyOptional({ example: 2 }) minYearsOperating?: number;
}

export class MaturityModelDoc {
  @ApiProperty({ type: [String] }) coreGroups!: string[];
  @ApiProperty({ type: [String] }) innovationGroups!: string[];
  @ApiProperty({ type: [MaturityLevelDoc] }) levels!: MaturityLevelDoc[];
}

export class RubricTreeDoc {
  @ApiProperty({ enum: SCORING_METHODS }) scoring!: string;
  @ApiProperty({ type: [RubricGroupDoc] }) groups!: RubricGroupDoc[];
  @ApiPropertyOptional({ type: MaturityModelDoc }) maturity?: MaturityModelDoc;
}

export class RubricWarningResponse {
  @ApiProperty({ example: 'unreachable_level' }) code!: string;
  @ApiProperty({ description: 'Chinese, then English' }) message!: string;
}

export class RubricCreatedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [RubricWarningResponse] }) warnings!: RubricWarningResponse[];
}

export class RubricPresetResponse {
  @ApiProperty({ enum: PRESET_KEYS }) key!: string;
  @ApiProperty({ example: '十佳评审默认评分表' }) name!: string;
  @ApiProperty({ example: 'Top Ten default rubric' }) nameEn!: string;
}

/** Importable as it is: `POST /api/rubrics` takes this body (the id is ignored). */
export class RubricResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: RubricTreeDoc }) tree!: RubricTreeDoc;
}

export class RubricRoundResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed'] }) state!: string;
}

export class RubricSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PRESET_KEYS, nullable: true, type: String }) presetKey!: string | null;
  @ApiProperty({ description: 'Number of criteria' }) criteria!: number;
  @ApiProperty({ description: 'Highest total a review can reach' }) maxTotal!: number;
  @ApiProperty({ type: [RubricWarningResponse] }) warnings!: RubricWarningResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [RubricRoundResponse], description: 'Rounds using it; once one is open or closed the rubric cannot change' })
  rounds!: RubricRoundResponse[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsObject, IsOptional } from 'class-validator';
import { NameText } from '../../../common/validation/text';
import { PRESET_KEYS, type PresetKey } from './rubric-presets';
import { RubricTreeDoc } from './rubrics.response';

/** Either a preset to start from or a whole tree (an import: what `GET /api/rubrics/:id` answers). */
export class CreateRubricDto {
  @ApiProperty({ maxLength: 200, example: '2026 初评评分表' }) @NameText(200) name!: string;
  @ApiPropertyOptional({ enum: PRESET_KEYS }) @IsOptional() @IsIn(PRESET_KEYS) preset?: PresetKey;
  @ApiPropertyOptional({ type: RubricTreeDoc, description: 'Checked as a whole: 400 names the path of each structural error' })
  @IsOptional()
  @IsObject()
  tree?: Record<string, unknown>;
  @ApiPropertyOptional({ format: 'uuid', description: 'Ignored: an exported rubric names its id; an import makes a new rubric' })
  @IsOptional()
  id?: unknown;
}

/** A whole new tree for a rubric no open or closed round uses (what `GET /api/rubrics/:id` answers, edited). */
export class UpdateRubricDto {
  @ApiProperty({ maxLength: 200, example: '2026 初评评分表' }) @NameText(200) name!: string;
  @ApiProperty({ type: RubricTreeDoc, description: 'Checked as a whole: 400 names the path of each structural error' })
  @IsDefined()
  @IsObject()
  tree!: Record<string, unknown>;
  @ApiPropertyOptional({ format: 'uuid', description: 'Ignored (the path names the rubric)' })
  @IsOptional()
  id?: unknown;
}

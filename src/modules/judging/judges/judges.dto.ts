import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { NameText } from '../../../common/validation/text';
import { NewPassword, PASSWORD_MAX, PASSWORD_MIN } from '../../identity/password-policy';
import { isValidUscc } from '../../organisations/uscc';
import { INDUSTRY_CODES } from './industries';

@ValidatorConstraint({ name: 'invalid_uscc' })
class UsccConstraint implements ValidatorConstraintInterface {
  validate(v: unknown) {
    return v === null || (typeof v === 'string' && isValidUscc(v.trim().toUpperCase()));
  }
}

export class InviteJudgeDto {
  @ApiProperty({ example: 'judge@example.com' }) @IsEmail() @MaxLength(200) email!: string;
  @ApiProperty({ maxLength: 100, example: '李评审' }) @NameText(100) name!: string;
}

export class AcceptJudgeInvitationDto {
  @ApiProperty({ maxLength: 100, description: 'Trimmed; required after trimming' }) @NameText(100) name!: string;
  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, description: 'Not spaces only, not a common password' })
  @NewPassword()
  password!: string;
}

/** Partial: absent members stay; `null` clears one. */
export class UpdateJudgeProfileDto {
  @ApiPropertyOptional({ type: [String], enum: INDUSTRY_CODES, description: 'Industry codes of basics.center.industry' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INDUSTRY_CODES.length)
  @ArrayUnique()
  @IsIn(INDUSTRY_CODES, { each: true })
  industries?: string[];
  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) employer?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: '统一社会信用代码 of the employer' })
  @IsOptional()
  @Validate(UsccConstraint)
  employerUscc?: string | null;
  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String, description: 'The employer’s group (集团)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  group?: string | null;
  @ApiPropertyOptional({ minimum: 0, maximum: 1000, nullable: true, type: Number, description: 'Entries at most per round' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  capacity?: number | null;
}

export class AddPanelDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Judge user ids' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  judgeIds!: string[];
  @ApiPropertyOptional({ minimum: 0, maximum: 1000, description: 'Entries at most each in this round (else the profile’s)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  capacity?: number;
}

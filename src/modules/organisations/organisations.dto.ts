import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { NameText } from '../../common/validation/text';
import { NewPassword, PASSWORD_MAX, PASSWORD_MIN } from '../identity/password-policy';
import { isValidUscc } from './uscc';

@ValidatorConstraint({ name: 'invalid_uscc' })
class UsccConstraint implements ValidatorConstraintInterface {
  validate(v: unknown) {
    return typeof v === 'string' && isValidUscc(v);
  }
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Trimmed; required after trimming' }) @IsOptional() @NameText(200) name?: string;
  @ApiPropertyOptional({ description: '统一社会信用代码 (18 characters, check character validated)' })
  @IsOptional()
  @Validate(UsccConstraint)
  uscc?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) parentGroup?: string;
}

export class MemberUnitDto {
  @ApiProperty() @IsBoolean() memberUnit!: boolean;
  @ApiPropertyOptional({ maxLength: 1000, description: 'Why (audited); required to revoke' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason?: string;
}

/** GET /api/organisations (staff). */
export class OrganisationsQueryDto {
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  memberUnit?: boolean;
  @ApiPropertyOptional({ maxLength: 100, description: 'Name, USCC or parent group contains this' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class InviteDto {
  @ApiProperty() @IsEmail() @MaxLength(200) email!: string;
}

/** Accepting while signed out creates the account for the invited e-mail. */
export class AcceptInvitationDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Trimmed; required after trimming' }) @IsOptional() @NameText(100) name?: string;
  @ApiPropertyOptional({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, description: 'Not spaces only, not a common password' })
  @IsOptional()
  @NewPassword()
  password?: string;
}

import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength, MinLength, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { PASSWORD_MIN } from '../identity/auth.dto';
import { isValidUscc } from './uscc';

@ValidatorConstraint({ name: 'invalid_uscc' })
class UsccConstraint implements ValidatorConstraintInterface {
  validate(v: unknown) {
    return typeof v === 'string' && isValidUscc(v);
  }
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: '统一社会信用代码 (18 characters, check character validated)' })
  @IsOptional() @Validate(UsccConstraint) uscc?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) parentGroup?: string;
}

export class MemberUnitDto {
  @ApiProperty() @IsBoolean() memberUnit!: boolean;
}

export class InviteDto {
  @ApiProperty() @IsEmail() @MaxLength(200) email!: string;
}

/** Accepting while signed out creates the account for the invited e-mail. */
export class AcceptInvitationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(PASSWORD_MIN) @MaxLength(200) password?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NameText } from '../../common/validation/text';
import { NewPassword, PASSWORD_MAX, PASSWORD_MIN } from './password-policy';
import { ROLES, type Role } from './user.entity';

export { PASSWORD_MAX, PASSWORD_MIN };

const PASSWORD_DOC = { minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, description: 'Not spaces only, not a common password' };

export class RegisterDto {
  @ApiProperty({ example: 'li.lei@example.com' }) @IsEmail() @MaxLength(200) email!: string;
  @ApiProperty(PASSWORD_DOC) @NewPassword() password!: string;
  @ApiProperty({ example: '李雷', maxLength: 100, description: 'Trimmed; required after trimming' }) @NameText(100) name!: string;
  @ApiProperty({ example: '示例银行股份有限公司', maxLength: 200, description: 'Trimmed; required after trimming' })
  @NameText(200)
  organisationName!: string;
}

export class LoginDto {
  @ApiProperty() @IsEmail() @MaxLength(200) email!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
}

export class PasswordResetRequestDto {
  @ApiProperty() @IsEmail() @MaxLength(200) email!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty() @IsString() @MinLength(20) @MaxLength(200) token!: string;
  @ApiProperty(PASSWORD_DOC) @NewPassword() password!: string;
}

/** GET /api/users: search and page (staff). */
export class UsersQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'E-mail or name contains this' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/** Disabling or enabling an account (admin); the reason goes to the audit trail. */
export class UserStatusDto {
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(1000) reason?: string;
}

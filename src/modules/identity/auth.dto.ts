import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
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

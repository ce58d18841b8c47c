import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from './user.entity';

export const PASSWORD_MIN = 10;

export class RegisterDto {
  @ApiProperty({ example: 'li.lei@example.com' }) @IsEmail() @MaxLength(200) email!: string;
  @ApiProperty({ minLength: PASSWORD_MIN }) @IsString() @MinLength(PASSWORD_MIN) @MaxLength(200) password!: string;
  @ApiProperty({ example: '李雷' }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiProperty({ example: '示例银行股份有限公司' }) @IsString() @MinLength(1) @MaxLength(200) organisationName!: string;
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
  @ApiProperty({ minLength: PASSWORD_MIN }) @IsString() @MinLength(PASSWORD_MIN) @MaxLength(200) password!: string;
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors';
import { SignOutResponse, UserResponse, UsersPageResponse, UserStatusResponse } from './identity.response';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ChangeRoleDto, UsersQueryDto, UserStatusDto } from './auth.dto';
import { EmptyBodyDto } from './empty-body.dto';
import { UsersService } from './users.service';
import { IdParam } from '../../common/pipes/params';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('staff')
  @ApiOperation({ summary: 'Accounts, searched by e-mail or name, by role, paged (staff)' })
  @ApiOkResponse({ type: UsersPageResponse })
  @ApiErrors(403)
  list(@Query() query: UsersQueryDto) {
    return this.users.list(query);
  }

  @Patch(':id/role')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change an account’s role (admin); signs the user out everywhere. 409 for one’s own role or the last admin',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(403, 404, 409)
  changeRole(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: ChangeRoleDto) {
    return this.users.changeRole(actor, id, dto.role);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Disable an account (admin): it cannot sign in and its sessions end. 409 for oneself or the last admin' })
  @ApiOkResponse({ type: UserStatusResponse })
  @ApiErrors(403, 404, 409)
  disable(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: UserStatusDto) {
    return this.users.setDisabled(actor, id, true, dto.reason);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Enable a disabled account again (admin)' })
  @ApiOkResponse({ type: UserStatusResponse })
  @ApiErrors(403, 404)
  enable(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: UserStatusDto) {
    return this.users.setDisabled(actor, id, false, dto.reason);
  }

  @Post(':id/sign-out')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'End every session of an account (admin)' })
  @ApiOkResponse({ type: SignOutResponse })
  @ApiErrors(403, 404)
  signOut(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() _: EmptyBodyDto) {
    return this.users.signOut(actor, id);
  }
}

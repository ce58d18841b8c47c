import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors';
import { UserListItemResponse, UserResponse } from './identity.response';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ChangeRoleDto } from './auth.dto';
import { UsersService } from './users.service';
import { IdParam } from '../../common/pipes/params';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('staff')
  @ApiOperation({ summary: 'All accounts (staff)' })
  @ApiOkResponse({ type: [UserListItemResponse] })
  @ApiErrors(403)
  list() {
    return this.users.list();
  }

  @Patch(':id/role')
  @Roles('admin')
  @ApiOperation({ summary: 'Change an account’s role (admin); signs the user out everywhere' })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(403, 404, 409)
  changeRole(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: ChangeRoleDto) {
    return this.users.changeRole(actor, id, dto.role);
  }
}

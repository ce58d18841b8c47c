import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
  list() {
    return this.users.list();
  }

  @Patch(':id/role')
  @Roles('admin')
  @ApiOperation({ summary: 'Change an account’s role (admin); signs the user out everywhere' })
  changeRole(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: ChangeRoleDto) {
    return this.users.changeRole(actor, id, dto.role);
  }
}

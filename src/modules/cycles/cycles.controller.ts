import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { isStaff, type Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { CategoryDto, CreateCycleDto, UpdateCycleDto } from './cycles.dto';
import { CyclesService } from './cycles.service';
import { IdParam } from '../../common/pipes/params';

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get()
  @ApiOperation({ summary: 'Open award cycles with categories and deadlines (staff: all cycles)' })
  list(@CurrentActor() actor: Actor) {
    return this.cycles.list(isStaff(actor));
  }

  @Get(':id')
  get(@Param('id', IdParam) id: string) {
    return this.cycles.get(id);
  }

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'Create an award cycle with its categories (staff)' })
  create(@Body() dto: CreateCycleDto) {
    return this.cycles.create(dto);
  }

  @Patch(':id')
  @Roles('staff')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateCycleDto) {
    return this.cycles.update(id, dto);
  }

  @Post(':id/categories')
  @Roles('staff')
  addCategory(@Param('id', IdParam) id: string, @Body() dto: CategoryDto) {
    return this.cycles.addCategory(id, dto);
  }
}

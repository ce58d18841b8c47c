import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors';
import { CycleResponse } from './cycles.response';
import { isStaff, type Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { CategoryDto, CreateCycleDto, UpdateCategoryDto, UpdateCycleDto } from './cycles.dto';
import { CyclesService } from './cycles.service';
import { IdParam } from '../../common/pipes/params';

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get()
  @ApiOperation({ summary: 'Open award cycles with categories and deadlines (staff: all cycles)' })
  @ApiOkResponse({ type: [CycleResponse] })
  list(@CurrentActor() actor: Actor) {
    return this.cycles.list(isStaff(actor));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One award cycle with its categories' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiErrors(404)
  get(@Param('id', IdParam) id: string) {
    return this.cycles.get(id);
  }

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: 'Create an award cycle with its categories (staff)' })
  @ApiCreatedResponse({ type: CycleResponse })
  @ApiErrors(409)
  create(@Body() dto: CreateCycleDto) {
    return this.cycles.create(dto);
  }

  @Patch(':id')
  @Roles('staff')
  @ApiOperation({
    summary:
      'Change a cycle’s name, zone, opening or deadline (staff). Deadline after opening (400); once an entry is submitted the deadline may only move later, once any entry exists the opening only earlier (409)',
  })
  @ApiOkResponse({ type: CycleResponse })
  @ApiErrors(404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string, @Body() dto: UpdateCycleDto) {
    return this.cycles.update(id, dto, actor);
  }

  @Patch(':id/categories/:categoryId')
  @Roles('staff')
  @ApiOperation({ summary: 'Rename a category of the cycle (staff); answers the cycle' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiErrors(404)
  updateCategory(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Param('categoryId', IdParam) categoryId: string,
    @Body() dto: UpdateCategoryDto,
  ) {
    return this.cycles.updateCategory(id, categoryId, dto, actor);
  }

  @Post(':id/categories')
  @Roles('staff')
  @ApiOperation({ summary: 'Add a category to a cycle (staff); answers the cycle' })
  @ApiCreatedResponse({ type: CycleResponse })
  @ApiErrors(404, 409)
  addCategory(@Param('id', IdParam) id: string, @Body() dto: CategoryDto) {
    return this.cycles.addCategory(id, dto);
  }
}

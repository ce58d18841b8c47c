import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { langOf } from '../../common/i18n/messages';
import { ApiErrors } from '../../common/openapi/api-errors';
import { IdParam } from '../../common/pipes/params';
import { DashboardService } from './dashboard.service';
import { EntriesService } from './entries.service';
import { entriesCsv, entriesXlsx } from './entries-export';
import { ScreeningService } from './screening.service';
import { BulkScreeningDto, EntriesFilterDto, EntriesQueryDto, SnapshotDiffQueryDto } from './staff.dto';
import { BulkScreeningResponse, DashboardResponse, EntriesPageResponse, ScreeningResponse, SnapshotDiffResponse } from './staff.response';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The staff console's view of a cycle: the entries table, its exports and the dashboard (staff). */
@ApiTags('staff')
@Roles('staff')
@Controller('cycles/:id')
export class CycleEntriesController {
  constructor(
    private readonly entries: EntriesService,
    private readonly dashboard: DashboardService,
  ) {}

  @Get('entries')
  @ApiOperation({ summary: 'The cycle’s entries, paged, sorted and filtered (staff)' })
  @ApiOkResponse({ type: EntriesPageResponse })
  @ApiErrors(403, 404)
  list(@Param('id', IdParam) id: string, @Query() query: EntriesQueryDto) {
    return this.entries.page(id, query);
  }

  @Get('entries/export.xlsx')
  @ApiOperation({ summary: 'The same entries (same filters and order, every page) as an Excel workbook, Chinese headers (staff)' })
  @ApiOkResponse({ description: 'XLSX, one row per entry', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(403, 404)
  async xlsx(@Param('id', IdParam) id: string, @Query() query: EntriesFilterDto, @Res({ passthrough: true }) res: FastifyReply) {
    const cycle = await this.entries.requireCycle(id);
    const body = await entriesXlsx(await this.entries.all(id, query), cycle.name);
    res.header('Content-Type', XLSX).header('Content-Disposition', `attachment; filename="entries-${id}.xlsx"`);
    return body;
  }

  @Get('entries/export.csv')
  @ApiOperation({ summary: "The same entries as CSV (UTF-8 with BOM, Chinese headers, formula-like cells prefixed with ') (staff)" })
  @ApiOkResponse({ description: 'CSV, one row per entry', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(403, 404)
  async csv(@Param('id', IdParam) id: string, @Query() query: EntriesFilterDto, @Res({ passthrough: true }) res: FastifyReply) {
    const body = entriesCsv(await this.entries.all(id, query));
    res.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="entries-${id}.csv"`);
    return body;
  }

  @Get('dashboard')
  @ApiOperation({
    summary: 'The cycle at a glance: by state, category, industry; submissions per day; drafts’ completeness; receipts (staff)',
  })
  @ApiOkResponse({ type: DashboardResponse })
  @ApiErrors(403, 404)
  dashboardOf(@Param('id', IdParam) id: string) {
    return this.dashboard.of(id);
  }
}

/** Screening many entries at once, and what the staff entry page reads (staff). */
@ApiTags('staff')
@Roles('staff')
@Controller('applications')
export class ScreeningController {
  constructor(private readonly screening: ScreeningService) {}

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept, return or reject many entries of one cycle (staff): each entry moves entirely or not at all; refusals (404, 409 wrong_state / other_cycle) are answered per entry',
  })
  @ApiOkResponse({ type: BulkScreeningResponse })
  @ApiErrors(403)
  bulk(@CurrentActor() actor: Actor, @Body() dto: BulkScreeningDto, @Headers('accept-language') acceptLanguage?: string) {
    return this.screening.bulk(actor, dto.cycleId, dto.action, dto.ids, dto.reason, langOf(acceptLanguage));
  }

  @Get(':id/snapshots/diff')
  @ApiOperation({ summary: 'Field-level differences between two snapshots of the entry, labelled from the form (staff)' })
  @ApiOkResponse({ type: SnapshotDiffResponse })
  @ApiErrors(403, 404)
  diff(@Param('id', IdParam) id: string, @Query() query: SnapshotDiffQueryDto) {
    return this.screening.diff(id, query.from, query.to);
  }

  @Get(':id/screening')
  @ApiOperation({
    summary:
      'The staff entry page’s facts: receipt checks (decoded vs sealed hash), hash verification, snapshots, dossier copies, audit trail (staff)',
  })
  @ApiOkResponse({ type: ScreeningResponse })
  @ApiErrors(403, 404)
  detail(@Param('id', IdParam) id: string) {
    return this.screening.detail(id);
  }
}

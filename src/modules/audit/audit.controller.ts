import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors';
import { AuditEntryResponse } from './audit.response';
import { Roles } from '../../common/auth/decorators';
import { validationError } from '../../common/errors/domain-error';
import { optionalUuidQuery } from '../../common/pipes/params';
import { parseInstant } from '../../common/time/instant';
import { toCsv } from '../../common/csv/csv';
import { AuditService, type AuditFilter } from './audit.service';

const CSV_COLUMNS = [
  'id',
  'at',
  'action',
  'actorName',
  'actorEmail',
  'actorRole',
  'applicationId',
  'entity',
  'entityId',
  'fromState',
  'toState',
  'snapshotSha256',
  'details',
];

@ApiTags('audit')
@Controller('audit')
@Roles('staff')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first, filterable (staff)' })
  @ApiOkResponse({ type: [AuditEntryResponse] })
  @ApiErrors(403)
  @ApiQuery({ name: 'applicationId', required: false })
  @ApiQuery({ name: 'action', required: false })
  @ApiQuery({ name: 'actorId', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'ISO-8601' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO-8601' })
  list(
    @Query('applicationId', optionalUuidQuery('applicationId')) applicationId?: string,
    @Query('action') action?: string,
    @Query('actorId', optionalUuidQuery('actorId')) actorId?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ) {
    return this.audit.list(checked({ applicationId, action, actorId, from, to }));
  }

  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit.csv"')
  @ApiOperation({ summary: 'The same, as CSV (staff)' })
  @ApiOkResponse({
    description: "CSV, one row per entry (formula-like cells prefixed with ')",
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiErrors(403)
  async export(
    @Query('applicationId', optionalUuidQuery('applicationId')) applicationId?: string,
    @Query('action') action?: string,
    @Query('actorId', optionalUuidQuery('actorId')) actorId?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ) {
    return toCsv(await this.audit.list({ ...checked({ applicationId, action, actorId, from, to }), limit: 10_000 }), CSV_COLUMNS);
  }
}

/** `from` / `to` must be real instants (parseInstant); PostgreSQL gets them in UTC. */
function checked(f: AuditFilter): AuditFilter {
  const out = { ...f };
  const details = [];
  for (const key of ['from', 'to'] as const) {
    if (f[key] === undefined) continue;
    const at = parseInstant(f[key]);
    if (at) out[key] = at.toISOString();
    else details.push({ path: key, code: 'invalid_instant' });
  }
  if (details.length) throw validationError(details);
  return out;
}

import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors';
import { ExportResponse } from './dossiers.response';
import { IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { IdParam } from '../../common/pipes/params';
import { DossierExportsService } from './dossier-exports.service';

export class DossierExportDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() cycleId!: string;
}

@ApiTags('exports')
@Roles('staff')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: DossierExportsService) {}

  @Post('dossiers')
  @HttpCode(202)
  @ApiOperation({ summary: 'Start a ZIP of every current dossier of a cycle (staff copies + manifest.csv); poll GET /api/exports/:id' })
  @ApiAcceptedResponse({ type: ExportResponse })
  @ApiErrors(404)
  create(@CurrentActor() a: Actor, @Body() body: DossierExportDto) {
    return this.exports.create(a, body.cycleId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status and progress of an export' })
  @ApiOkResponse({ type: ExportResponse })
  @ApiErrors(403, 404)
  get(@Param('id', IdParam) id: string) {
    return this.exports.get(id);
  }

  @Get(':id/download')
  @ApiOperation({ summary: '302 to a short-lived signed URL of the finished ZIP; 409 until it is ready' })
  @ApiFoundResponse({
    description: 'Location: the signed URL (valid 5 minutes)',
    headers: { Location: { schema: { type: 'string', format: 'uri' } } },
  })
  @ApiErrors(403, 404, 409)
  async download(@Param('id', IdParam) id: string, @Res() reply: FastifyReply) {
    await reply.header('Cache-Control', 'no-store').redirect(await this.exports.downloadUrl(id), 302);
  }
}

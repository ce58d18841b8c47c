import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors';
import { AttachmentResponse } from './attachments.response';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, UploadRoute } from '../../common/auth/decorators';
import { IdParam, optionalBoolQuery } from '../../common/pipes/params';
import { ATTACHMENT_KINDS, AttachmentsService } from './attachments.service';

@ApiTags('attachments')
@Controller('applications/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @UploadRoute()
  @ApiOperation({
    summary:
      'Upload one file (owner organisation; draft, or sealed for stamped_receipt). Type by content (PDF, PNG, JPEG, WebP; supporting_doc also DOCX/XLSX/PPTX): 415 otherwise, and 415 file_damaged when the whole file is not that type; over the file or application limit, an image over 40 MP or a PDF too complex to check: 413; an 11th live stamped_receipt: 409',
  })
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'kind', required: false, enum: ATTACHMENT_KINDS, description: 'instead of the kind field' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        kind: { type: 'string', enum: ATTACHMENT_KINDS, description: 'send before the file' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiCreatedResponse({ type: AttachmentResponse })
  @ApiErrors(404, 409)
  async upload(
    @CurrentActor() a: Actor,
    @Param('id', IdParam) id: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('kind') kind?: string,
  ) {
    try {
      return await this.attachments.upload(a, id, req, kind);
    } catch (e) {
      // Refused before the body ended (too large, wrong type, wrong state): answer now and close
      // the connection instead of reading — possibly hundreds of MB — that we would throw away.
      if (!req.raw.complete) void reply.header('Connection', 'close');
      throw e;
    }
  }

  @Get()
  @ApiOperation({ summary: 'Live attachments of the application' })
  @ApiOkResponse({ type: [AttachmentResponse] })
  @ApiErrors(404)
  list(@CurrentActor() a: Actor, @Param('id', IdParam) id: string) {
    return this.attachments.list(a, id);
  }

  @Get(':attId')
  @ApiOperation({
    summary:
      '302 to a short-lived signed URL that downloads the file (Content-Disposition: attachment); `inline=true` shows a PDF or image in the browser',
  })
  @ApiQuery({ name: 'inline', required: false, type: Boolean, description: 'Preview: Content-Disposition inline for PDF and images' })
  @ApiFoundResponse({
    description: 'Location: the signed URL (valid 5 minutes)',
    headers: { Location: { schema: { type: 'string', format: 'uri' } } },
  })
  @ApiErrors(404)
  async download(
    @CurrentActor() a: Actor,
    @Param('id', IdParam) id: string,
    @Param('attId', IdParam) attId: string,
    @Res() reply: FastifyReply,
    @Query('inline', optionalBoolQuery('inline')) inline?: boolean,
  ) {
    const url = await this.attachments.downloadUrl(a, id, attId, inline ?? false);
    await reply.header('Cache-Control', 'no-store').redirect(url, 302);
  }

  @Delete(':attId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a file (owner organisation; draft, or sealed for stamped_receipt)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(404, 409)
  async remove(@CurrentActor() a: Actor, @Param('id', IdParam) id: string, @Param('attId', IdParam) attId: string): Promise<void> {
    await this.attachments.remove(a, id, attId);
  }
}

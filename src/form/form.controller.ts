import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormResponse } from './form.response';
import { Public } from '../common/auth/decorators';
import { PrecompressedJson } from '../common/http/precompressed-json';
import { describeSection } from './form-descriptor';
import { SectionRegistry } from './section-registry';

@ApiTags('form')
@Controller('form')
export class FormController {
  /** Fixed per deploy: serialised and compressed once, revalidated by ETag after five minutes. */
  private readonly answer: PrecompressedJson;

  constructor(registry: SectionRegistry) {
    this.answer = new PrecompressedJson(() => ({ sections: registry.all().map(describeSection) }), 'public, max-age=300');
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'The form descriptor: every section and field with labels (zh/en), types, options and limits' })
  @ApiOkResponse({
    type: FormResponse,
    description: 'Compressed once per process (brotli/gzip by Accept-Encoding), with an ETag (If-None-Match → 304)',
  })
  describe(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.answer.send(req, reply);
  }
}

import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FormResponse } from './form.response';
import { Public } from '../common/auth/decorators';
import { describeSection } from './form-descriptor';
import { SectionRegistry } from './section-registry';

@ApiTags('form')
@Controller('form')
export class FormController {
  constructor(private readonly registry: SectionRegistry) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The form descriptor: every section and field with labels (zh/en), types, options and limits' })
  @ApiOkResponse({ type: FormResponse })
  describe() {
    return { sections: this.registry.all().map(describeSection) };
  }
}

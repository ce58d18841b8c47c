import { ApiProperty } from '@nestjs/swagger';
import type { FieldNode } from './field-types';

class FormLabelResponse {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

const FIELD_TYPES = [
  'text',
  'essay',
  'int',
  'decimal',
  'percent',
  'year',
  'date',
  'email',
  'url',
  'phone',
  'postcode',
  'choice',
  'multi',
  'pick3',
  'yesno',
  'boolean',
  'attachment',
  'group',
  'list',
  'computed',
];

/**
 * One field as declared in src/form/field-types.ts (`FieldNode`), defaults made explicit; the
 * members beyond these depend on `type` (options, limits, nested fields, …).
 */
const FIELD_SCHEMA = {
  type: 'object',
  required: ['key', 'type', 'label', 'optional'],
  properties: {
    key: { type: 'string' },
    type: { type: 'string', enum: FIELD_TYPES },
    label: { $ref: '#/components/schemas/FormLabelResponse' },
    optional: { type: 'boolean' },
  },
  additionalProperties: true,
};

export class FormSectionResponse {
  @ApiProperty({ example: 'basics' }) key!: string;
  @ApiProperty() order!: number;
  @ApiProperty({ enum: [0, 1, 2, 3], description: '1 basics, 2 management, 3 receipt, 0 optional extras' }) part!: number;
  @ApiProperty({ type: FormLabelResponse }) title!: FormLabelResponse;
  @ApiProperty() optional!: boolean;
  @ApiProperty({ type: 'array', items: FIELD_SCHEMA }) fields!: FieldNode[];
}

export class FormResponse {
  @ApiProperty({ type: [FormSectionResponse] }) sections!: FormSectionResponse[];
}

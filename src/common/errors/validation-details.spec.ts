import 'reflect-metadata';
import { ArrayMaxSize, IsIn, Max, MaxLength, Min, MinLength, ValidateNested, validateSync } from 'class-validator';
import { Type, plainToInstance } from 'class-transformer';
import { flattenValidationErrors } from './validation-details';

class Inner {
  @Max(7) n!: number;
}
class Sample {
  // messages that would mislead a regex: the digits in them are not the limits
  @MinLength(10, { message: 'version 2 needs 10' }) password!: string;
  @MaxLength(5, { message: 'at most 3 words, 5 characters' }) name!: string;
  @Min(1) count!: number;
  @ArrayMaxSize(2) tags!: string[];
  @IsIn(['a', 'b']) kind!: string;
  @ValidateNested() @Type(() => Inner) inner!: Inner;
}

describe('flattenValidationErrors', () => {
  it('reads each limit from the decorator as declared, not from the message text', () => {
    const instance = plainToInstance(Sample, {
      password: 'short',
      name: 'too long',
      count: 0,
      tags: ['x', 'y', 'z'],
      kind: 'c',
      inner: { n: 8 },
      '': 1,
      'a.b': 2,
    });
    const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: true, value: false } });
    expect(flattenValidationErrors(errors)).toEqual([
      { path: '""', code: 'unknown_field' },
      { path: '"a.b"', code: 'unknown_field' },
      { path: 'password', code: 'too_short', params: { min: 10 } },
      { path: 'name', code: 'too_long', params: { max: 5 } },
      { path: 'count', code: 'too_small', params: { min: 1 } },
      { path: 'tags', code: 'too_many', params: { max: 2 } },
      { path: 'kind', code: 'not_in_options', params: { options: ['a', 'b'] } },
      { path: 'inner.n', code: 'too_large', params: { max: 7 } },
    ]);
  });
});

import { ParseBoolPipe, ParseUUIDPipe } from '@nestjs/common';
import { notFound, validationError } from '../errors/domain-error';

/** An id in the path that is not a UUID names nothing: 404, like any id that is not yours. */
export const IdParam = new ParseUUIDPipe({ exceptionFactory: () => notFound() });

/** Optional query filters: 400 naming the parameter. */
export const optionalUuidQuery = (name: string) =>
  new ParseUUIDPipe({ optional: true, exceptionFactory: () => validationError([{ path: name, code: 'invalid' }]) });
export const optionalBoolQuery = (name: string) =>
  new ParseBoolPipe({ optional: true, exceptionFactory: () => validationError([{ path: name, code: 'invalid' }]) });

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * The parsed JSON body exactly as sent (an absent body reads as undefined, which fails validation
 * as "not an object"). Unlike @Body(), the global ValidationPipe does not touch it: section bodies
 * are validated against their own descriptor.
 */
export const RawBody = createParamDecorator((_: unknown, ctx: ExecutionContext): unknown => {
  const req = ctx.switchToHttp().getRequest();
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  return hasBody ? req.body : undefined;
});

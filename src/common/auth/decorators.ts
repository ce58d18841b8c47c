import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { Role } from './roles';
import type { Actor } from './actor';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';
export const UPLOAD_KEY = 'http:upload';

/**
 * Opt a route out of the global sign-in requirement (deny by default). The OpenAPI document
 * marks it anonymous (`{}`); every other operation gets the bearer/cookie requirement.
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiSecurity({}));

/** Only these roles may call the route (admin always may where staff may). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The route takes a multipart/form-data upload; every other route accepts only JSON bodies. */
export const UploadRoute = () => SetMetadata(UPLOAD_KEY, true);

/** The signed-in actor (undefined on public routes when anonymous). */
export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor | undefined => ctx.switchToHttp().getRequest().actor,
);

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { validationError } from '../errors/domain-error';
import { inputProblems } from './input-limits';

/**
 * Global (registered in bootstrap.ts, after the auth guard, before every pipe): refuses with 400 any request whose
 * JSON body, query string or path parameters carry what no route can store or walk safely
 * (see input-limits.ts). Routes added later are covered without doing anything.
 */
@Injectable()
export class InputGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const problems = [
      ...inputProblems(req.params ?? {}),
      ...inputProblems(req.query ?? {}),
      ...(req.isMultipart?.() ? [] : inputProblems(req.body)),
    ];
    if (problems.length) throw validationError(problems);
    return true;
  }
}

import type { Actor } from './actor';

/**
 * What the global AuthGuard needs from the identity feature: the actor behind a token.
 * An abstract class so it doubles as the DI token; the identity module binds its SessionService
 * to it, which keeps `common/` free of feature imports.
 */
export abstract class SessionResolver {
  abstract resolve(token: string): Promise<Actor | null>;
}

/**
 * Node 20's `AsyncResource#bind` gives every bound function a deprecated `asyncResource` accessor
 * (DEP0172) made by `util.deprecate`, which calls `Object.setPrototypeOf` on two fresh functions.
 * Fastify binds its body parser's callback once per request, and that alone was 6 % of an
 * autosave's API CPU (bench/RESULTS.md, "Autosave p99"). Node 24 stopped the prototype change
 * (nodejs/node#59195, from #58218) and Node's main branch removes the property (#58618).
 *
 * This installs the same binding without the deprecated property: the function still runs in the
 * resource's async scope with the same `this`, arguments, return value and `length`. Where the
 * running Node has no such accessor, nothing is changed.
 */
import { AsyncResource } from 'node:async_hooks';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature of Node's own bind
type Bind = <F extends (...args: any[]) => unknown>(fn: F, thisArg?: unknown) => F;

export function useLeanAsyncResourceBind(): void {
  const probe = new AsyncResource('lean-bind-probe').bind(() => undefined);
  if (!Object.getOwnPropertyDescriptor(probe, 'asyncResource')?.get) return;
  const lean: Bind = function (this: AsyncResource, fn, thisArg) {
    if (typeof fn !== 'function')
      throw Object.assign(new TypeError('The "fn" argument must be of type function'), { code: 'ERR_INVALID_ARG_TYPE' });
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the bound function has its caller's `this` too
    const resource = this;
    const bound =
      thisArg === undefined
        ? function (this: unknown, ...args: unknown[]) {
            return resource.runInAsyncScope(fn, this, ...args);
          }
        : resource.runInAsyncScope.bind(resource, fn, thisArg);
    Object.defineProperty(bound, 'length', { value: fn.length, configurable: true });
    return bound as unknown as typeof fn;
  };
  (AsyncResource.prototype as unknown as { bind: Bind }).bind = lean;
}

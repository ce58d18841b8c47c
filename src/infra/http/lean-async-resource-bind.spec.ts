import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { useLeanAsyncResourceBind } from './lean-async-resource-bind';

describe('useLeanAsyncResourceBind', () => {
  beforeAll(() => useLeanAsyncResourceBind());

  it('leaves no deprecated asyncResource accessor on bound functions', () => {
    const bound = new AsyncResource('t').bind(() => 1);
    expect(Object.getOwnPropertyDescriptor(bound, 'asyncResource')?.get).toBeUndefined();
  });

  it('still runs the function in the async context it was bound in, with its this, arguments, result and length', async () => {
    const als = new AsyncLocalStorage<string>();
    function f(this: unknown, a: number, b: number) {
      return { ctx: als.getStore(), self: this, sum: a + b };
    }
    const [unbound, withThis] = als.run('request-1', () => {
      const r = new AsyncResource('t');
      // bind's thisArg (Node ≥ 17) is missing from @types/node 20
      const withThisArg = r as unknown as { bind(fn: typeof f, thisArg: unknown): typeof f };
      return [r.bind(f), withThisArg.bind(f, 'given')] as const;
    });
    const self = { me: true };
    await als.run('other', async () => {
      await Promise.resolve();
      expect(unbound.call(self, 1, 2)).toEqual({ ctx: 'request-1', self, sum: 3 });
      expect(withThis(2, 3)).toEqual({ ctx: 'request-1', self: 'given', sum: 5 });
    });
    expect(unbound.length).toBe(2);
    expect(AsyncResource.bind(f).length).toBe(2);
  });

  it('refuses a non-function as Node does', () => {
    expect(() => new AsyncResource('t').bind(42 as never)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }));
  });
});

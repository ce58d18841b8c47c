import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.get('a');
    c.set('c', 3);
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([1, undefined, 3]);
  });

  it('forgets entries after their time to live', () => {
    jest.useFakeTimers({ now: 0 });
    const c = new LruCache<string, number>(10, 1000);
    c.set('a', 1);
    jest.setSystemTime(999);
    expect(c.get('a')).toBe(1);
    jest.setSystemTime(2000);
    expect(c.get('a')).toBeUndefined();
    jest.useRealTimers();
  });

  it('deletes by predicate and stores nothing when disabled', () => {
    const c = new LruCache<string, number>(10);
    c.set('a', 1);
    c.set('b', 2);
    c.deleteWhere((v) => v === 1);
    expect([c.get('a'), c.get('b')]).toEqual([undefined, 2]);
    const off = new LruCache<string, number>(10, 0);
    off.set('a', 1);
    expect(off.get('a')).toBeUndefined();
  });
});

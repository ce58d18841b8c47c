import { describe, expect, it } from 'vitest';
import { conflictingPaths, rebase } from './conflicts';

describe('conflictingPaths', () => {
  const base = { a: '1', b: '1', c: '1' };
  it('a field both sides changed to different values is a conflict', () => {
    expect(conflictingPaths({ ...base, a: 'mine' }, base, { ...base, a: 'theirs' }, ['a'])).toEqual(['a']);
  });
  it('a field only they changed, or both to the same value, is not', () => {
    expect(conflictingPaths({ ...base, a: 'mine' }, base, { ...base, b: 'theirs' }, ['a'])).toEqual([]);
    expect(conflictingPaths({ ...base, a: 'same' }, base, { ...base, a: 'same' }, ['a'])).toEqual([]);
  });
  it('compares nested values and lists by content; missing and null are equal', () => {
    const b = { g: { list: [1, 2], x: null } };
    expect(conflictingPaths({ g: { list: [1, 2, 3] } }, b, { g: { list: [1, 2, 4] } }, ['g.list', 'g.x'])).toEqual(['g.list']);
    expect(conflictingPaths({ g: { list: [1] } }, b, { g: { list: [1, 2] } }, ['g.x'])).toEqual([]);
  });
  it('my clearing a field they changed is a conflict', () => {
    expect(conflictingPaths({ a: undefined }, { a: 'old' }, { a: 'new' }, ['a'])).toEqual(['a']);
  });
});

describe('rebase', () => {
  it('puts the kept paths of mine on their version, leaving theirs elsewhere', () => {
    const theirs = { a: 't', b: 't', g: { x: 't' } };
    const mine = { a: 'm', b: 'm', g: { x: 'm' } };
    expect(rebase(theirs, mine, ['a', 'g.x'])).toEqual({ a: 'm', b: 't', g: { x: 'm' } });
    expect(theirs).toEqual({ a: 't', b: 't', g: { x: 't' } });
  });
  it('a path I cleared is cleared on theirs too', () => {
    expect(rebase({ a: 't', b: 1 }, { b: 1 }, ['a'])).toEqual({ b: 1 });
  });
});

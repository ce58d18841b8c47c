import { badText, inputProblems, MAX_DEPTH } from './input-limits';

const nest = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};

describe('inputProblems', () => {
  it('accepts ordinary JSON', () => {
    expect(inputProblems({ a: [1, 'x', { b: null, c: true, 中文: '😀' }], n: -0, big: Number('9007199254740993') })).toEqual([]);
  });

  it(`accepts ${MAX_DEPTH} levels and refuses one more, naming the path`, () => {
    expect(inputProblems(nest(MAX_DEPTH))).toEqual([]);
    const problems = inputProblems(nest(MAX_DEPTH + 1));
    expect(problems).toEqual([{ path: Array(MAX_DEPTH).fill('a').join('.'), code: 'too_deep', params: { max: MAX_DEPTH } }]);
  });

  it('survives a million levels without recursion', () => {
    const deep = JSON.parse('['.repeat(500_000) + ']'.repeat(500_000));
    expect(inputProblems(deep)[0].code).toBe('too_deep');
  });

  it('names NUL, lone surrogates and non-finite numbers by path, keys included', () => {
    expect(inputProblems({ a: { b: 'x\u0000y' }, c: ['ok', '\uD800'], d: JSON.parse('1e400'), ['k\uDC00']: 1 })).toEqual([
      { path: 'a.b', code: 'nul_character' },
      { path: 'c.1', code: 'lone_surrogate' },
      { path: 'd', code: 'not_finite' },
      { path: '"k\\udc00"', code: 'lone_surrogate' },
    ]);
    expect(inputProblems('\u0000')).toEqual([{ path: '$', code: 'nul_character' }]);
    expect(inputProblems({ 'a.b': '\u0000' })).toEqual([{ path: '"a.b"', code: 'nul_character' }]);
  });

  it('caps the number of details', () => {
    expect(inputProblems(Array(1000).fill('\u0000')).length).toBe(20);
  });
});

describe('badText', () => {
  it('tells a pair from a lone half', () => {
    expect(badText('😀')).toBeUndefined();
    expect(badText('\uD83D')).toBe('lone_surrogate');
    expect(badText('\uDE00x')).toBe('lone_surrogate');
    expect(badText('a\u0000')).toBe('nul_character');
  });
});

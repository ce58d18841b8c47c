import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it('gives the same text for the same data in any key order', () => {
    expect(canonicalJson({ x: 1, y: '二' })).toBe(canonicalJson({ y: '二', x: 1 }));
  });
  it('normalises strings (trim, NFC) and numbers (-0, exponent form)', () => {
    expect(canonicalJson('  Cafe\u0301 ')).toBe('"Café"');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(1e21)).toBe('1e+21');
    expect(canonicalJson(4.5)).toBe('4.5');
  });
  it('keeps array order and omits undefined members', () => {
    expect(canonicalJson({ a: [2, 1], b: undefined })).toBe('{"a":[2,1]}');
  });
  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(NaN)).toThrow();
  });
});

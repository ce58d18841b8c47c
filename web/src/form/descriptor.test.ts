import { describe, expect, it } from 'vitest';
import { getPath, mergePatchOf, setPath } from './descriptor';

describe('getPath / setPath', () => {
  it('reads nested objects and list rows', () => {
    const d = { a: { b: [{ c: 1 }, { c: 2 }] } };
    expect(getPath(d, 'a.b.1.c')).toBe(2);
    expect(getPath(d, 'a.x.y')).toBeUndefined();
  });
  it('writes a copy, creating objects and arrays on the way, and leaves the input alone', () => {
    const d = { a: { keep: 1 } };
    const out = setPath(d, 'a.list.0.name', 'x');
    expect(out).toEqual({ a: { keep: 1, list: [{ name: 'x' }] } });
    expect(Array.isArray((out.a as { list: unknown }).list)).toBe(true);
    expect(d).toEqual({ a: { keep: 1 } });
  });
  it('undefined removes the member', () => {
    expect(setPath({ a: { b: 1, c: 2 } }, 'a.b', undefined)).toEqual({ a: { c: 2 } });
  });
});

describe('mergePatchOf (RFC 7396)', () => {
  it('sends only the changed paths', () => {
    const data = { enterprise: { name: 'A', address: 'B' }, contact: { phone: '1' } };
    expect(mergePatchOf(data, ['enterprise.name'])).toEqual({ enterprise: { name: 'A' } });
  });
  it('a cleared field is sent as null', () => {
    expect(mergePatchOf({ enterprise: {} }, ['enterprise.address'], { enterprise: { address: 'old' } })).toEqual({
      enterprise: { address: null },
    });
  });
  it('a member removed from an object value is sent as null (the cleared 说明 of a yes/no answer)', () => {
    const base = { bcp: { answer: true, detail: '有预案' } };
    const data = { bcp: { answer: true } };
    expect(mergePatchOf(data, ['bcp'], base)).toEqual({ bcp: { answer: true, detail: null } });
    // a member set to undefined counts as removed too (JSON.stringify would drop it silently)
    expect(mergePatchOf({ bcp: { answer: false, detail: undefined } }, ['bcp'], base)).toEqual({ bcp: { answer: false, detail: null } });
  });
  it('removals are found at every depth', () => {
    const base = { a: { b: { c: 1, d: 2 } } };
    expect(mergePatchOf({ a: { b: { c: 1 } } }, ['a'], base)).toEqual({ a: { b: { c: 1, d: null } } });
  });
  it('a list travels whole, also when one row field changed; an emptied list is []', () => {
    const data = { staff: { rows: [{ n: 1 }, { n: 3 }] } };
    expect(mergePatchOf(data, ['staff.rows.1.n'])).toEqual({ staff: { rows: [{ n: 1 }, { n: 3 }] } });
    expect(mergePatchOf({ staff: { rows: [] } }, ['staff.rows'], { staff: { rows: [{ n: 1 }] } })).toEqual({ staff: { rows: [] } });
  });
  it('two paths meeting in one object are merged, neither dropped', () => {
    const data = { g: { x: 1, y: { z: 2, w: 3 } } };
    expect(mergePatchOf(data, ['g.y.z', 'g.x'])).toEqual({ g: { x: 1, y: { z: 2 } } });
    expect(mergePatchOf(data, ['g.y', 'g.y.z'])).toEqual({ g: { y: { z: 2, w: 3 } } });
  });
  it('a cleared select (undefined) and a removed "other" text become null', () => {
    const base = { center: { businessTypes: ['other'], businessTypesOther: '外包' } };
    const data = { center: { businessTypes: ['telecom'] } };
    expect(mergePatchOf(data, ['center.businessTypes', 'center.businessTypesOther'], base)).toEqual({
      center: { businessTypes: ['telecom'], businessTypesOther: null },
    });
  });
});

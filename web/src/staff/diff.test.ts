import { describe, expect, it } from 'vitest';
import { snapshotDiff } from './diff';

describe('snapshotDiff', () => {
  it('lists changed, added and removed leaves by section and path', () => {
    const a = { sections: { basics: { enterprise: { name: 'A', phone: '1' }, center: { channels: ['voice'] } }, kpis: {} } };
    const b = { sections: { basics: { enterprise: { name: 'B' }, center: { channels: ['voice', 'email'] } }, kpis: { x: { target: 1 } } } };
    expect(snapshotDiff(a, b, ['basics', 'kpis'])).toEqual([
      { section: 'basics', path: 'enterprise.name', before: 'A', after: 'B' },
      { section: 'basics', path: 'enterprise.phone', before: '1', after: undefined },
      { section: 'basics', path: 'center.channels', before: ['voice'], after: ['voice', 'email'] },
      { section: 'kpis', path: 'x.target', before: undefined, after: 1 },
    ]);
  });
  it('finds nothing between equal documents; list rows by index', () => {
    const doc = { sections: { kpis: { others: [{ name: 'a' }] } } };
    expect(snapshotDiff(doc, structuredClone(doc))).toEqual([]);
    expect(snapshotDiff(doc, { sections: { kpis: { others: [{ name: 'b' }] } } })).toEqual([
      { section: 'kpis', path: 'others.0.name', before: 'a', after: 'b' },
    ]);
  });
});

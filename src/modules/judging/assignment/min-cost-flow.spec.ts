import { MinCostFlow } from './min-cost-flow';

describe('MinCostFlow', () => {
  it('finds the maximum flow of least cost (a cheap path, then the dearer ones)', () => {
    // 0 → 1 → 3 costs 2, 0 → 2 → 3 costs 5, 0 → 1 → 2 → 3 costs 1 + 1 + 3 = 5.
    const net = new MinCostFlow(4);
    const a01 = net.addArc(0, 1, 2, 1);
    const a02 = net.addArc(0, 2, 1, 2);
    const a12 = net.addArc(1, 2, 1, 1);
    const a13 = net.addArc(1, 3, 1, 1);
    const a23 = net.addArc(2, 3, 2, 3);
    const { flow, cost } = net.solve(0, 3);
    expect(flow).toBe(3);
    expect(cost).toBe(2 + 5 + 5);
    expect([a01, a02, a12, a13, a23].map((a) => net.flowOn(a))).toEqual([2, 1, 1, 1, 2]);
  });

  it('reroutes flow through a reverse arc when that makes the maximum larger', () => {
    // The cheapest first path s→a→b→t blocks the only way to 2 units unless it is undone.
    const net = new MinCostFlow(4);
    const [s, a, b, t] = [0, 1, 2, 3];
    net.addArc(s, a, 1, 0);
    net.addArc(s, b, 1, 0);
    const ab = net.addArc(a, b, 1, 0);
    net.addArc(a, t, 1, 10);
    net.addArc(b, t, 1, 0);
    const result = net.solve(s, t);
    expect(result).toMatchObject({ flow: 2, cost: 10 });
    expect(net.flowOn(ab)).toBe(0);
  });

  it('fills parallel unit arcs of increasing cost in order (convex costs)', () => {
    const net = new MinCostFlow(3);
    net.addArc(0, 1, 3, 0);
    const units = [1, 3, 5, 7].map((c) => net.addArc(1, 2, 1, c));
    expect(net.solve(0, 2)).toMatchObject({ flow: 3, cost: 9 });
    expect(units.map((u) => net.flowOn(u))).toEqual([1, 1, 1, 0]);
  });

  it('refuses negative or fractional costs and capacities, and a second solve', () => {
    const net = new MinCostFlow(2);
    expect(() => net.addArc(0, 1, 1, -1)).toThrow(RangeError);
    expect(() => net.addArc(0, 1, 1.5, 1)).toThrow(RangeError);
    expect(() => net.addArc(0, 2, 1, 1)).toThrow(RangeError);
    net.addArc(0, 1, 1, 1);
    net.solve(0, 1);
    expect(() => net.solve(0, 1)).toThrow();
  });

  it('answers zero flow when the sink is unreachable', () => {
    const net = new MinCostFlow(3);
    net.addArc(0, 1, 5, 1);
    expect(net.solve(0, 2)).toMatchObject({ flow: 0, cost: 0 });
  });
});

/**
 * Exact minimum-cost maximum flow with integer costs: primal-dual successive shortest paths.
 *
 * Each phase runs Dijkstra on reduced costs (Johnson potentials, so every residual arc costs ≥ 0),
 * raises the potentials by the distances, and then pushes a maximum flow through the *admissible*
 * arcs (reduced cost exactly 0) with Dinic's algorithm. One phase therefore augments along every
 * shortest path of the current length at once, not one path per Dijkstra — the assignment network
 * has thousands of units of flow but only a few hundred distinct path lengths.
 *
 * The result is a maximum flow of minimum cost among all maximum flows (successive shortest paths
 * keeps the flow cost-optimal for its value at every step and stops only when the sink is
 * unreachable).
 *
 * Costs must be non-negative integers whose path sums stay below 2^53 (they are doubles, so every
 * sum is exact; reduced costs are compared with `=== 0`). Deterministic: arcs are scanned in
 * insertion order, the heap breaks ties by node number, and nothing is random.
 */
export class MinCostFlow {
  private readonly tails: number[] = [];
  private readonly heads: number[] = [];
  private readonly capacities: number[] = [];
  private readonly costs: number[] = [];
  private solved: { residual: Int32Array; reverseSlot: Int32Array } | null = null;

  constructor(readonly nodeCount: number) {
    if (!Number.isInteger(nodeCount) || nodeCount < 2) throw new RangeError('a flow network needs at least two nodes');
  }

  /** Adds an arc and returns its number (for `flowOn`). */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (this.solved) throw new Error('arcs cannot be added after solve()');
    if (!this.isNode(from) || !this.isNode(to)) throw new RangeError(`arc ${from} → ${to} names a node outside 0..${this.nodeCount - 1}`);
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError('arc capacity must be a non-negative integer');
    if (!Number.isSafeInteger(cost) || cost < 0) throw new RangeError('arc cost must be a non-negative safe integer');
    this.tails.push(from);
    this.heads.push(to);
    this.capacities.push(capacity);
    this.costs.push(cost);
    return this.tails.length - 1;
  }

  get arcCount(): number {
    return this.tails.length;
  }

  /** Flow on arc `arc` after `solve()`. */
  flowOn(arc: number): number {
    if (!this.solved) throw new Error('flowOn() before solve()');
    return this.solved.residual[this.solved.reverseSlot[arc]];
  }

  solve(source: number, sink: number): { flow: number; cost: number; phases: number } {
    if (this.solved) throw new Error('solve() runs once');
    if (!this.isNode(source) || !this.isNode(sink) || source === sink) throw new RangeError('source and sink must be two distinct nodes');
    const n = this.nodeCount;
    const m = this.tails.length;

    // Residual graph laid out by tail node (compressed rows): the arcs of a node sit side by side
    // in memory, so scanning a judge's thousands of (mostly empty) reverse arcs is a linear read
    // instead of a cache miss per arc. Each arc a has a forward slot (capacity, cost) and a
    // reverse slot (0, −cost) in its head's row; `partner` links the two.
    const start = new Int32Array(n + 1);
    for (let a = 0; a < m; a++) {
      start[this.tails[a] + 1]++;
      start[this.heads[a] + 1]++;
    }
    for (let v = 0; v < n; v++) start[v + 1] += start[v];
    const next = start.slice(0, n);
    const to = new Int32Array(2 * m);
    const partner = new Int32Array(2 * m);
    const residual = new Int32Array(2 * m);
    const cost = new Float64Array(2 * m);
    const reverseSlot = new Int32Array(m);
    for (let a = 0; a < m; a++) {
      const f = next[this.tails[a]]++;
      const b = next[this.heads[a]]++;
      to[f] = this.heads[a];
      to[b] = this.tails[a];
      partner[f] = b;
      partner[b] = f;
      residual[f] = this.capacities[a];
      cost[f] = this.costs[a];
      cost[b] = -this.costs[a];
      reverseSlot[a] = b;
    }

    const potential = new Float64Array(n);
    const distance = new Float64Array(n);
    const done = new Uint8Array(n);
    const heap = new IndexedHeap(n, distance);
    const level = new Int32Array(n);
    const cursor = new Int32Array(n);
    const queue = new Int32Array(n);
    const pathArc = new Int32Array(n);
    const pathNode = new Int32Array(n);

    /** Dijkstra on reduced costs; stops when the sink is settled. False when the sink is unreachable. */
    const shortestPaths = (): boolean => {
      distance.fill(Infinity);
      done.fill(0);
      distance[source] = 0;
      heap.push(source);
      while (heap.size > 0) {
        const u = heap.pop();
        done[u] = 1;
        if (u === sink) break;
        const du = distance[u] + potential[u];
        for (let a = start[u], end = start[u + 1]; a < end; a++) {
          if (residual[a] === 0) continue;
          const v = to[a];
          if (done[v]) continue;
          const dv = du + cost[a] - potential[v];
          if (dv < distance[v]) {
            distance[v] = dv;
            heap.pushOrDecrease(v);
          }
        }
      }
      heap.clear();
      if (!done[sink]) return false;
      // Raise each potential by min(distance, distance to sink): keeps every reduced cost ≥ 0 even
      // for nodes the early stop left unsettled, and makes every shortest path's arcs cost 0.
      const cap = distance[sink];
      for (let v = 0; v < n; v++) potential[v] += done[v] ? distance[v] : cap;
      return true;
    };

    const admissible = (a: number, u: number): boolean => residual[a] > 0 && cost[a] + potential[u] - potential[to[a]] === 0;

    /** Breadth-first levels over admissible arcs (Dinic). */
    const buildLevels = (): boolean => {
      level.fill(-1);
      level[source] = 0;
      let head = 0;
      let tail = 0;
      queue[tail++] = source;
      while (head < tail) {
        const u = queue[head++];
        // Nothing beyond the sink's level lies on a shortest augmenting path: stop expanding there.
        if (level[sink] >= 0 && level[u] >= level[sink]) break;
        for (let a = start[u], end = start[u + 1]; a < end; a++) {
          const v = to[a];
          if (level[v] < 0 && admissible(a, u)) {
            level[v] = level[u] + 1;
            queue[tail++] = v;
          }
        }
      }
      return level[sink] >= 0;
    };

    /** One augmenting path along the level graph (iterative DFS with current-arc pointers). */
    const augmentOnce = (): number => {
      let u = source;
      let depth = 0;
      for (;;) {
        if (u === sink) {
          let push = Infinity;
          for (let d = 0; d < depth; d++) push = Math.min(push, residual[pathArc[d]]);
          for (let d = 0; d < depth; d++) {
            residual[pathArc[d]] -= push;
            residual[partner[pathArc[d]]] += push;
          }
          return push;
        }
        let advanced = false;
        for (let end = start[u + 1]; cursor[u] < end; cursor[u]++) {
          const a = cursor[u];
          const v = to[a];
          if (level[v] === level[u] + 1 && admissible(a, u)) {
            pathNode[depth] = u;
            pathArc[depth++] = a;
            u = v;
            advanced = true;
            break;
          }
        }
        if (advanced) continue;
        // Dead end: retire u from this level graph and step back.
        level[u] = -1;
        if (depth === 0) return 0;
        u = pathNode[--depth];
        cursor[u]++;
      }
    };

    let flow = 0;
    let phases = 0;
    while (shortestPaths()) {
      phases++;
      while (buildLevels()) {
        cursor.set(start.subarray(0, n));
        for (let pushed = augmentOnce(); pushed > 0; pushed = augmentOnce()) flow += pushed;
      }
    }

    this.solved = { residual, reverseSlot };
    let total = 0;
    for (let a = 0; a < m; a++) total += residual[reverseSlot[a]] * this.costs[a];
    return { flow, cost: total, phases };
  }

  private isNode(v: number): boolean {
    return Number.isInteger(v) && v >= 0 && v < this.nodeCount;
  }
}

/** Binary min-heap of node numbers keyed by `key[node]`, ties by node number; supports decrease-key. */
class IndexedHeap {
  private readonly nodes: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
  ) {
    this.nodes = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  push(v: number): void {
    this.position[v] = this.size;
    this.nodes[this.size++] = v;
    this.up(this.size - 1);
  }

  pushOrDecrease(v: number): void {
    if (this.position[v] < 0) this.push(v);
    else this.up(this.position[v]);
  }

  pop(): number {
    const top = this.nodes[0];
    this.position[top] = -1;
    const last = this.nodes[--this.size];
    if (this.size > 0) {
      this.nodes[0] = last;
      this.position[last] = 0;
      this.down(0);
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.nodes[i]] = -1;
    this.size = 0;
  }

  private less(a: number, b: number): boolean {
    const ka = this.key[a];
    const kb = this.key[b];
    return ka < kb || (ka === kb && a < b);
  }

  private up(i: number): void {
    const v = this.nodes[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = this.nodes[parent];
      if (!this.less(v, p)) break;
      this.nodes[i] = p;
      this.position[p] = i;
      i = parent;
    }
    this.nodes[i] = v;
    this.position[v] = i;
  }

  private down(i: number): void {
    const v = this.nodes[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.less(this.nodes[child + 1], this.nodes[child])) child++;
      const c = this.nodes[child];
      if (!this.less(c, v)) break;
      this.nodes[i] = c;
      this.position[c] = i;
      i = child;
    }
    this.nodes[i] = v;
    this.position[v] = i;
  }
}

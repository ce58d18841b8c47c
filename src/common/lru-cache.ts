/** A small LRU map with optional time-to-live; Map keeps insertion order, so the first key is the oldest. */
export class LruCache<K, V> {
  private readonly map = new Map<K, { value: V; expires: number }>();

  constructor(private readonly maxEntries: number, private readonly ttlMs = Infinity) {}

  get(key: K): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    if (hit.expires <= Date.now()) return undefined;
    this.map.set(key, hit);
    return hit.value;
  }

  set(key: K, value: V): void {
    if (this.maxEntries <= 0 || this.ttlMs <= 0) return;
    this.map.delete(key);
    this.map.set(key, { value, expires: Date.now() + this.ttlMs });
    if (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value as K);
  }

  deleteWhere(match: (value: V, key: K) => boolean): void {
    for (const [k, v] of this.map) if (match(v.value, k)) this.map.delete(k);
  }
}

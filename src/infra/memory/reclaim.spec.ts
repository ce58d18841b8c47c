import { collectYoung } from './reclaim';

const MB = 1024 * 1024;

describe('collectYoung', () => {
  it('frees the memory of Buffers that just died (what an upload leaves behind every 64 KB)', async () => {
    collectYoung();
    await new Promise((r) => setTimeout(r, 20));
    const before = process.memoryUsage().arrayBuffers;
    // 8 MB: little enough that V8 does not collect on its own (it would, past its external-memory limit)
    // eslint-disable-next-line no-useless-assignment -- held only so that `chunks = null` below kills them
    let chunks: Buffer[] | null = Array.from({ length: 128 }, () => Buffer.alloc(64 * 1024, 1));
    // ≥ 7 MB, not 8: the process frees a few KB of its own buffers meanwhile (seen in CI: 8,381,003)
    expect(process.memoryUsage().arrayBuffers - before).toBeGreaterThanOrEqual(7 * MB);
    chunks = null;
    collectYoung();
    // the backing stores are released by V8's sweeper right after the scavenge
    await new Promise((r) => setTimeout(r, 50));
    expect(chunks).toBeNull();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1 * MB);
  });
});

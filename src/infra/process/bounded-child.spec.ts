import { BoundedChildError, Gate, runBounded } from './bounded-child';

const MB = 1024 * 1024;

describe('runBounded', () => {
  it('answers with stdout', async () => {
    expect(
      (await runBounded(process.execPath, ['-e', 'process.stdout.write("ok")'], { timeoutMs: 10_000, maxRssBytes: 512 * MB })).stdout,
    ).toBe('ok');
  });

  it('kills a child that runs too long', async () => {
    const started = Date.now();
    await expect(
      runBounded(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 500, maxRssBytes: 512 * MB }),
    ).rejects.toMatchObject({ reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('kills a child whose resident set crosses the ceiling, before it gets far', async () => {
    // touches 16 MB more every few milliseconds, up to 2 GB
    const grow =
      'const a = []; const t = setInterval(() => { a.push(Buffer.alloc(16 << 20, 1)); if (a.length > 128) clearInterval(t); }, 2);';
    const err = await runBounded(process.execPath, ['-e', grow], { timeoutMs: 20_000, maxRssBytes: 160 * MB }).catch((e) => e);
    expect(err).toBeInstanceOf(BoundedChildError);
    expect(err.reason).toBe('memory');
  });

  it('gives native programs an address-space limit through prlimit', async () => {
    const { stdout } = await runBounded('sh', ['-c', 'ulimit -v'], {
      timeoutMs: 10_000,
      maxRssBytes: 512 * MB,
      addressSpaceBytes: 512 * MB,
    });
    expect(stdout.trim()).toBe(String(512 * 1024));
  });

  it('a non-zero exit is a failure with what the program said', async () => {
    await expect(
      runBounded(process.execPath, ['-e', 'console.error("bad input"); process.exit(3)'], { timeoutMs: 10_000, maxRssBytes: 512 * MB }),
    ).rejects.toMatchObject({
      reason: 'failed',
      message: expect.stringContaining('bad input'),
    });
  });
});

it('Gate runs at most n tasks at a time', async () => {
  const gate = new Gate(2);
  let now = 0;
  let max = 0;
  await Promise.all(
    Array.from({ length: 6 }, () =>
      gate.run(async () => {
        max = Math.max(max, ++now);
        await new Promise((r) => setTimeout(r, 20));
        now--;
      }),
    ),
  );
  expect(max).toBe(2);
});

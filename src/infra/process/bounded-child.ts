/**
 * Work on untrusted files (decoding images, parsing or rasterising PDFs) runs in a child process
 * with a wall-clock limit and a memory ceiling, so a decompression bomb costs a killed child —
 * never the API or the worker. Native programs get RLIMIT_AS through `prlimit`; Node cannot start
 * under RLIMIT_AS/RLIMIT_DATA (V8 reserves its address space up front), so a Node child is
 * watched instead: its resident set is sampled and it is killed when it crosses the ceiling.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export type BoundedFailure = 'timeout' | 'memory' | 'failed';

export class BoundedChildError extends Error {
  constructor(
    readonly reason: BoundedFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface BoundedOptions {
  timeoutMs: number;
  /** Killed when its resident set exceeds this (sampled every few milliseconds). */
  maxRssBytes: number;
  /** Native programs only: the address-space limit the kernel enforces (via prlimit). */
  addressSpaceBytes?: number;
  /** CPU seconds (native programs, via prlimit). */
  cpuSeconds?: number;
  /** stdout beyond this is an error (the children here answer with a line of JSON). */
  maxOutputBytes?: number;
}

const SAMPLE_MS = 10;

/** Runs `file args…` under the limits; resolves with stdout when it exits 0. */
export function runBounded(file: string, args: string[], opts: BoundedOptions): Promise<{ stdout: string; stderr: string }> {
  const limits = [
    ...(opts.addressSpaceBytes ? [`--as=${opts.addressSpaceBytes}`] : []),
    ...(opts.cpuSeconds ? [`--cpu=${opts.cpuSeconds}`] : []),
  ];
  // prlimit execs the program: the pid we watch is the program's own
  const [cmd, argv] = limits.length ? ['prlimit', [...limits, '--', file, ...args]] : [file, args];
  const maxOut = opts.maxOutputBytes ?? 1 << 20;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let failure: BoundedChildError | undefined;
    const kill = (reason: BoundedFailure, message: string) => {
      failure ??= new BoundedChildError(reason, message);
      child.kill('SIGKILL');
    };
    child.stdout.on('data', (d: Buffer) => {
      outBytes += d.length;
      if (outBytes > maxOut) kill('failed', `${file}: more than ${maxOut} bytes of output`);
      else out.push(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 64) err.push(d);
    });
    const timer = setTimeout(() => kill('timeout', `${file}: no answer within ${opts.timeoutMs} ms`), opts.timeoutMs);
    const sampler = setInterval(() => {
      const rss = child.pid ? residentBytes(child.pid) : 0;
      if (rss > opts.maxRssBytes)
        kill('memory', `${file}: resident set ${Math.round(rss / 1048576)} MB over ${Math.round(opts.maxRssBytes / 1048576)} MB`);
    }, SAMPLE_MS);
    const done = () => {
      clearTimeout(timer);
      clearInterval(sampler);
    };
    child.once('error', (e) => {
      done();
      reject(new BoundedChildError('failed', `${file}: ${e.message}`));
    });
    child.once('close', (code, signal) => {
      done();
      const stderr = Buffer.concat(err).toString('utf8').slice(0, 2000);
      if (failure) return reject(failure);
      // RLIMIT_AS surfaces as an allocation failure (abort, or a non-zero exit)
      if (code !== 0)
        return reject(
          new BoundedChildError(
            signal === 'SIGXCPU' ? 'timeout' : 'failed',
            `${file}: exit ${code ?? signal}: ${stderr.trim().slice(0, 300)}`,
          ),
        );
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}

function residentBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0; // already gone
  }
}

/**
 * How to run one of this code base's modules as a Node child: the compiled `.js` in production;
 * the `.ts` source under ts-node when the parent itself runs from source (tests, `ts-node`).
 */
export function nodeModuleCommand(modulePath: string, heapMb: number): { file: string; args: string[] } {
  const fromSource = modulePath.endsWith('.ts');
  return {
    file: process.execPath,
    args: [`--max-old-space-size=${heapMb}`, ...(fromSource ? ['-r', 'ts-node/register/transpile-only'] : []), modulePath],
  };
}

/** At most `n` tasks at a time (per process): a burst of uploads or checks queues, it does not fan out. */
export class Gate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly n: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.n) await new Promise<void>((r) => this.waiting.push(r));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

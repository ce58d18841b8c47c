/**
 * Is an uploaded "PDF" a PDF? Parsed with pdf-lib in a child process under a time limit and a
 * memory ceiling, because pdf-lib inflates object and cross-reference streams with no limit (a
 * few kilobytes can claim gigabytes). What passes here is what the dossier worker later parses
 * in-process, so this ceiling is also what one appended PDF may cost the worker.
 */
import { extname, join } from 'node:path';
import { BoundedChildError, Gate, nodeModuleCommand, runBounded } from '../../infra/process/bounded-child';

export type PdfProbe = { ok: true; pages: number; encrypted: boolean } | { ok: false; why: string; tooComplex?: boolean };

export const PDF_PROBE_LIMITS = { timeoutMs: 20_000, maxRssBytes: 384 * 1024 * 1024, heapMb: 320 };

const CHILD = join(__dirname, `pdf-probe.child${extname(__filename)}`);
/** Two probes at a time per API process: a burst of uploads waits instead of forking a child each. */
const gate = new Gate(2);

export function probePdf(path: string): Promise<PdfProbe> {
  return gate.run(async () => {
    const { file, args } = nodeModuleCommand(CHILD, PDF_PROBE_LIMITS.heapMb);
    try {
      const { stdout } = await runBounded(file, [...args, path], {
        timeoutMs: PDF_PROBE_LIMITS.timeoutMs,
        maxRssBytes: PDF_PROBE_LIMITS.maxRssBytes,
      });
      return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as PdfProbe;
    } catch (e) {
      if (e instanceof BoundedChildError && e.reason !== 'failed') return { ok: false, why: e.message, tooComplex: true };
      // a V8 heap exhausted by the document is "too complex" as well
      if (e instanceof BoundedChildError && /heap out of memory|Allocation failed/i.test(e.message))
        return { ok: false, why: e.message, tooComplex: true };
      throw e;
    }
  });
}

/**
 * Child process (see pdf-probe.ts): does this file parse as a PDF with pdf-lib — the library
 * that later appends it to the dossier — with a catalog and at least one page? Prints one line
 * of JSON. Run under a memory ceiling: pdf-lib inflates object streams without a limit.
 */
import { readFileSync } from 'node:fs';
import { ParseSpeeds, PDFDocument, PDFName, PDFDict } from 'pdf-lib';

async function main(): Promise<void> {
  const bytes = readFileSync(process.argv[2]);
  let answer: { ok: true; pages: number; encrypted: boolean } | { ok: false; why: string };
  try {
    const doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
      throwOnInvalidObject: false,
    });
    // "%PDF-" and then anything else loads as an empty document: no catalog, no page tree
    const root = doc.context.trailerInfo.Root;
    if (!root || !(doc.context.lookup(root) instanceof PDFDict)) throw new Error('no catalog');
    if (!(doc.catalog.lookup(PDFName.of('Pages')) instanceof PDFDict)) throw new Error('no page tree');
    const pages = doc.getPages();
    if (!pages.length) throw new Error('no pages');
    for (const p of pages) p.getMediaBox();
    answer = { ok: true, pages: pages.length, encrypted: doc.isEncrypted };
  } catch (e) {
    answer = { ok: false, why: String((e as Error)?.message ?? e).slice(0, 200) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}

void main();

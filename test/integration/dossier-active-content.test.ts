/**
 * Applicants' PDFs are appended to the staff and judge copies: whatever they carry that acts
 * (scripts, launch, URI, submit, open/page actions) or hides files must not come along.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { createUser, type Account } from '../support/factories';
import { activeContentOf, activePdf } from '../support/sample-files';
import { fetchDossier, pdfText, sealedEntry } from '../support/sealed-entry';
import { startTestApp, type TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

jest.setTimeout(120_000);

let t: TestApp;
let worker: INestApplicationContext;
let staff: Account;

beforeAll(async () => {
  t = await startTestApp();
  worker = await startTestWorker(t);
  staff = await createUser(t, 'staff');
});
afterAll(async () => {
  await worker?.close();
  await t?.close();
});

it('a PDF with JavaScript, Launch, URI, GoToR, SubmitForm, page /AA, /OpenAction and embedded files is appended inert', async () => {
  const hostile = await activePdf('HOSTILE-APPENDIX');
  // the sample really carries all of it (so the walk below would see it)
  expect(await activeContentOf(hostile)).toEqual(
    expect.arrayContaining([
      '/OpenAction',
      '/AA',
      '/JavaScript',
      '/JS',
      '/EmbeddedFiles',
      '/AcroForm',
      '/S /Launch',
      '/S /URI',
      '/S /GoToR',
      '/S /SubmitForm',
      '/S /JavaScript',
      '/Type /EmbeddedFile',
      'text app.alert',
      'text cmd.exe',
    ]),
  );
  const entry = await sealedEntry(t, { supportingPdf: hostile });
  for (const query of ['?variant=staff', '?variant=judge&blind=false', '']) {
    const pdf = (await fetchDossier(t, query ? staff : entry.owner, entry.appId, query)).pdf;
    expect(await pdfText(pdf)).toContain('HOSTILE-APPENDIX page 1'); // appended, not skipped
    expect(await activeContentOf(pdf)).toEqual([]);
  }
});

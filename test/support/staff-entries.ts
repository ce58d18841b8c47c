/** Entries in given states for the staff console's tests, moved there over HTTP. */
import request from 'supertest';
import { attachmentRow, completeEntry } from './complete-entry';
import { createApplication, registerApplicant, type Account, type OpenCycle } from './factories';
import type { TestApp } from './test-app';

export interface Entry {
  owner: Account & { organisationId: string };
  appId: string;
}

/** A complete entry, sealed over HTTP. */
export async function sealedEntryOf(t: TestApp, cycle: OpenCycle): Promise<Entry> {
  const e = await completeEntry(t, cycle);
  await request(t.http).post(`/api/applications/${e.appId}/seal`).auth(e.owner.token, { type: 'bearer' }).send({}).expect(200);
  return e;
}

/** A complete entry, sealed, with a stamped receipt (its check set to `check`), submitted over HTTP. */
export async function submittedEntry(t: TestApp, cycle: OpenCycle, check = 'pending'): Promise<Entry> {
  const e = await sealedEntryOf(t, cycle);
  const receipt = await attachmentRow(t, e.appId, e.owner, 'stamped_receipt');
  await t.db.query('UPDATE attachments SET receipt_check = $2 WHERE id = $1', [receipt, check]);
  await request(t.http).post(`/api/applications/${e.appId}/submit`).auth(e.owner.token, { type: 'bearer' }).send({}).expect(200);
  return e;
}

/** A draft with only part of the strategy section filled. */
export async function partialDraft(t: TestApp, cycle: OpenCycle, company?: string): Promise<Entry> {
  const owner = await registerApplicant(t);
  const appId = (await createApplication(t, owner, cycle)).id;
  await request(t.http)
    .patch(`/api/applications/${appId}/sections/strategy`)
    .auth(owner.token, { type: 'bearer' })
    .set('If-Match', '"1"')
    .send({ culture: { mission: '部分填写' } })
    .expect(200);
  if (company)
    await request(t.http)
      .patch(`/api/applications/${appId}/sections/basics`)
      .auth(owner.token, { type: 'bearer' })
      .set('If-Match', '"1"')
      .send({ enterprise: { name: company } })
      .expect(200);
  return { owner, appId };
}

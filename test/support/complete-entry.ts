import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { completeApplication } from '../fixtures/complete-application';
import { createApplication, createOpenCycle, registerApplicant, type Account, type OpenCycle } from './factories';
import type { TestApp } from './test-app';

/** An attachment row as the upload route records it (for tests about the life cycle, not the bytes). */
export async function attachmentRow(t: TestApp, appId: string, owner: Account, kind: string): Promise<string> {
  const { rows } = await t.db.query(
    `INSERT INTO attachments (application_id, kind, storage_key, size, sha256, content_type, original_name, uploaded_by)
     VALUES ($1, $2, $3, 4, $4, 'image/png', 'x.png', $5) RETURNING id`,
    [appId, kind, `test/${randomBytes(6).toString('hex')}`, randomBytes(32).toString('hex'), owner.userId],
  );
  return rows[0].id;
}

/** A complete application of a fresh organisation, every section entered over HTTP. */
export async function completeEntry(
  t: TestApp,
  cycle?: OpenCycle,
): Promise<{ owner: Account & { organisationId: string }; appId: string }> {
  const owner = await registerApplicant(t);
  const appId = (await createApplication(t, owner, cycle ?? (await createOpenCycle(t)))).id;
  const data = completeApplication({
    orgChart: [await attachmentRow(t, appId, owner, 'org_chart')],
    layoutPhotos: [await attachmentRow(t, appId, owner, 'layout_photo')],
  });
  for (const [key, section] of Object.entries(data)) {
    await request(t.http)
      .put(`/api/applications/${appId}/sections/${key}`)
      .auth(owner.token, { type: 'bearer' })
      .set('If-Match', '"1"')
      .send(section)
      .expect(200);
  }
  return { owner, appId };
}

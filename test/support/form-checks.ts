/** Helpers the applicant browser tests share: the descriptor's fields, stored section data, polling. */
import request from 'supertest';
import { expandFields } from '../../src/form/expanded-fields';
import type { FieldNode } from '../../src/form/field-types';
import { ALL_SECTIONS } from '../../src/form/sections';
import type { Account } from './factories';
import type { TestApp } from './test-app';

/** The descriptor's field at a dotted path of a section. */
export function fieldAt(section: string, path: string): FieldNode {
  let fields = expandFields(ALL_SECTIONS.find((s) => s.key === section)!.fields);
  let found: FieldNode | undefined;
  for (const key of path.split('.')) {
    found = fields.find((f) => f.key === key);
    if (!found) throw new Error(`no field ${section}.${path}`);
    fields = found.type === 'group' || found.type === 'list' ? found.fields : [];
  }
  return found!;
}

/** A section's stored data as the owner reads it over the API. */
export async function sectionData(http: TestApp['http'], owner: Account, appId: string, key: string): Promise<Record<string, unknown>> {
  const res = await request(http).get(`/api/applications/${appId}/sections/${key}`).auth(owner.token, { type: 'bearer' }).expect(200);
  return res.body.data as Record<string, unknown>;
}

/** Polls `read` until it equals `expected` (autosave is debounced), then asserts it. */
export async function eventually<T>(read: () => Promise<T>, expected: T, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  expect(last).toEqual(expected);
}

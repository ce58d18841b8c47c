import { admin, TEMPLATE_DB } from './db';

export default async function globalTeardown(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
}

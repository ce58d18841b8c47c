import { admin, TEMPLATE_DB } from './db';
import type { RunningS3 } from './s3-server';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __s3?: RunningS3 }).__s3?.stop();
  await admin(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
}

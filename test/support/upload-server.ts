/**
 * The API alone in a process of its own, for measurements the jest worker would blur (peak RSS
 * during a large upload). Env as for startTestApp; prints `listening <port>` when ready.
 */
import 'reflect-metadata';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';

async function main(): Promise<void> {
  const app = await createApp(loadConfig(process.env), { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.getHttpServer().address() as { port: number };
  process.stdout.write(`listening ${addr.port}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
void main();

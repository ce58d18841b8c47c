import { createServer, type ServerResponse } from 'node:http';
import helmet from 'helmet';
import { applySecurityHeaders, securityHeaders } from './security-headers';

/** What helmet itself puts on a real response. */
async function helmetOnARealResponse(): Promise<Record<string, unknown>> {
  const server = createServer((req, res) => {
    res.setHeader('x-powered-by', 'something');
    helmet({ contentSecurityPolicy: false })(req, res, () => res.end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/`);
    return Object.fromEntries(res.headers);
  } finally {
    server.close();
  }
}

it('applies exactly the headers helmet sets, and removes what it removes', async () => {
  const expected = await helmetOnARealResponse();
  const headers: Record<string, string> = {};
  const removed: string[] = [];
  const res = {
    setHeader: (n: string, v: string) => (headers[n.toLowerCase()] = v),
    removeHeader: (n: string) => removed.push(n),
  } as unknown as ServerResponse;
  applySecurityHeaders(securityHeaders(), res);
  for (const [name, value] of Object.entries(headers)) expect([name, expected[name]]).toEqual([name, value]);
  const helmetNames = Object.keys(expected).filter(
    (n) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(n),
  );
  expect(Object.keys(headers).sort()).toEqual(helmetNames.sort());
  expect(removed).toContain('x-powered-by');
  expect(expected['x-powered-by']).toBeUndefined();
});

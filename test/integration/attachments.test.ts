import { randomBytes } from 'node:crypto';
/**
 * Attachments through the real S3 protocol (s3rver started by the test run, reached through the
 * AWS SDK): round trip, limits enforced while streaming, type by content, state rules, audit.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { StorageService } from '../../src/infra/storage/storage.service';
import { createApplication, createOpenCycle, createUser, inviteMember, registerApplicant, type Account } from '../support/factories';
import { streamUpload } from '../support/multipart-upload';
import { exeFile, officeFile, pdfFile, pdfWithInflateBomb, pngFile } from '../support/sample-files';
import { startTestApp, type TestApp } from '../support/test-app';

const MB = 1024 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  port = (t.app.getHttpServer().address() as { port: number }).port;
});
afterAll(() => t.close());

const as = (who: Account, r: request.Test) => r.auth(who.token, { type: 'bearer' });
const upload = (who: Account, appId: string, kind: string, bytes: Buffer, name: string, contentType = 'application/octet-stream') =>
  as(who, request(t.http).post(`/api/applications/${appId}/attachments`))
    .field('kind', kind)
    .attach('file', bytes, { filename: name, contentType });
const keysOf = (appId: string) => t.app.get(StorageService).listKeys(`applications/${appId}/`);

async function freshApplication() {
  const owner = await registerApplicant(t);
  const appId = (await createApplication(t, owner, await createOpenCycle(t))).id;
  return { owner, appId };
}

describe('round trip through the S3 protocol', () => {
  it.each([
    ['a small PDF', pdfFile(10_000)],
    ['a 12 MB PDF (multipart upload to the store)', pdfFile(12 * MB)],
  ])('%s comes back byte for byte with the recorded SHA-256', async (_, bytes) => {
    const { owner, appId } = await freshApplication();
    const res = await upload(owner, appId, 'supporting_doc', bytes, '年度总结.pdf', 'application/pdf').expect(201);
    expect(res.body).toMatchObject({
      kind: 'supporting_doc',
      sha256: sha(bytes),
      size: bytes.length,
      contentType: 'application/pdf',
      originalName: '年度总结.pdf',
    });

    const list = await as(owner, request(t.http).get(`/api/applications/${appId}/attachments`)).expect(200);
    expect(list.body.map((a: { id: string }) => a.id)).toEqual([res.body.id]);

    const redirect = await as(owner, request(t.http).get(`/api/applications/${appId}/attachments/${res.body.id}`)).expect(302);
    expect(redirect.headers['cache-control']).toBe('no-store');
    const download = await fetch(redirect.headers.location);
    expect(download.status).toBe(200);
    const back = Buffer.from(await download.arrayBuffer());
    expect(back.length).toBe(bytes.length);
    expect(sha(back)).toBe(sha(bytes));
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.pdf"; filename\*=UTF-8''%E5%B9%B4/);
    expect(download.headers.get('content-type')).toBe('application/pdf');
  });

  it('a preview (inline=true) opens a PDF or image in the browser; an Office file is still saved', async () => {
    const { owner, appId } = await freshApplication();
    const disposition = async (id: string, query = '') => {
      const redirect = await as(owner, request(t.http).get(`/api/applications/${appId}/attachments/${id}${query}`)).expect(302);
      return (await fetch(redirect.headers.location)).headers.get('content-disposition');
    };
    const pdf = await upload(owner, appId, 'supporting_doc', pdfFile(5_000), '年度总结.pdf', 'application/pdf').expect(201);
    const png = await upload(owner, appId, 'org_chart', pngFile(), 'chart.png').expect(201);
    const docx = await upload(owner, appId, 'supporting_doc', await officeFile('word'), '材料.docx').expect(201);
    expect(await disposition(pdf.body.id, '?inline=true')).toMatch(/^inline; filename=".*\.pdf"/);
    expect(await disposition(png.body.id, '?inline=true')).toMatch(/^inline; filename="chart\.png"/);
    expect(await disposition(docx.body.id, '?inline=true')).toMatch(/^attachment; /);
    expect(await disposition(pdf.body.id)).toMatch(/^attachment; /);
  });

  it('signed URLs are short-lived and name one object', async () => {
    const { owner, appId } = await freshApplication();
    const res = await upload(owner, appId, 'org_chart', pngFile(), 'chart.png').expect(201);
    const redirect = await as(owner, request(t.http).get(`/api/applications/${appId}/attachments/${res.body.id}`)).expect(302);
    const url = new URL(redirect.headers.location);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.pathname).toContain(`/applications/${appId}/attachments/${res.body.id}`);
  });
});

describe('limits, enforced while the bytes stream in', () => {
  it('a 25 MB file against the 20 MB limit gets 413 and leaves nothing in the bucket', async () => {
    const { owner, appId } = await freshApplication();
    const res = await streamUpload({
      url: `http://127.0.0.1:${port}/api/applications/${appId}/attachments`,
      token: owner.token,
      fields: { kind: 'supporting_doc' },
      file: { name: 'big.pdf', contentType: 'application/pdf', size: 25 * MB, head: pdfFile(0) },
    });
    expect(res.status).toBe(413);
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'file', code: 'file_too_large', params: { limit: 20 * MB } })]);
    expect(await keysOf(appId)).toEqual([]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM attachments WHERE application_id = $1', [appId])).rows[0].n).toBe(0);
    // and the application still takes a normal upload afterwards
    await upload(owner, appId, 'org_chart', pngFile(), 'chart.png').expect(201);
  });

  it('the application total is capped too (413 quota_exceeded), counting only live files', async () => {
    const small = await startTestApp({ UPLOAD_MAX_FILE_MB: '1', UPLOAD_MAX_APPLICATION_MB: '2' });
    try {
      const owner = await registerApplicant(small);
      const appId = (await createApplication(small, owner, await createOpenCycle(small))).id;
      const up = (bytes: Buffer) =>
        request(small.http)
          .post(`/api/applications/${appId}/attachments`)
          .auth(owner.token, { type: 'bearer' })
          .field('kind', 'supporting_doc')
          .attach('file', bytes, 'a.pdf');
      const tooBig = await up(pdfFile(1.1 * MB)).expect(413);
      expect(tooBig.body.details[0]).toMatchObject({ path: 'file', code: 'file_too_large' });
      const first = await up(pdfFile(0.9 * MB)).expect(201);
      await up(pdfFile(0.9 * MB)).expect(201);
      const over = await up(pdfFile(0.5 * MB)).expect(413);
      expect(over.body.details[0]).toMatchObject({ path: 'file', code: 'quota_exceeded' });
      await request(small.http)
        .delete(`/api/applications/${appId}/attachments/${first.body.id}`)
        .auth(owner.token, { type: 'bearer' })
        .expect(204);
      await up(pdfFile(0.5 * MB)).expect(201);
    } finally {
      await small.close();
    }
  });

  it('streams: refusing a 200 MB upload keeps the API process under 150 MB peak RSS (streamed, not buffered)', async () => {
    const { owner, appId } = await freshApplication();
    const server = await startServerProcess(t.databaseUrl);
    try {
      // as the API runs between requests: start-up 10 s behind it (its young generation released)
      await new Promise((r) => setTimeout(r, 10_000));
      // warm up (lazy module initialisation, JIT) with one refused upload, then measure from here
      const url = `http://127.0.0.1:${server.port}/api/applications/${appId}/attachments`;
      await streamUpload({
        url,
        token: owner.token,
        fields: { kind: 'supporting_doc' },
        file: { name: 'w.pdf', contentType: 'application/pdf', size: 21 * MB, head: pdfFile(0) },
      });
      await new Promise((r) => setTimeout(r, 300));
      server.resetPeak();
      const res = await streamUpload({
        url: `http://127.0.0.1:${server.port}/api/applications/${appId}/attachments`,
        token: owner.token,
        fields: { kind: 'supporting_doc' },
        file: { name: 'huge.pdf', contentType: 'application/pdf', size: 200 * MB, head: pdfFile(0) },
      });
      expect(res.status).toBe(413);
      const peak = server.peakRssBytes();
      console.log(
        `peak RSS of the API process during the 200 MB attempt: ${(peak / MB).toFixed(1)} MB (idle before: ${(server.idleRss / MB).toFixed(1)} MB; bytes sent before the answer: ${(res.sent / MB).toFixed(1)} MB)`,
      );
      // Buffering would add ≥ 200 MB; what the upload path adds is bounded by Node's stream
      // buffers and GC lag, whatever the file's size.
      expect(peak).toBeLessThan(150 * MB);
      expect(peak - server.idleRss).toBeLessThan(40 * MB);
      expect(await keysOf(appId)).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 120_000);
});

describe('type by content, never by name or header', () => {
  it('a PNG named .pdf is stored as the PNG it is', async () => {
    const { owner, appId } = await freshApplication();
    const res = await upload(owner, appId, 'org_chart', pngFile(), 'organisation.pdf', 'application/pdf').expect(201);
    expect(res.body).toMatchObject({ contentType: 'image/png', originalName: 'organisation.png' });
  });

  it('an EXE named .png is refused with 415 naming the file', async () => {
    const { owner, appId } = await freshApplication();
    const res = await upload(owner, appId, 'layout_photo', exeFile(), 'photo.png', 'image/png').expect(415);
    expect(res.body.details[0]).toMatchObject({ path: 'file', code: 'file_type', params: { detected: 'unknown' } });
    expect(await keysOf(appId)).toEqual([]);
  });

  it('a PDF sent as image/png is stored as a PDF', async () => {
    const { owner, appId } = await freshApplication();
    const res = await upload(owner, appId, 'supporting_doc', pdfFile(), 'scan.png', 'image/png').expect(201);
    expect(res.body).toMatchObject({ contentType: 'application/pdf', originalName: 'scan.pdf' });
  });

  const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  it.each([
    [
      '%PDF- followed by HTML',
      Buffer.from('%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n'),
      'PDF',
      'supporting_doc',
    ],
    ['%PDF- followed by random bytes', Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(4096)]), 'PDF', 'org_chart'],
    [
      'a PNG signature followed by garbage',
      Buffer.concat([PNG_SIGNATURE, Buffer.from('<html><script>alert(1)</script></html>'.repeat(10))]),
      'PNG',
      'layout_photo',
    ],
    [
      'a real PNG with a page glued after it',
      Buffer.concat([pngFile(), Buffer.from('<html><script>alert(1)</script></html>')]),
      'PNG',
      'org_chart',
    ],
    [
      'a JPEG SOI followed by text',
      Buffer.from('\xff\xd8\xff\xe0 <html><script>alert(1)</script></html>'.repeat(5), 'latin1'),
      'JPEG',
      'stamped_receipt',
    ],
    ['RIFF WEBP followed by text', Buffer.from('RIFF\x20\x00\x00\x00WEBP<html><script>x</script>', 'latin1'), 'WebP', 'layout_photo'],
  ])('%s is refused with 415 file_damaged naming the file', async (_, bytes, type, kind) => {
    const { owner, appId } = await freshApplication();
    if (kind === 'stamped_receipt') await t.db.query(`UPDATE applications SET state = 'sealed' WHERE id = $1`, [appId]);
    const res = await upload(owner, appId, kind, bytes, 'polyglot.bin').set('Accept-Language', 'en').expect(415);
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'file', code: 'file_damaged', params: { type } })]);
    expect(res.body.details[0].message).toContain(type);
    expect(await keysOf(appId)).toEqual([]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM attachments WHERE application_id = $1', [appId])).rows[0].n).toBe(0);
  });

  it('an image claiming more than 40 megapixels is refused with 413 before anything decodes it', async () => {
    const { owner, appId } = await freshApplication();
    const bomb = pngFile(1, 1);
    bomb.writeUInt32BE(8000, 16);
    bomb.writeUInt32BE(6000, 20);
    const res = await upload(owner, appId, 'layout_photo', bomb, 'huge.png').expect(413);
    expect(res.body.details[0]).toMatchObject({
      path: 'file',
      code: 'image_too_large',
      params: { width: 8000, height: 6000, limit: 40_000_000 },
    });
    expect(await keysOf(appId)).toEqual([]);
  });

  it('a PDF whose object stream inflates to 1 GB is refused (413 file_too_complex) and the API stays up', async () => {
    const { owner, appId } = await freshApplication();
    const bomb = await pdfWithInflateBomb(1024);
    expect(bomb.length).toBeLessThan(2 * MB);
    const res = await upload(owner, appId, 'supporting_doc', bomb, 'bomb.pdf').expect(413);
    expect(res.body.details[0]).toMatchObject({ path: 'file', code: 'file_too_complex' });
    await upload(owner, appId, 'supporting_doc', pdfFile(), 'fine.pdf').expect(201);
  });

  it('Office documents are supporting documents only', async () => {
    const { owner, appId } = await freshApplication();
    for (const [part, ext] of [
      ['word', 'docx'],
      ['xl', 'xlsx'],
      ['ppt', 'pptx'],
    ] as const) {
      const res = await upload(owner, appId, 'supporting_doc', await officeFile(part), `材料.${ext}`).expect(201);
      expect(res.body.originalName).toBe(`材料.${ext}`);
    }
    const refused = await upload(owner, appId, 'org_chart', await officeFile('word'), 'chart.docx').expect(415);
    expect(refused.body.details[0].params.detected).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('file names are kept only as sanitised metadata', async () => {
    const { owner, appId } = await freshApplication();
    const res = await upload(owner, appId, 'org_chart', pngFile(), '..\\..\\etc/pass\u202ewd\u0007.png').expect(201);
    expect(res.body.originalName).toBe('pass' + 'wd.png');
    const [row] = (await t.db.query('SELECT storage_key FROM attachments WHERE id = $1', [res.body.id])).rows;
    expect(row.storage_key).toBe(`applications/${appId}/attachments/${res.body.id}`);
  });
});

describe('bad requests name the field', () => {
  let owner: Account;
  let appId: string;
  beforeAll(async () => ({ owner, appId } = await freshApplication()));

  it.each([
    ['no kind', (r: request.Test) => r.attach('file', pngFile(), 'a.png'), 400, 'kind'],
    ['an unknown kind', (r: request.Test) => r.field('kind', 'selfie').attach('file', pngFile(), 'a.png'), 400, 'kind'],
    ['no file', (r: request.Test) => r.field('kind', 'org_chart'), 400, 'file'],
    [
      'an unknown field',
      (r: request.Test) => r.field('kind', 'org_chart').field('note', 'x').attach('file', pngFile(), 'a.png'),
      400,
      'note',
    ],
    ['an empty file', (r: request.Test) => r.field('kind', 'org_chart').attach('file', Buffer.alloc(0), 'a.png'), 400, 'file'],
    ['JSON instead of multipart', (r: request.Test) => r.send({ kind: 'org_chart' }), 415, 'file'],
  ])('%s → %i', async (_, build, status, path) => {
    const res = await build(as(owner, request(t.http).post(`/api/applications/${appId}/attachments`))).expect(status);
    expect(res.body.details[0].path).toBe(path);
    expect(await keysOf(appId)).toEqual([]);
  });

  it('kind may come as a query parameter instead', async () => {
    await as(owner, request(t.http).post(`/api/applications/${appId}/attachments?kind=org_chart`))
      .attach('file', pngFile(), 'a.png')
      .expect(201);
  });
});

describe('who and when', () => {
  it('other organisations get 404; staff may read but not upload; members may both', async () => {
    const { owner, appId } = await freshApplication();
    const stranger = await registerApplicant(t);
    const staff = await createUser(t, 'staff');
    const member = await inviteMember(t, { ...owner, organisationId: owner.organisationId });
    const res = await upload(member, appId, 'org_chart', pngFile(), 'a.png').expect(201);
    await upload(stranger, appId, 'org_chart', pngFile(), 'a.png').expect(404);
    await upload(staff, appId, 'org_chart', pngFile(), 'a.png').expect(403);
    await as(stranger, request(t.http).get(`/api/applications/${appId}/attachments/${res.body.id}`)).expect(404);
    await as(staff, request(t.http).get(`/api/applications/${appId}/attachments/${res.body.id}`)).expect(302);
    await as(stranger, request(t.http).delete(`/api/applications/${appId}/attachments/${res.body.id}`)).expect(404);
    // an attachment id under another application names nothing
    const other = await freshApplication();
    await as(other.owner, request(t.http).get(`/api/applications/${other.appId}/attachments/${res.body.id}`)).expect(404);
  });

  it('delete only in draft; the receipt only after sealing; every change is audited', async () => {
    const { owner, appId } = await freshApplication();
    const a = await upload(owner, appId, 'org_chart', pngFile(), 'a.png').expect(201);
    await upload(owner, appId, 'stamped_receipt', pngFile(), 'receipt.png').expect(409);
    await as(owner, request(t.http).delete(`/api/applications/${appId}/attachments/${a.body.id}`)).expect(204);
    await as(owner, request(t.http).get(`/api/applications/${appId}/attachments/${a.body.id}`)).expect(404);
    expect(await keysOf(appId)).toEqual([]);

    const b = await upload(owner, appId, 'org_chart', pngFile(), 'b.png').expect(201);
    await t.db.query(`UPDATE applications SET state = 'sealed' WHERE id = $1`, [appId]);
    const late = await upload(owner, appId, 'org_chart', pngFile(), 'c.png').expect(409);
    expect(late.body.details[0]).toMatchObject({ path: 'state', code: 'wrong_state' });
    await as(owner, request(t.http).delete(`/api/applications/${appId}/attachments/${b.body.id}`)).expect(409);
    const receipt = await upload(owner, appId, 'stamped_receipt', pngFile(), 'receipt.png').expect(201);
    await as(owner, request(t.http).delete(`/api/applications/${appId}/attachments/${receipt.body.id}`)).expect(204);

    const { rows } = await t.db.query(
      `SELECT action, entity_id, actor_id, details FROM audit_log WHERE application_id = $1 AND action LIKE 'attachment.%' ORDER BY id`,
      [appId],
    );
    expect(rows.map((r) => [r.action, r.entity_id])).toEqual([
      ['attachment.upload', a.body.id],
      ['attachment.delete', a.body.id],
      ['attachment.upload', b.body.id],
      ['attachment.upload', receipt.body.id],
      ['attachment.delete', receipt.body.id],
    ]);
    expect(rows.every((r) => r.actor_id === owner.userId)).toBe(true);
    expect(rows[0].details).toMatchObject({ kind: 'org_chart', sha256: a.body.sha256, contentType: 'image/png', name: 'a.png' });
  });

  it('at most 10 live stamped receipts per application (409), counting only live ones', async () => {
    const { owner, appId } = await freshApplication();
    await t.db.query(`UPDATE applications SET state = 'sealed' WHERE id = $1`, [appId]);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++)
      ids.push((await upload(owner, appId, 'stamped_receipt', pngFile(8 + i, 8), `r${i}.png`).expect(201)).body.id);
    const refused = await upload(owner, appId, 'stamped_receipt', pngFile(), 'r10.png').expect(409);
    expect(refused.body).toMatchObject({
      code: 'too_many_receipts',
      details: [expect.objectContaining({ path: 'file', code: 'too_many_receipts', params: { max: 10 } })],
    });
    await as(owner, request(t.http).delete(`/api/applications/${appId}/attachments/${ids[0]}`)).expect(204);
    await upload(owner, appId, 'stamped_receipt', pngFile(), 'r10.png').expect(201);
  });

  it('completeness accepts only live attachments of the right kind', async () => {
    const { owner, appId } = await freshApplication();
    const chart = await upload(owner, appId, 'org_chart', pngFile(), 'a.png').expect(201);
    const photo = await upload(owner, appId, 'layout_photo', pngFile(), 'p.png').expect(201);
    const issuesOf = async () =>
      (await as(owner, request(t.http).get(`/api/applications/${appId}/completeness`)).expect(200)).body.issues as Array<{
        path: string;
        code: string;
      }>;
    await as(owner, request(t.http).patch(`/api/applications/${appId}/sections/basics`))
      .set('If-Match', '"1"')
      .set('Content-Type', 'application/merge-patch+json')
      .send({ orgChart: [photo.body.id] })
      .expect(200);
    expect((await issuesOf()).find((i) => i.path === 'orgChart')).toMatchObject({ code: 'attachment_kind' });
    await as(owner, request(t.http).patch(`/api/applications/${appId}/sections/basics`))
      .set('If-Match', '"2"')
      .set('Content-Type', 'application/merge-patch+json')
      .send({ orgChart: [chart.body.id] })
      .expect(200);
    expect((await issuesOf()).find((i) => i.path === 'orgChart')).toBeUndefined();
  });
});

/** The API alone in a child process, so its peak RSS is its own (not the jest worker's). */
async function startServerProcess(databaseUrl: string) {
  const out = resolve(__dirname, '../../var/test-build');
  await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', out], { cwd: resolve(__dirname, '../..') });
  const script = `
    const { createApp } = require(${JSON.stringify(`${out}/src/bootstrap`)});
    const { loadConfig } = require(${JSON.stringify(`${out}/src/config/app-config`)});
    const { keepIdleMemorySmall } = require(${JSON.stringify(`${out}/src/infra/memory/reclaim`)});
    createApp(loadConfig(process.env), { logger: false }).then(async (app) => {
      keepIdleMemorySmall(); // as main.ts does
      await app.listen({ port: 0, host: '127.0.0.1' });
      process.stdout.write('listening ' + app.getHttpServer().address().port + '\\n');
    });`;
  // the API's own V8 flags, as start.sh and the Dockerfile run it (scripts/dev-env.sh)
  const child = spawn(process.execPath, ['-e', script], {
    env: {
      ...process.env,
      NODE_OPTIONS: process.env.API_NODE_OPTIONS ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: 'test-secret-test-secret-test-secret-0000',
      QUEUE_PREFIX: `test-rss-${process.pid}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((res, rej) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /listening (\d+)/.exec(d.toString());
      if (m) res(Number(m[1]));
    });
    child.once('exit', (code) => rej(new Error(`server exited with ${code}`)));
  });
  const status = () => readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status())![1]) * 1024;
  return {
    port,
    idleRss: 0,
    /** Forget the start-up's peak: what counts is the upload. */
    resetPeak() {
      this.idleRss = kb('VmRSS');
      writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
    },
    peakRssBytes: () => kb('VmHWM'),
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The floor for autosave: a plain Node `http` server that parses the JSON body and runs one bare
 * `pg` UPDATE of the same JSONB column — no framework, no auth, no validation, no concurrency check.
 * PREPARED=1 sends it as a named prepared statement, as the platform does.
 */
import http from 'node:http';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (d: Buffer) => chunks.push(d));
  req.on('end', async () => {
    try {
      const id = req.url!.split('/')[2];
      const data = JSON.parse(Buffer.concat(chunks).toString());
      const r = await pool.query({
        name: process.env.PREPARED ? 'baseline-update' : undefined,
        text: `UPDATE application_sections SET data = $2, version = version + 1, updated_at = now()
                WHERE application_id = $1 AND section_key = 'strategy' RETURNING version`,
        values: [id, JSON.stringify(data)],
      });
      res
        .writeHead(200, { 'content-type': 'application/json', etag: `"${r.rows[0].version}"` })
        .end(JSON.stringify({ version: r.rows[0].version }));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));

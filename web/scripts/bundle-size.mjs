// Prints the production bundle's size, raw, gzip and brotli (the pre-compressed files the API
// serves), per file and in total, for the newest build only (bench/RESULTS.md).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { currentBuild } from './dist-output.mjs';

// what is sent for a file: its .gz / .br when the build wrote one, else the file (index.html is compressed by the API)
const sizes = (f) => {
  const raw = statSync(join('dist', f)).size;
  const bytes = readFileSync(join('dist', f));
  const gz = existsSync(join('dist', `${f}.gz`))
    ? statSync(join('dist', `${f}.gz`)).size
    : Math.min(raw, gzipSync(bytes, { level: 9 }).length);
  const br = existsSync(join('dist', `${f}.br`)) ? statSync(join('dist', `${f}.br`)).size : Math.min(raw, brotliCompressSync(bytes).length);
  return { raw, gz, br };
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const files = currentBuild('dist')
  .filter((f) => /\.(js|css|html)$/.test(f))
  .sort();
const total = { raw: 0, gz: 0, br: 0 };
for (const f of files) {
  const s = sizes(f);
  for (const k of Object.keys(total)) total[k] += s[k];
  console.log(`${f.padEnd(44)} ${kb(s.raw).padStart(10)}  gzip ${kb(s.gz).padStart(9)}  br ${kb(s.br).padStart(9)}`);
}
console.log(`bundle total: ${kb(total.raw)}, gzip ${kb(total.gz)}, br ${kb(total.br)}`);

// what the first page load fetches: index.html, its entry script and the chunks it preloads
// (the signed-in pages are loaded on demand)
const html = readFileSync('dist/index.html', 'utf8');
const initial = ['index.html', ...[...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1])];
const first = initial.map(sizes).reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz, br: a.br + s.br }), { raw: 0, gz: 0, br: 0 });
console.log(
  `first load (index.html + entry + preloaded chunks, ${initial.length} files): raw ${kb(first.raw)}, gzip ${kb(first.gz)}, br ${kb(first.br)}`,
);

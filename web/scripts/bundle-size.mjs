// Prints the production bundle's size, raw and gzip, per file and in total (bench/RESULTS.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const files = [];
const walk = (dir) => readdirSync(dir).forEach((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : files.push(join(dir, f))));
walk('dist');
let raw = 0;
let gz = 0;
for (const f of files.filter((f) => /\.(js|css|html)$/.test(f))) {
  const bytes = readFileSync(f);
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += g;
  console.log(`${f.padEnd(48)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB  gzip ${(g / 1024).toFixed(1).padStart(7)} KB`);
}
console.log(`bundle total: ${(raw / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB`);

// what the first page load fetches: index.html, its entry script and the chunks it preloads
// (the signed-in pages are loaded on demand)
const html = readFileSync('dist/index.html', 'utf8');
const initial = ['dist/index.html', ...[...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => join('dist', m[1]))];
const initialGz = initial.reduce((s, f) => s + gzipSync(readFileSync(f), { level: 9 }).length, 0);
console.log(`first load (index.html + entry + preloaded chunks, ${initial.length} files): gzip ${(initialGz / 1024).toFixed(1)} KB`);

// How `vite build` leaves web/dist so that the running API can serve it while it is rebuilt:
// - every text asset also as .br and .gz (served pre-compressed by src/web-pages.ts; nothing is
//   compressed per request);
// - index.html is written last, atomically (temp file + rename), after every asset it names;
// - assets of earlier builds stay for a while (a page loaded before the rebuild still fetches
//   its lazily loaded chunks), then are pruned. The builds are listed in dist/.builds.json.
import { existsSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|wasm)$/;
/** Below this a compressed copy saves less than the header that announces it. */
const MIN_BYTES = 1024;
const KEEP_BUILDS = 5;
const KEEP_MS = 7 * 24 * 3600 * 1000;
export const BUILDS_FILE = '.builds.json';

/** Writes `<file>.br` and `<file>.gz` next to a text file when they are smaller; returns their names. */
export function precompress(dir, file) {
  if (!COMPRESSIBLE.test(file)) return [];
  const bytes = readFileSync(join(dir, file));
  if (bytes.length < MIN_BYTES) return [];
  // a hashed asset's name is its content: the copies an earlier build made still fit (brotli 11 takes seconds)
  if (file.startsWith('assets/')) {
    const kept = [`${file}.br`, `${file}.gz`].filter((n) => existsSync(join(dir, n)));
    if (kept.length) return kept;
  }
  const variants = [
    [
      `${file}.br`,
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    ],
    [`${file}.gz`, gzipSync(bytes, { level: 9 })],
  ];
  const written = [];
  for (const [name, data] of variants) {
    if (data.length >= bytes.length) continue;
    writeFileSync(join(dir, name), data);
    written.push(name);
  }
  return written;
}

const atomicWrite = (path, data) => {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
};

/** The Vite plugin (build only). */
export function distOutput() {
  let outDir = 'dist';
  let indexHtml;
  return {
    name: 'topten:dist-output',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      // held back and written after everything it references (writeBundle below)
      const html = bundle['index.html'];
      if (html && html.type === 'asset') {
        indexHtml = html.source;
        delete bundle['index.html'];
      }
    },
    writeBundle(_options, bundle) {
      const files = Object.keys(bundle);
      for (const f of [...files]) files.push(...precompress(outDir, f));
      if (indexHtml !== undefined) {
        atomicWrite(join(outDir, 'index.html'), indexHtml);
        files.push('index.html');
      }
      prune(outDir, files);
    },
  };
}

/** Records this build and deletes assets no build worth keeping references any more. */
function prune(outDir, files) {
  const listPath = join(outDir, BUILDS_FILE);
  let builds;
  try {
    builds = JSON.parse(readFileSync(listPath, 'utf8'));
  } catch {
    builds = []; // first build into this directory (or an older layout): nothing to keep track of
  }
  const now = Date.now();
  builds = [...builds.filter((b) => now - b.at < KEEP_MS).slice(-KEEP_BUILDS), { at: now, files }];
  const kept = new Set(builds.flatMap((b) => b.files));
  const assets = join(outDir, 'assets');
  if (existsSync(assets)) {
    for (const f of readdirSync(assets)) {
      const rel = `assets/${f}`;
      // anything no kept build lists: an expired build's file, or one from before the list existed
      if (!kept.has(rel) && statSync(join(assets, f)).isFile()) unlinkSync(join(assets, f));
    }
  }
  atomicWrite(listPath, JSON.stringify(builds));
}

/** The files of the newest build (for scripts/bundle-size.mjs and the tests). */
export function currentBuild(outDir) {
  const builds = JSON.parse(readFileSync(join(outDir, BUILDS_FILE), 'utf8'));
  return builds[builds.length - 1].files;
}

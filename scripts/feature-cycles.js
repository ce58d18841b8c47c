#!/usr/bin/env node
/**
 * Feature-level cycles: dependency-cruiser's `no-circular` sees files, so two feature folders that
 * import each other through different files (identity → organisations → identity) pass it. This
 * collapses the graph to one node per feature folder (`src/modules/<name>`, and `src/<top>` for the
 * rest) and fails on any cycle among them, naming one file edge per step.
 */
const { execFileSync } = require('node:child_process');

const json = execFileSync('npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
const feature = (path) => {
  const m = /^src\/modules\/([^/]+)\//.exec(path) ?? /^src\/([^/]+)\//.exec(path);
  return m ? (path.startsWith('src/modules/') ? `modules/${m[1]}` : m[1]) : undefined;
};
/** feature → feature → one example file edge */
const graph = new Map();
for (const m of JSON.parse(json).modules) {
  const from = feature(m.source);
  if (!from) continue;
  for (const d of m.dependencies) {
    const to = feature(d.resolved);
    if (!to || to === from) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    if (!graph.get(from).has(to)) graph.get(from).set(to, `${m.source} → ${d.resolved}`);
  }
}
// Tarjan's strongly connected components: every component of more than one feature is a cycle
let next = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
const visit = (v) => {
  index.set(v, next);
  low.set(v, next++);
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v)?.keys() ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    component.push(w);
  } while (w !== v);
  if (component.length > 1) cycles.push(component.sort());
};
for (const v of graph.keys()) if (!index.has(v)) visit(v);

if (!cycles.length) {
  console.log(`  no cycles among ${new Set([...graph.keys(), ...[...graph.values()].flatMap((e) => [...e.keys()])]).size} feature folders`);
  process.exit(0);
}
for (const component of cycles) {
  console.log(`  error feature cycle: ${component.join(' ⇄ ')}`);
  for (const a of component) for (const [b, edge] of graph.get(a) ?? []) if (component.includes(b)) console.log(`    ${a} → ${b}: ${edge}`);
}
process.exit(1);

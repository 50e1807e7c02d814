#!/usr/bin/env node
// Fails when a lower layer imports a higher one. The order is the one in STYLE.md:
//   lib ← model ← text ← ingest | store ← search | knowledge ← app ← web ← cli
// Layers on the same rank (ingest and store; search and knowledge) may not import each other. The CLI is
// the binary, and `mizan serve` starts the web app, so cli may import web (never the reverse).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const rank = { lib: 0, model: 1, text: 2, ingest: 3, store: 3, search: 4, knowledge: 4, app: 5, web: 6, cli: 7 };
const src = resolve(new URL('..', import.meta.url).pathname, 'src');

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}
const layerOf = (p) => relative(src, p).split(sep)[0];

const problems = [];
for (const file of files(src)) {
  const from = layerOf(file);
  if (!(from in rank)) { problems.push(`${relative(src, file)}: folder '${from}' is not a known layer`); continue; }
  const text = readFileSync(file, 'utf8');
  const re = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    const target = resolve(dirname(file), m[1] ?? m[2]);
    if (!target.startsWith(src + sep)) continue;
    const to = layerOf(target);
    if (to === from) continue;
    const line = text.slice(0, m.index).split('\n').length;
    if (!(to in rank) || rank[to] > rank[from] || (rank[to] === rank[from])) {
      problems.push(`src/${relative(src, file)}:${line}: layer '${from}' may not import '${to}'`);
    }
  }
}
if (problems.length) {
  console.error('Layer boundaries broken:\n' + problems.map((p) => '  ' + p).join('\n'));
  process.exit(1);
}
console.log(`layers: ${files(src).length} files respect lib ← model ← text ← ingest|store ← search|knowledge ← app ← web ← cli`);

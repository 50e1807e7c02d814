import { openStore } from '../src/store/index.ts';
import { searchArticles } from '../src/app/index.ts';
import { parseSearchQuery } from '../src/search/index.ts';
import { readFileSync } from 'node:fs';
const lua = readFileSync('bench/.cache/flood-searches.lua', 'utf8');
const qs = [...lua.matchAll(/"\/api\/search\?q=([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
const store = await openStore({ db: 'bench/.cache/flood-10000.db' });
const slow: [number, string][] = [];
for (let round = 0; round < 3; round++) for (const q of qs) {
  const t = performance.now();
  await searchArticles(store, parseSearchQuery({ q }));
  if (round === 2) slow.push([performance.now() - t, q]);
}
slow.sort((a, b) => b[0] - a[0]);
console.log(slow.slice(0, 12).map(([t, q]) => `${t.toFixed(1)} ${q}`).join('\n'));
console.log('sum', slow.reduce((a, b) => a + b[0], 0).toFixed(0));
await store.close();

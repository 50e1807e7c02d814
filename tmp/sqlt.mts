import Database from 'better-sqlite3';
const stats = new Map<string, [number, number]>();
const origPrepare = (Database as any).prototype.prepare;
(Database as any).prototype.prepare = function (src: string) {
  const st = origPrepare.call(this, src);
  for (const m of ['all', 'get', 'run', 'iterate']) {
    const f = st[m].bind(st);
    st[m] = (...a: any[]) => { const t = performance.now(); const r = f(...a); const e = stats.get(src.slice(0, 110)) ?? [0, 0]; e[0]++; e[1] += performance.now() - t; stats.set(src.slice(0, 110), e); return r; };
  }
  return st;
};
const { openStore } = await import('../src/store/index.ts');
const { searchArticles } = await import('../src/app/index.ts');
const { parseSearchQuery } = await import('../src/search/index.ts');
const { readFileSync } = await import('node:fs');
const lua = readFileSync('bench/.cache/flood-searches.lua', 'utf8');
const qs = [...lua.matchAll(/"\/api\/search\?q=([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
const store = await openStore({ db: 'bench/.cache/flood-10000.db' });
for (const q of qs) await searchArticles(store, parseSearchQuery({ q }));
stats.clear();
const t = performance.now();
for (let r = 0; r < 2; r++) for (const q of qs) await searchArticles(store, parseSearchQuery({ q }));
const n = qs.length * 2;
console.log('ms/search', ((performance.now() - t) / n).toFixed(2), 'sql ms/search', ([...stats.values()].reduce((a, b) => a + b[1], 0) / n).toFixed(2));
for (const [k, [c, d]] of [...stats].sort((a, b) => b[1][1] - a[1][1]).slice(0, 14)) console.log(String(c).padStart(6), (d / n).toFixed(2).padStart(6), k.replace(/\s+/g, ' '));
await store.close();

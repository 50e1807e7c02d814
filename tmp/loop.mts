import { openStore } from '../src/store/index.ts';
import { searchArticles } from '../src/app/index.ts';
import { parseSearchQuery } from '../src/search/index.ts';
import { readFileSync } from 'node:fs';
const lua = readFileSync('bench/.cache/flood-searches.lua', 'utf8');
const qs = [...lua.matchAll(/"\/api\/search\?q=([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
const store = await openStore({ db: 'bench/.cache/flood-10000.db' });
for (let r = 0; r < 5; r++) for (const q of qs) await searchArticles(store, parseSearchQuery({ q }));
await store.close();

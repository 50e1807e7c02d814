import { readFileSync, readdirSync } from 'node:fs';
const dir = 'tmp/prof'; const f = readdirSync(dir)[0];
const p = JSON.parse(readFileSync(`${dir}/${f}`));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfT = new Map(); p.samples.forEach((id, i) => selfT.set(id, (selfT.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
const incl = new Map();
for (const [id, t] of selfT) { const seen = new Set(); let cur = id; while (cur !== undefined) { const n = byId.get(cur); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); } cur = parent.get(cur); } }
for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 45)) if (/src\/|search|knowledge|sqlite|kysely/.test(k)) console.log((t / 1000).toFixed(0).padStart(6), k);

import { parseHTML } from 'linkedom';
import { readPage } from '../../src/ingest/index.ts';
import { htmlPage } from './pages.ts';
const enc = new TextEncoder();
const pages = Array.from({ length: 200 }, (_, i) => htmlPage(i).html);
for (const p of pages.slice(0, 30)) { parseHTML(p); readPage({ file: 'p', bytes: enc.encode(p), format: 'html' }); }
let a = 0, b = 0;
for (const p of pages) {
  let t = performance.now(); parseHTML(p); a += performance.now() - t;
  t = performance.now(); readPage({ file: 'p', bytes: enc.encode(p), format: 'html' }); b += performance.now() - t;
}
console.log('parse only', a.toFixed(0), 'readPage', b.toFixed(0), 'ratio', (a / b).toFixed(2));

/**
 * @module Test support for the reliability suites: pages written by us in bulk, and how a child
 * `mizan` process reaches the same database as the test (an SQLite file, or a PostgreSQL schema named
 * in the URL).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Environment and arguments that point a child `mizan` at the database `target` describes. */
export function cliTarget(target: { db?: string; url?: string; schema?: string }): { args: string[]; env: NodeJS.ProcessEnv } {
  if (target.db) return { args: ['--db', target.db], env: {} };
  const url = new URL(target.url!);
  url.searchParams.set('options', `-c search_path=${target.schema}`);
  return { args: [], env: { DATABASE_URL: url.toString() } };
}

/** A word no analyzer knows, unique to page `n` of batch `tag`: searching for it finds that page alone. */
export function markerOf(tag: string, n: number): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let word = 'zq';
  for (const ch of `${tag}${n}`) word += letters[ch.charCodeAt(0) % letters.length] + letters[(ch.charCodeAt(0) * 7) % letters.length];
  return `${word}x${n}`;
}

/**
 * Writes `count` Markdown pages (Arabic and English, sharing their authors so that writers meet on
 * the same expert rows) into `dir/tag`; returns their paths and the site path each page will take.
 */
export function writePages(dir: string, tag: string, count: number): { files: string[]; paths: string[]; markers: string[] } {
  const folder = join(dir, tag);
  mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  const paths: string[] = [];
  const markers: string[] = [];
  for (let n = 0; n < count; n++) {
    const ar = n % 2 === 0;
    const slug = `${tag}-page-${n}`;
    const path = ar ? `/ar/policy-analysis/${slug}` : `/policy-analysis/${slug}`;
    const marker = markerOf(tag, n);
    const file = join(folder, `${slug}.md`);
    const author = ar ? '  - slug: salm-alhdad\n    name: سالم الحداد' : '  - slug: nora-ellison\n    name: Nora Ellison';
    const topic = ar ? '  - slug: alamn-almayy\n    name: الأمن المائي' : '  - slug: water-security\n    name: Water Security';
    const body = ar
      ? `تتناول هذه الورقة رقم ${n} إدارة المياه في حوض النيل وأثرها على الزراعة. ${marker}\n\nويرى الباحث أن التعاون الإقليمي هو السبيل الوحيد لتجنب النزاع.`
      : `This paper, number ${n}, looks at water management in the Nile basin and its effect on farming. ${marker}\n\nThe author argues that regional cooperation is the only way to avoid conflict.`;
    writeFileSync(
      file,
      `---\nlang: ${ar ? 'ar' : 'en'}\ntype: policy-analysis\ntitle: "${ar ? 'ورقة المياه' : 'Water paper'} ${tag} ${n}"\npublished: 2024-03-${String((n % 28) + 1).padStart(2, '0')}\npath: ${path}\nauthors:\n${author}\ntopics:\n${topic}\n---\n\n${body}\n`,
    );
    files.push(file);
    paths.push(path);
    markers.push(marker);
  }
  return { files, paths, markers };
}

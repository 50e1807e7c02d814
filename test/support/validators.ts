/**
 * @module Independent checkers for what the site hands out, run as their own programs: Jing with the Atom
 * RELAX NG grammar (schemas/atom.rnc), Python's feedparser, bibutils (ris2xml, bib2xml). Where a tool is
 * absent, tests skip with a visible reason, unless MIZAN_REQUIRE_BROWSER=1 (CI), where they fail: .ci/run
 * installs jing, python3-feedparser and bibutils.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const required = process.env.MIZAN_REQUIRE_BROWSER === '1';
// Debian's python3-feedparser belongs to Debian's Python, which another Python earlier on PATH may hide.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function has(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status !== null;
}

function skipUnless(available: boolean, what: string): false | string {
  return available || required ? false : `${what} not installed (set MIZAN_REQUIRE_BROWSER=1 to make this a failure)`;
}

export const jingSkip = skipUnless(has('jing', []), 'jing (Debian jing)');
export const feedparserSkip = skipUnless(spawnSync(PYTHON, ['-c', 'import feedparser'], { stdio: 'ignore' }).status === 0, "Python's feedparser (Debian python3-feedparser)");
export const bibutilsSkip = skipUnless(has('ris2xml', ['-h']) && has('bib2xml', ['-h']), 'bibutils (Debian bibutils)');

export const ATOM_RNC = fileURLToPath(new URL('./schemas/atom.rnc', import.meta.url));

function inTempFiles<T>(files: Record<string, string>, fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-check-'));
  try {
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Jing's errors for each document against the Atom grammar, in one run (one JVM start for all).
 *
 * @example atomGrammarErrors({ 'ar-feed': xml }) // → [] when every document is valid
 */
export function atomGrammarErrors(docs: Record<string, string>): string[] {
  const names = Object.keys(docs).map((k, i) => [`${i}.atom`, k] as const);
  return inTempFiles(Object.fromEntries(names.map(([file, k]) => [file, docs[k]!])), (dir) => {
    const run = spawnSync('jing', ['-c', ATOM_RNC, ...names.map(([file]) => join(dir, file))], { encoding: 'utf8' });
    if (run.error) throw run.error;
    // Debian's wrapper warns about optional jars it did not find: not the document's fault.
    const out = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.trim() && !l.startsWith('[warning]')).join('\n');
    if (run.status !== 0 && !out) throw new Error(`jing exited ${run.status}`);
    // Name each error by its document, not by the temporary file.
    let text = out;
    for (const [file, k] of names) text = text.split(join(dir, file)).join(k);
    return text ? text.split('\n') : [];
  });
}

export interface FeedparserResult {
  bozo: boolean;
  exception: string;
  version: string;
  language: string | null;
  title: string | null;
  entries: { title: string | null; link: string | null; authors: string[]; tags: string[]; published: string | null; language: string | null }[];
}

const FEEDPARSER = `
import feedparser, json, sys
d = feedparser.parse(sys.stdin.buffer.read(), response_headers={'content-type': sys.argv[1]})
f = d.feed
print(json.dumps({
  'bozo': bool(d.bozo), 'exception': str(d.get('bozo_exception', '')), 'version': d.get('version', ''),
  'language': f.get('language'), 'title': f.get('title'),
  'entries': [{ 'title': e.get('title'), 'link': e.get('link'), 'published': e.get('published'),
    'authors': [a.get('name') for a in e.get('authors', []) if a.get('name')],
    'tags': [t.get('term') for t in e.get('tags', [])],
    'language': (e.get('title_detail') or {}).get('language') } for e in d.entries],
}))
`;

/** What Python's feedparser reads from a feed (RSS, Atom or JSON Feed), given as served with its content type. */
export function feedparser(body: string, contentType: string): FeedparserResult {
  const run = spawnSync(PYTHON, ['-c', FEEDPARSER, contentType], { input: body, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`feedparser failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as FeedparserResult;
}

/** bibutils' reading of a citation: the MODS XML it converts to, and what it said on stderr. */
export function bibutils(tool: 'ris2xml' | 'bib2xml', body: string): { xml: string; stderr: string; status: number | null } {
  return inTempFiles({ 'in.txt': body }, (dir) => {
    const run = spawnSync(tool, ['-i', 'utf8', '-o', 'utf8', join(dir, 'in.txt')], { encoding: 'utf8' });
    return { xml: run.stdout, stderr: run.stderr, status: run.status };
  });
}

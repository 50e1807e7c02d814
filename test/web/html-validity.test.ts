/**
 * Every page type in both languages checked by the W3C Nu HTML Checker (npm vnu-jar, run on Java in one
 * batch). Needs `java`; skipped visibly without it unless MIZAN_REQUIRE_BROWSER=1 (CI installs
 * default-jre-headless).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seedSite } from './seed-site.ts';

const javaThere = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
const skip = javaThere || process.env.MIZAN_REQUIRE_BROWSER === '1' ? false : 'java not installed (Debian default-jre-headless; set MIZAN_REQUIRE_BROWSER=1 to make this a failure)';

const PAGES = [
  '/',
  '/ar/',
  '/policy-analysis/grain-routes-after-the-war',
  '/ar/policy-analysis/trq-alhbwb-bd-alhrb',
  '/policy-analysis/food-security',
  '/ar/policy-analysis/shmal-afryqya',
  '/experts/layla-haddad',
  '/ar/experts/lyla-hdad',
  '/search?q=wheat',
  '/ar/search?q=%D8%A7%D9%84%D9%82%D9%85%D8%AD',
  '/countries/dz',
  '/ar/countries/dz',
  '/relations/dz-ru',
  '/ar/relations/dz-ru',
  '/nothing-here',
  '/ar/nothing-here',
];

describe('HTML validity (Nu HTML Checker)', { skip }, () => {
  let site: Awaited<ReturnType<typeof seedSite>>;
  let dir: string;
  before(async () => {
    site = await seedSite();
    dir = mkdtempSync(join(tmpdir(), 'mizan-vnu-'));
  });
  after(async () => {
    await site.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every page type in both languages has no errors', async () => {
    const paths = site.seed ? [...PAGES, site.seed.path] : PAGES;
    const files: string[] = [];
    for (const [i, path] of paths.entries()) {
      const file = join(dir, `${i}.html`);
      writeFileSync(file, await (await site.get(path)).text());
      files.push(file);
    }
    const jar = createRequire(import.meta.url)('vnu-jar') as string;
    const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
    const messages = (JSON.parse(run.stderr || '{"messages":[]}') as { messages: { url: string; message: string; lastLine?: number }[] }).messages;
    const named = messages.map((m) => `${paths[Number(/(\d+)\.html$/.exec(m.url)?.[1])]}:${m.lastLine ?? '?'}: ${m.message}`);
    assert.deepEqual(named, []);
  });
});

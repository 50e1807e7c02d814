/**
 * The institute's identity from its configuration file: validation that names the file and the key, the
 * file found beside the database, and a site that shows the institute's name, logo, colours and menus
 * (never Mizan's own) in both languages.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ConfigError, findSiteConfig, loadSiteConfig, readSiteConfig } from '../../src/app/index.ts';
import { DEMO_DIR } from '../../src/app/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { runMizan } from '../support/cli.ts';
import { tempStore } from '../web/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('reading the configuration file', () => {
  test('the demo configuration is valid and names a made-up institute in both languages', () => {
    const site = readSiteConfig(join(DEMO_DIR, 'mizan.config.yaml'));
    assert.match(site.name.ar, /معهد/);
    assert.doesNotMatch(site.name.en + site.name.ar, /Mizan|ميزان/);
    assert.equal(site.logo?.type, 'image/svg+xml');
    assert.ok(site.menus.main.ar.length > 0 && site.menus.main.en.length > 0);
  });

  const bad: [string, string, RegExp][] = [
    ['wrong type', 'name: {en: X}\ncolors: {accent: 12}\n', /colors\.accent: /],
    ['bad colour', 'name: {en: X}\ncolors: {accent: "green"}\n', /colors\.accent: a colour as #rgb/],
    ['misspelt key', 'nmae: {en: X}\n', /nmae: not a setting/],
    ['unknown language', 'name: {en: X, fr: Y}\n', /name\.fr: "fr" is not a language/],
    ['script in a menu', 'name: {en: X}\nmenus: {main: {ar: [{label: a, href: "javascript:alert(1)"}]}}\n', /menus\.main\.ar\[0\]\.href: /],
    ['time zone', 'name: {en: X}\ntimeZone: Mars/Olympus\n', /timeZone: an IANA time zone/],
    ['default outside languages', 'name: {en: X}\nlanguages: [ar]\ndefaultLanguage: en\n', /defaultLanguage: must be one of languages/],
    ['missing name', 'tagline: {en: X}\n', /name: is required/],
    ['not YAML', 'name: [unclosed\n', /not valid YAML/],
    ['a list, not settings', '- a\n- b\n', /must hold a mapping/],
  ];
  for (const [what, text, message] of bad) {
    test(`refused, naming the file and the key: ${what}`, () => {
      const file = write(`bad-${what.replace(/\W+/g, '-')}.yaml`, text);
      assert.throws(
        () => readSiteConfig(file),
        (err: unknown) => err instanceof ConfigError && err.file === file && message.test(err.message),
      );
    });
  }

  test('an SVG logo with a script is refused', () => {
    write('evil.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const file = write('evil-logo.json', JSON.stringify({ name: { en: 'X' }, logo: 'evil.svg' }));
    assert.throws(() => readSiteConfig(file), /logo: the logo "evil.svg" is not a plain SVG/);
  });

  test('found beside the database; --config and MIZAN_CONFIG win; none gives Mizan’s own name', () => {
    const sub = join(dir, 'site');
    rmSync(sub, { recursive: true, force: true });
    mkdirSync(sub);
    assert.equal(loadSiteConfig({ db: join(sub, 'mizan.db') }, {}).name.en, 'Mizan');
    writeFileSync(join(sub, 'mizan.config.json'), JSON.stringify({ name: { en: 'Beside' } }));
    assert.equal(findSiteConfig({ db: join(sub, 'mizan.db') }, {}), join(sub, 'mizan.config.json'));
    const other = write('other.json', JSON.stringify({ name: { en: 'Named' } }));
    assert.equal(loadSiteConfig({ db: join(sub, 'mizan.db') }, { MIZAN_CONFIG: other }).name.en, 'Named');
    assert.throws(() => loadSiteConfig({ config: join(dir, 'absent.yaml') }, {}), /no such configuration file/);
  });
});

describe('the site under a configuration', () => {
  test('name, tagline, logo, colours, menus with the current section, footer and x-default come from the file', async () => {
    const temp = await tempStore();
    try {
      const site = readSiteConfig(join(DEMO_DIR, 'mizan.config.yaml'));
      const app = createWebApp({ store: temp.store, baseUrl: 'https://inst.example', site });
      const ar = await (await app.request('/ar/search')).text();
      assert.match(ar, /<title>[^<]*معهد القنطرة لسياسات شمال أفريقيا<\/title>/);
      assert.doesNotMatch(ar.split('<p class="footer-text">')[0], /ميزان|Mizan/, 'the product name appears nowhere but in the text the institute wrote for its footer');
      assert.match(ar, /<a href="\/ar\/search" aria-current="page" class="current">بحث<\/a>/, 'the current section is marked');
      assert.match(ar, /<a href="\/ar\/experts">الخبراء<\/a>/);
      assert.match(ar, /class="footer-menu"[^>]*>.*href="\/ar\/about"/);
      assert.match(ar, /href="mailto:info@qantara.example"/);
      assert.match(ar, /<a href="https:\/\/x.com\/qantara_demo" rel="me noopener">إكس<\/a>/);
      const logo = /<img class="brand-mark" src="(\/assets\/identity\/logo\.[\w-]+\.svg)"/.exec(ar)?.[1];
      assert.ok(logo, 'the institute’s logo in the masthead');
      const logoRes = await app.request(logo);
      assert.equal(logoRes.headers.get('content-type'), 'image/svg+xml');
      const theme = /<link rel="stylesheet" href="(\/assets\/identity\/theme\.[\w-]+\.css)"/.exec(ar)?.[1];
      assert.ok(theme);
      assert.match(await (await app.request(theme)).text(), /--accent:#1d4e89/);
      const en = await (await app.request('/')).text();
      assert.match(en, /<meta property="og:site_name" content="Qantara Institute for North African Policy"\/>/);
      assert.match(en, /hreflang="x-default" href="https:\/\/inst.example\/ar\/"/, 'the default language is the configured one');
      assert.match(en, /<a href="\/" aria-current="page" class="current">Analysis<\/a>/);
      const feed = await (await app.request('/ar/feed.xml')).text();
      assert.match(feed, /معهد القنطرة/);
    } finally {
      await temp.cleanup();
    }
  });

  test('a site with one language offers no language switch', async () => {
    const temp = await tempStore();
    try {
      const site = readSiteConfig(write('ar-only.yaml', 'name: {ar: معهد تجريبي}\nlanguages: [ar]\n'));
      const app = createWebApp({ store: temp.store, site });
      const ar = await (await app.request('/ar/')).text();
      assert.doesNotMatch(ar, /class="lang-switch"/);
      assert.match(ar, /معهد تجريبي/);
    } finally {
      await temp.cleanup();
    }
  });

  test('mizan serve with a bad configuration exits 1 naming the file and the key, before touching the database', async () => {
    const file = write('serve-bad.yaml', 'name: {en: X}\ncolors: {accent: blue}\n');
    const db = join(dir, 'never.db');
    const r = await runMizan(['serve', '--port', '0', '--db', db, '--config', file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`${file.replace(/[.\\/]/g, '\\$&')}: colors\\.accent: a colour`));
    assert.equal(existsSync(db), false);
  });
});

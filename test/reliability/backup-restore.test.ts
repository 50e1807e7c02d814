/**
 * `mizan backup` and `mizan restore` keep everything, on both engines and across them: every table
 * but sessions and the search index compared row by row after a round trip (articles, users with
 * their password hashes, revisions, audit log, experts, terms, paths and redirects, knowledge
 * decisions) and media files, the search index rebuilt, a non-empty database refused unless --force, a damaged file
 * refused before anything is written.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { addUser, DEMO_DIR, importFiles, restoreBackup, saveEdit, searchArticles, transition, writeBackup, type Editor } from '../../src/app/index.ts';
import { decideEntity } from '../../src/knowledge/index.ts';
import { describeTables, openStore } from '../../src/store/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { runMizan } from '../support/cli.ts';
import { FAST } from '../app/fast-cost.ts';
import { cliTarget } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-backup-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const editor: Editor = { id: 'u-editor', email: 'editor@example.org', ip: '192.0.2.2', role: 'editor' };

/** A site with a little of everything a backup must keep. */
async function fill(store: TestStore): Promise<void> {
  await importFiles(store, [DEMO_DIR]);
  await addUser(store, { email: 'admin@example.org', role: 'admin', password: 'a long pass phrase here' }, { cost: FAST });
  const saved = await saveEdit(store, editor, { article: makeArticle({ slug: 'mswdt-llnskh' }) });
  await transition(store, editor, saved.id, 'submit');
  await store.addAlias('/ar/policy-analysis/old-address', '/ar/policy-analysis/mswdt-llnskh');
  const any = (await store.listArticles({ limit: 1 })).items[0];
  await decideEntity(store, { articleId: any.id, kind: 'country', id: 'FR', status: 'accepted', by: editor.email });
}

/** Every backed-up table's rows, each as sorted JSON, numbers to 6 significant digits (PostgreSQL's `real` is single precision). */
async function contents(store: TestStore): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await describeTables(store.db, store.engine)) {
    if (/^(search_|kysely_)/.test(t.name) || t.name === 'sessions' || t.name === 'sign_in_throttle') continue;
    let rows = await (store.db as unknown as import('kysely').Kysely<any>).selectFrom(t.name).selectAll().execute();
    // The search index's versions (its own, and that of the term pairs its translations teach) count its
    // rebuilds, and restore rebuilds it.
    // The change log (and its counter) gains "everything changed" when restore re-tags every article
    // (caches and the static build's rebuild start afresh); the entries for single articles must all come back.
    if (t.name === 'meta') rows = rows.filter((r) => !['search_version', 'search_xlang', 'content_version'].includes(r.key));
    if (t.name === 'content_changes') rows = rows.filter((r) => r.tags !== '["*"]');
    out[t.name] = rows
      .map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, typeof r[k] === 'number' ? Number(r[k].toPrecision(6)) : r[k]])))
      .sort();
  }
  return out;
}

forEachEngine('backup and restore', (h) => {
  after(() => h.cleanup());
  let backupFile = '';
  let expected: Record<string, string[]> = {};

  test('a round trip keeps every row of every table, and search works after it', async () => {
    const source = await h.open();
    await fill(source);
    expected = await contents(source);
    assert.ok(expected.articles.length >= 15 && expected.users.length === 1 && expected.revisions.length > 0 && expected.audit_log.length > 0 && expected.knowledge_decision.length === 1);
    assert.ok(expected.users[0].includes('password_hash') || expected.users[0].includes('hash'));
    backupFile = join(dir, `site-${h.engine}.mizan-backup`);
    await writeBackup(source, backupFile);

    const target = await h.open();
    const r = await restoreBackup(target, backupFile);
    assert.equal(r.rows.articles, expected.articles.length);
    assert.deepEqual(await contents(target), expected);
    const hits = await searchArticles(target, { q: 'الجزائر', sort: 'relevance', page: 1, pageSize: 10 });
    assert.ok(hits.total > 0, 'the search index was rebuilt');
    assert.equal((await target.resolvePath('/ar/policy-analysis/old-address'))?.canonical, '/ar/policy-analysis/mswdt-llnskh');
  });

  test('a database that holds data is refused; --force replaces it', async () => {
    const target = await h.open();
    await target.putArticle(makeArticle({ slug: 'mqala-mwjwda' }));
    await assert.rejects(restoreBackup(target, backupFile), /already holds data .*--force/);
    assert.ok(await target.getArticleByPath('/ar/policy-analysis/mqala-mwjwda'), 'untouched');
    await restoreBackup(target, backupFile, { force: true });
    assert.deepEqual(await contents(target), expected);
  });

  test('a damaged or cut-short file is refused before anything is written', async () => {
    const raw = gunzipSync(readFileSync(backupFile)).toString('utf8');
    const altered = join(dir, `altered-${h.engine}`);
    writeFileSync(altered, gzipSync(raw.replace('الجزائر', 'المغرب')));
    const cut = join(dir, `cut-${h.engine}`);
    writeFileSync(cut, readFileSync(backupFile).subarray(0, 2000));
    for (const [file, why] of [[altered, /checksum does not match/], [cut, /cut short/]] as const) {
      const target = await h.open();
      await assert.rejects(restoreBackup(target, file), why);
      assert.equal(await target.countArticles(), 0);
    }
  });

  test('media files of any size come back byte for byte, and a refused restore leaves the media folder as it was', async () => {
    const media = join(dir, `media-${h.engine}`);
    const photo = randomBytes(2 * 1024 * 1024 + 17); // several pieces in the file, the last a short one
    mkdirSync(join(media, 'صور', '2024'), { recursive: true });
    writeFileSync(join(media, 'صور', '2024', 'غلاف.jpg'), photo);
    writeFileSync(join(media, 'empty.txt'), '');
    writeFileSync(join(media, 'تقرير.pdf'), '%PDF-1.4 تقرير');
    const source = await h.open();
    await source.putArticle(makeArticle({ slug: 'mqala-msawwara' }));
    const file = join(dir, `media-${h.engine}.mizan-backup`);
    assert.equal((await writeBackup(source, file, { mediaDir: media })).files, 3);

    const into = join(dir, `restored-media-${h.engine}`);
    const r = await restoreBackup(await h.open(), file, { mediaDir: into });
    assert.equal(r.files, 3);
    assert.ok(readFileSync(join(into, 'صور', '2024', 'غلاف.jpg')).equals(photo));
    assert.equal(readFileSync(join(into, 'empty.txt'), 'utf8'), '');
    assert.equal(readFileSync(join(into, 'تقرير.pdf'), 'utf8'), '%PDF-1.4 تقرير');

    // A well-formed backup (checksum right) whose last media file climbs out of the folder: refused
    // after the photo was already read, yet nothing of it is left, in the database or beside it.
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const trailer = JSON.parse(lines.pop()!);
    lines.push(JSON.stringify({ m: '../../outside.txt', o: 0, b: Buffer.from('x').toString('base64') }));
    trailer.sha256 = createHash('sha256').update(lines.map((l) => l + '\n').join('')).digest('hex');
    const hostile = join(dir, `hostile-media-${h.engine}`);
    writeFileSync(hostile, gzipSync(lines.join('\n') + '\n' + JSON.stringify(trailer) + '\n'));
    const parent = join(dir, `refused-${h.engine}`);
    mkdirSync(parent);
    const target = await h.open();
    await assert.rejects(restoreBackup(target, hostile, { mediaDir: join(parent, 'media') }), /leaves the media folder/);
    assert.equal(await target.countArticles(), 0);
    assert.deepEqual(readdirSync(parent), [], 'no media folder, no staging folder');
  });

  test('across engines, through the CLI: the backup restores into the other engine whole', async (t) => {
    if (h.engine !== 'postgres') return t.skip('run from the PostgreSQL suite, which has both engines');
    // PostgreSQL → SQLite
    const sqliteDir = join(dir, 'cross');
    mkdirSync(sqliteDir, { recursive: true });
    const db = join(sqliteDir, 'from-pg.db');
    const restored = await runMizan(['restore', '--db', db, backupFile]);
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(restored.stdout, /restored .*\(\d+ articles?, \d+ media items?: images and attachments are kept in the database\)/);
    const lite = await openStore({ db });
    try {
      assert.deepEqual(await contents(lite), expected);
      // SQLite → PostgreSQL, through the CLI on both sides.
      const back = join(dir, 'from-sqlite.mizan-backup');
      const made = await runMizan(['backup', '--db', db, back]);
      assert.equal(made.code, 0, made.stderr);
      const pgTarget = await h.open();
      const { args, env } = cliTarget(h.lastTarget());
      const again = await runMizan(['restore', ...args, back], { env });
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(await contents(pgTarget), expected);
      const refused = await runMizan(['restore', ...args, back], { env });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /already holds data/);
    } finally {
      await lite.close();
    }
  });
});

test('backup leaves no partial file behind when it fails', async () => {
  const store = await openStore({ db: join(dir, 'partial.db') });
  try {
    await sql`select 1`.execute(store.db);
    await assert.rejects(writeBackup(store, join(dir, 'no-such-folder', 'x.bak')), /the folder .*no-such-folder does not exist/);
  } finally {
    await store.close();
  }
});

test('the CLI counts images with the database they are kept in, and says a media folder only where there is one', async () => {
  const db = join(dir, 'said.db');
  const store = await openStore({ db });
  await importFiles(store, [DEMO_DIR]);
  const { n } = (await sql<{ n: number }>`select count(*) as n from media`.execute(store.db)).rows[0];
  await store.close();
  assert.ok(n > 0, 'the demo brings images');
  const inDatabase = String.raw`\(\d+ articles, ${n} media items: images and attachments are kept in the database\)`;
  // No media folder beside the database: it said "0 media files", as if the images had been left out.
  const plain = await runMizan(['backup', join(dir, 'said.bak'), '--db', db]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, new RegExp(String.raw`^wrote \S+said\.bak: [\d,]+ rows from \d+ tables ${inDatabase}, [\d.]+ MB in [\d.]+ s\n$`));
  const folder = join(dir, 'said-media');
  mkdirSync(folder);
  writeFileSync(join(folder, 'notes.txt'), 'kept beside');
  const withFolder = await runMizan(['backup', join(dir, 'said-folder.bak'), '--db', db, '--media', folder]);
  assert.match(withFolder.stdout, new RegExp(`${inDatabase}, 1 file from the media folder ${folder}, `));
  const into = join(dir, 'said-restored-media');
  const restored = await runMizan(['restore', join(dir, 'said-folder.bak'), '--db', join(dir, 'said-restored.db'), '--media', into]);
  assert.equal(restored.code, 0, restored.stderr);
  assert.match(restored.stdout, new RegExp(String.raw`${inDatabase}, 1 file into the media folder ${into}; \d+ articles indexed`));
  assert.doesNotMatch(plain.stdout + withFolder.stdout + restored.stdout, /media file/);
});

test('a backup refused by its place says why, by name, through the CLI', async () => {
  const db = join(dir, 'place.db');
  const store = await openStore({ db });
  await store.close();
  const folder = join(dir, 'a-folder');
  mkdirSync(folder);
  const file = join(dir, 'a-file');
  writeFileSync(file, 'not a folder');
  const intoFolder = await runMizan(['backup', folder, '--db', db]);
  assert.equal(intoFolder.code, 1);
  assert.match(intoFolder.stderr, new RegExp(`${folder} is a folder: give the backup a file name`));
  // Under a file: before, a stream error the command did not listen for ended Node with a stack trace.
  const underFile = await runMizan(['backup', join(file, 'x.bak'), '--db', db]);
  assert.equal(underFile.code, 1);
  assert.match(underFile.stderr, new RegExp(`^mizan: cannot write the backup ${join(file, 'x.bak')}: ${file} is not a folder\n$`));
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.partial')), []);
});

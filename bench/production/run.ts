/**
 * @module Production figures, each beside a peer measured in the same run:
 * (1) `mizan --help` from the compiled code beside `node -e 0` (the floor of any Node CLI);
 * (2) `mizan build --no-pdf --no-cards` of N bilingual articles (N/2 Arabic-English pairs) beside Debian's `hugo`
 *     building the same number of articles from Markdown, in pages written per second (Hugo prints no PDFs and draws no social cards),
 *     with the CPU time each spent per page and the HTML each wrote per second. Hugo builds under two themes (hugo-site.ts):
 *     minimal templates (a title, a date and the text), and one whose pages have the parts of Mizan's. Mizan runs compiled (dist/, as `mizan build` does once
 *     installed) on one thread per core (`--threads N` to choose), as Hugo uses every core.
 * (3) `mizan reindex` of M articles on PostgreSQL beside SQLite, into an empty index and replacing a full one
 *     (DATABASE_URL needed; `--index-articles M`, default 100,000; the stored articles are kept between runs,
 *     `--prepare-fixture` only stores them).
 * `npm run bench -- production` or `node --import tsx bench/production/run.ts [--articles N] [--only startup|static|reindex]`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { reindex } from '../../src/app/index.ts';
import { openStore } from '../../src/store/index.ts';
import { compiledIsCurrent } from '../../bin/source-stamp.js';
import { makeArticle } from '../../test/support/articles.ts';
import { writeHugoSite, type BenchArticle, type HugoTheme } from './hugo-site.ts';

const HUGO_THEMES: HugoTheme[] = ['minimal', 'comparable', 'comparable-unrelated'];
const THEME_NOTES: Record<HugoTheme, string> = {
  minimal: 'a title, a date and the text',
  comparable: "the parts of Mizan's pages: head metadata, byline, terms, related articles, share and cite links, footer",
  'comparable-unrelated': 'the same without the related articles: less than Mizan renders',
};

const root = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const N = Number(arg('--articles') ?? 10_000);
const only = arg('--only');
const threadsArg = arg('--threads');
/** Rounds of the static build, Mizan and Hugo in turns (`--rounds`). */
const STATIC_ROUNDS = Number(arg('--rounds') ?? 3);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeRun(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t;
}

function startup(): void {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('compiling failed');
  const node: number[] = [];
  const help: number[] = [];
  const sources: number[] = [];
  for (let i = 0; i < 15; i++) {
    node.push(timeRun(process.execPath, ['-e', '0']));
    help.push(timeRun(process.execPath, ['bin/mizan.js', '--help']));
    if (i < 5) sources.push(timeRun(process.execPath, ['bin/mizan.js', '--help'], { ...process.env, MIZAN_RUN_SOURCES: '1' }));
  }
  const n = median(node);
  const h = median(help);
  const s = median(sources);
  console.log('startup (median wall time of 15 runs)');
  console.log(`  node -e 0                       ${n.toFixed(0).padStart(6)} ms   1`);
  console.log(`  mizan --help (compiled)         ${h.toFixed(0).padStart(6)} ms   ${(h / n).toFixed(2)}× node -e 0`);
  console.log(`  mizan --help (sources, tsx)     ${s.toFixed(0).padStart(6)} ms   ${(s / n).toFixed(2)}× node -e 0`);
}

/** How many files under `dir` end in `ext`, and their bytes. */
function filesOf(dir: string, ext: string): { count: number; bytes: number } {
  const out = { count: 0, bytes: 0 };
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    const st = statSync(p);
    if (st.isDirectory()) {
      const inner = filesOf(p, ext);
      out.count += inner.count;
      out.bytes += inner.bytes;
    } else if (p.endsWith(ext)) {
      out.count++;
      out.bytes += st.size;
    }
  }
  return out;
}

const TOPICS = ['energy', 'security', 'trade', 'water', 'migration', 'elections', 'finance', 'food'];
const AR_TOPICS = ['altaqt', 'alamn', 'altjart', 'almyah', 'alhjrt', 'alantkhabat', 'almalyt', 'alghdha'];

/** CPU seconds (user and system) of this process's ended children, from /proc (utime and stime of waited-for children). */
function childCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command name: state is field 3, so cutime and cstime (16 and 17) are at 13 and 14 here.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

async function staticBuild(): Promise<void> {
  if (spawnSync('hugo', ['version']).status !== 0) {
    console.log('static build: Debian `hugo` not found (apt-get install hugo); skipped');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'mizan-bench-static-'));
  try {
    const store = await openStore({ db: join(dir, 'site.db') });
    const pairs = Math.floor(N / 2);
    const paragraph = (lang: 'ar' | 'en', i: number) =>
      lang === 'ar'
        ? `تتناول هذه الفقرة رقم ${i} أثر السياسات الإقليمية على الأسواق والتحالفات، وما ينتظره المراقبون في الأشهر المقبلة.`
        : `This paragraph, number ${i}, weighs how regional policy shapes markets and alliances, and what observers expect in the coming months.`;
    const t0 = performance.now();
    for (let i = 0; i < pairs; i++) {
      const k = i % TOPICS.length;
      const body = (lang: 'ar' | 'en') => [0, 1, 2, 3, 4].map((j) => ({ kind: 'paragraph' as const, text: paragraph(lang, i * 5 + j), links: [] }));
      const date = `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      await store.putArticle(makeArticle({ lang: 'ar', slug: `tqryr-${i}`, title: `تقرير رقم ${i} عن ${AR_TOPICS[k]}`, published: date, translation: { lang: 'en', slug: `report-${i}` }, topics: [{ slug: AR_TOPICS[k], name: `موضوع ${k}` }], body: body('ar') }));
      await store.putArticle(makeArticle({ lang: 'en', slug: `report-${i}`, title: `Report ${i} on ${TOPICS[k]}`, published: date, translation: { lang: 'ar', slug: `tqryr-${i}` }, topics: [{ slug: TOPICS[k], name: `Topic ${k}` }], body: body('en') }));
    }
    console.log(`static build: stored ${pairs * 2} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // The compiled code, as an installed `mizan build` runs (its render threads start far sooner than
    // through tsx); the sources when dist/ cannot be brought up to date.
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const compiled = built.status === 0 && compiledIsCurrent(join(root, 'src'), join(root, 'dist', 'build-info.json'));
    const { buildSite } = (await import(compiled ? '../../dist/web/index.js' : '../../src/web/index.ts')) as typeof import('../../src/web/index.ts');
    const threads = threadsArg ? Number(threadsArg) : undefined;
    // The same articles for Hugo: Markdown with front matter, a bilingual site, under each of two themes
    // (hugo-site.ts): minimal templates, and a theme whose pages have the parts Mizan's have.
    const articles: BenchArticle[] = [];
    for (let i = 0; i < pairs; i++) {
      const k = i % TOPICS.length;
      const date = `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      for (const lang of ['en', 'ar'] as const) {
        const ar = lang === 'ar';
        articles.push({
          lang,
          pair: i,
          title: ar ? `تقرير رقم ${i} عن ${AR_TOPICS[k]}` : `Report ${i} on ${TOPICS[k]}`,
          date,
          topic: ar ? AR_TOPICS[k] : TOPICS[k],
          region: ar ? 'منطقة أولى' : 'First Region',
          author: ar ? 'مؤلف أول' : 'First Author',
          typeLabel: ar ? 'تحليل موجز' : 'Brief Analysis',
          summary: ar ? 'ملخص قصير كتبناه للاختبار.' : 'A short summary written for tests.',
          paragraphs: [0, 1, 2, 3, 4].map((j) => paragraph(lang, i * 5 + j)),
        });
      }
    }
    const hugoSites = Object.fromEntries(HUGO_THEMES.map((theme) => [theme, join(dir, `hugo-${theme}`)])) as Record<HugoTheme, string>;
    for (const theme of HUGO_THEMES) writeHugoSite(hugoSites[theme], articles, theme);
    const hugoVersion = spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.split(' ')[1];

    interface Run {
      seconds: number;
      /** CPU time per page, all threads, and the cores kept busy on average. */
      cpuMs: number;
      cores: number;
      html: { count: number; bytes: number };
    }
    let report: Awaited<ReturnType<typeof buildSite>> | undefined;
    const mizanOnce = async (out: string): Promise<Run> => {
      const tb = performance.now();
      const cpu0 = process.cpuUsage();
      // Hugo prints no PDFs, draws no social cards and writes no citation files: the pages are compared without them.
      report = await buildSite(store, { out, baseUrl: 'https://example.org', pdf: false, cards: false, cite: false, target: { db: join(dir, 'site.db') }, threads });
      const cpu = process.cpuUsage(cpu0);
      const seconds = (performance.now() - tb) / 1000;
      const html = filesOf(out, '.html');
      const cpuS = (cpu.user + cpu.system) / 1e6;
      return { seconds, cpuMs: (cpuS * 1000) / html.count, cores: cpuS / seconds, html };
    };
    const hugoOnce = (out: string, theme: HugoTheme): Run => {
      const th = performance.now();
      const childCpuBefore = childCpuSeconds();
      const h = spawnSync('hugo', ['--quiet', '-s', hugoSites[theme], '-d', out], { stdio: ['ignore', 'ignore', 'pipe'] });
      const seconds = (performance.now() - th) / 1000;
      if (h.status !== 0) throw new Error(`hugo failed: ${h.stderr}`);
      // A child's CPU shows in this process's resource usage once it has ended (RUSAGE_CHILDREN is not exposed: read via /proc).
      const cpuS = childCpuSeconds() - childCpuBefore;
      const html = filesOf(out, '.html');
      return { seconds, cpuMs: (cpuS * 1000) / html.count, cores: cpuS / seconds, html };
    };

    // Round after round, in turns (which goes first alternates). Each round writes into folders of its own
    // and none is removed before the end: on ext4, a file created within a minute or so of thousands being
    // deleted costs the kernel a scan past each of their inodes (`recently_deleted` in `find_inode_bit`),
    // 40 to 600 µs a file, so a removal between rounds measured the kernel rather than the builders.
    const rounds: { mizan: Run; hugo: Record<HugoTheme, Run> }[] = [];
    for (let r = 0; r < STATIC_ROUNDS; r++) {
      const mizanOut = join(dir, `mizan-out-${r}`);
      const hugoRuns = () => Object.fromEntries(HUGO_THEMES.map((theme) => [theme, hugoOnce(join(dir, `hugo-${theme}-out-${r}`), theme)])) as Record<HugoTheme, Run>;
      let mizan: Run;
      let hugo: Record<HugoTheme, Run>;
      if (r % 2 === 0) {
        mizan = await mizanOnce(mizanOut);
        hugo = hugoRuns();
      } else {
        hugo = hugoRuns();
        mizan = await mizanOnce(mizanOut);
      }
      rounds.push({ mizan, hugo });
    }
    const rate = (run: Run) => run.html.count / run.seconds;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const kb = (h: { count: number; bytes: number }) => (h.bytes / h.count / 1024).toFixed(1);
    const mbs = (run: Run) => run.html.bytes / 1024 / 1024 / run.seconds;
    console.log(`static build of ${pairs * 2} bilingual articles, ${STATIC_ROUNDS} rounds (per Hugo theme, the round with the median ratio shown)`);
    for (const theme of HUGO_THEMES) {
      const ratios = rounds.map((x) => rate(x.mizan) / rate(x.hugo[theme]));
      const mid = rounds[ratios.indexOf(median(ratios))];
      const mizan = mid.mizan;
      const hugo = mid.hugo[theme];
      console.log(`  against hugo ${hugoVersion}, ${theme} theme (${THEME_NOTES[theme]}):`);
      console.log(`    hugo           ${hugo.html.count} pages in ${hugo.seconds.toFixed(1)} s = ${rate(hugo).toFixed(0)} pages/s   1   (CPU ${hugo.cpuMs.toFixed(2)} ms a page, all threads, ${hugo.cores.toFixed(1)} cores busy on average; ${kb(hugo.html)} KB a page)`);
      console.log(`    mizan build    ${mizan.html.count} pages in ${mizan.seconds.toFixed(1)} s = ${rate(mizan).toFixed(0)} pages/s   ${(rate(mizan) / rate(hugo)).toFixed(2)}× hugo (CPU ${mizan.cpuMs.toFixed(2)} ms a page, all threads, ${mizan.cores.toFixed(1)} cores busy on average; ${kb(mizan.html)} KB a page; ${report!.threads} thread${report!.threads === 1 ? '' : 's'} rendered (${threads ? `--threads ${threads}` : `default for ${availableParallelism()} cores`}); ${compiled ? 'compiled dist/' : 'sources through tsx'}; ${report!.pages} files with feeds and assets; broken links: ${report!.broken.length})`);
      console.log(`    each round: ${rounds.map((x, i) => `${rate(x.mizan).toFixed(0)} vs ${rate(x.hugo[theme]).toFixed(0)} pages/s = ${ratios[i].toFixed(2)}×`).join('; ')}`);
      // The pages differ in what they hold, so the HTML each wrote per second is printed beside pages/s.
      console.log(`    HTML written: hugo ${mbs(hugo).toFixed(1)} MB/s, mizan ${mbs(mizan).toFixed(1)} MB/s = ${(mbs(mizan) / mbs(hugo)).toFixed(2)}× hugo`);
    }
    const tr = performance.now();
    const again = await buildSite(store, { out: join(dir, `mizan-out-${STATIC_ROUNDS - 1}`), baseUrl: 'https://example.org', pdf: false, cards: false, cite: false, target: { db: join(dir, 'site.db') }, threads });
    await store.close();
    console.log(`  mizan build again (nothing changed): ${((performance.now() - tr) / 1000).toFixed(1)} s, ${again.written} files written`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `count` short articles, Arabic and English in turn, stored (not indexed) 500 to a transaction. */
async function storeArticles(store: Awaited<ReturnType<typeof openStore>>, count: number): Promise<void> {
  for (let from = 0; from < count; from += 500) {
    await store.transaction(async (tx) => {
      for (let i = from; i < Math.min(count, from + 500); i++) {
        const lang = i % 2 ? 'en' : 'ar';
        const k = i % TOPICS.length;
        const text = lang === 'ar' ? `تحليل رقم ${i} عن ${AR_TOPICS[k]} والأسواق والتحالفات في المنطقة وما ينتظره المراقبون.` : `Analysis ${i} of ${TOPICS[k]}, markets and alliances in the region, and what observers expect.`;
        await tx.putArticle(makeArticle({ lang, slug: `a-${i}`, title: text.slice(0, 40), body: [0, 1, 2].map(() => ({ kind: 'paragraph' as const, text, links: [] })) }));
      }
    });
  }
}

/**
 * CPU time of the PostgreSQL backends serving connections named `app` (this machine's server: read from
 * /proc), sampled while `run` runs: a pool closes idle connections, and with them their counters.
 * Wall time on a machine shared with other work says little; the work done does not move with the load.
 */
async function backendCpu(admin: pg.Client, app: string, run: () => Promise<void>): Promise<number | undefined> {
  const ticks = new Map<number, { first: number; last: number }>();
  let readable = true;
  const sample = async () => {
    const r = await admin.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [app]);
    for (const { pid } of r.rows) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        readable = false; // another machine's server, or a backend just gone
        continue;
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const t = Number(f[11]) + Number(f[12]); // utime + stime, fields 14 and 15
      const seen = ticks.get(pid);
      ticks.set(pid, { first: seen?.first ?? t, last: t });
    }
  };
  await sample();
  let sampling = Promise.resolve();
  const timer = setInterval(() => (sampling = sampling.then(sample)), 200);
  try {
    await run();
  } finally {
    clearInterval(timer);
    await sampling;
  }
  await sample();
  if (!readable && ticks.size === 0) return undefined;
  let total = 0;
  for (const { first, last } of ticks.values()) total += last - first;
  return total / 100; // clock ticks of 10 ms (CLK_TCK 100 on Linux)
}

/**
 * What a stored fixture depends on: the schema (migrations), how articles are stored, and the articles
 * the bench writes. A change to any gives a new fixture; old ones stay until removed
 * (`rm -r bench/.cache`, `drop schema bench_fixture_… cascade`).
 */
function fixtureVersion(): string {
  const h = createHash('sha256');
  const migrations = join(root, 'src/store/migrations');
  for (const f of readdirSync(migrations).sort()) h.update(f).update(readFileSync(join(migrations, f)));
  for (const f of ['src/store/sql-store.ts', 'test/support/articles.ts']) h.update(readFileSync(join(root, f)));
  h.update(storeArticles.toString());
  return h.digest('hex').slice(0, 10);
}

/**
 * A SQLite database of `count` stored (not indexed) articles for this run, at `to`: copied from
 * bench/.cache/, stored there first when missing (the next run copies it in a second).
 */
async function sqliteFixture(count: number, to: string | undefined): Promise<void> {
  const cache = join(root, 'bench/.cache');
  const file = join(cache, `reindex-${count}-${fixtureVersion()}.db`);
  if (!existsSync(file)) {
    mkdirSync(cache, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    const store = await openStore({ db: partial });
    const t0 = performance.now();
    await storeArticles(store, count);
    await store.close(); // checkpoints the WAL into the file
    renameSync(partial, file);
    console.log(`  (sqlite: ${count} articles stored in ${((performance.now() - t0) / 1000).toFixed(1)} s, kept as ${file.slice(root.length)})`);
  } else if (to) console.log(`  (sqlite: ${count} stored articles copied from ${file.slice(root.length)})`);
  if (to) copyFileSync(file, to);
}

/**
 * A PostgreSQL schema of `count` stored (not indexed) articles, `bench_fixture_<count>_<version>`, made
 * when missing (under another name, renamed when complete: a run stopped halfway leaves no fixture);
 * then its rows copied into `schema`, which `openStore` has migrated.
 */
async function postgresFixture(admin: pg.Client, url: string, count: number, schema: string | undefined): Promise<void> {
  const fixture = `bench_fixture_${count}_${fixtureVersion()}`;
  const have = await admin.query('select 1 from information_schema.schemata where schema_name = $1', [fixture]);
  if (have.rowCount === 0) {
    const building = `${fixture}_${process.pid}`;
    await admin.query(`create schema ${building}`);
    const store = await openStore({ url, schema: building });
    const t0 = performance.now();
    await storeArticles(store, count);
    await store.close();
    await admin.query(`alter schema ${building} rename to ${fixture}`);
    console.log(`  (postgres: ${count} articles stored in ${((performance.now() - t0) / 1000).toFixed(1)} s, kept as schema ${fixture})`);
  }
  if (!schema) return;
  const t0 = performance.now();
  const tables = await admin.query<{ t: string }>(
    `select table_name as t from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'`,
    [fixture],
  );
  const names = tables.rows.map((r) => r.t);
  await admin.query('begin');
  await admin.query(`truncate ${names.map((t) => `${schema}.${t}`).join(', ')}`);
  for (const t of names) await admin.query(`insert into ${schema}.${t} select * from ${fixture}.${t}`);
  const serial = await admin.query<{ t: string; c: string }>(
    `select table_name as t, column_name as c from information_schema.columns where table_schema = $1 and column_default like 'nextval%'`,
    [schema],
  );
  for (const { t, c } of serial.rows) {
    await admin.query(`select setval(pg_get_serial_sequence('${schema}.${t}', '${c}'), coalesce((select max(${c}) from ${schema}.${t}), 0) + 1, false)`);
  }
  await admin.query('commit');
  for (const t of names) await admin.query(`analyze ${schema}.${t}`);
  console.log(`  (postgres: ${count} stored articles copied from schema ${fixture} in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

/**
 * `mizan reindex` of M articles on each engine, twice: the first fills an empty index (as after a
 * restore), the second replaces a full one (what `mizan reindex` usually does). A small reindex first
 * warms the code both share (the analyzer, the gazetteer), so neither engine pays for it. Beside the
 * wall time, the CPU each engine's work took: Node's (every thread: on PostgreSQL the knowledge tags are
 * made on a thread of their own, beside the search index), and on PostgreSQL the server's.
 *
 * The M stored articles are kept between runs (bench/.cache/ for SQLite, a schema `bench_fixture_…`
 * on PostgreSQL) and copied per run: storing 100,000 articles on PostgreSQL takes a quarter of an hour.
 * `--prepare-fixture` only makes them.
 */
async function reindexing(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('reindex: DATABASE_URL not set; PostgreSQL against SQLite skipped');
    return;
  }
  const M = Number(arg('--index-articles') ?? 100_000);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  if (process.argv.includes('--prepare-fixture')) {
    await Promise.all([sqliteFixture(M, undefined), postgresFixture(admin, url, M, undefined)]);
    await admin.end();
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'mizan-bench-reindex-'));
  const schema = `bench_${process.pid}`;
  const app = `mizan-bench-${process.pid}`;
  const named = new URL(url);
  named.searchParams.set('application_name', app);
  await admin.query(`create schema ${schema}`);
  try {
    const warm = await openStore({ db: join(dir, 'warm.db') });
    await storeArticles(warm, 500);
    await reindex(warm);
    await warm.close();
    type Phase = { wall: number; node: number; server?: number };
    const runs: Record<string, Phase[]> = { sqlite: [], postgres: [] };
    const engines = arg('--engine'); // one engine alone, for a profile of it (`node --cpu-prof …`)
    for (const [engine, target] of [['sqlite', { db: join(dir, 'r.db') }], ['postgres', { url: named.href, schema }]] as const) {
      if (engines && engines !== engine) continue;
      if (engine === 'sqlite') await sqliteFixture(M, target.db);
      // `--statements`: where the engine's time went, statement by statement (the first words of each;
      // on PostgreSQL a statement's time includes its wait behind the one before it on the connection).
      const statements = new Map<string, { ms: number; n: number }>();
      const store = await openStore({
        ...target,
        ...(process.argv.includes('--statements')
          ? {
              onQuery: (q: { sql: string; ms: number }) => {
                const key = q.sql.replace(/\s+/g, ' ').replace(/\$\d+|\?/g, '?').slice(0, 70);
                const seen = statements.get(key) ?? { ms: 0, n: 0 };
                statements.set(key, { ms: seen.ms + q.ms, n: seen.n + 1 });
              },
            }
          : {}),
      });
      if (engine === 'postgres') await postgresFixture(admin, url, M, schema);
      for (let round = 0; round < 2; round++) {
        // What `mizan reindex` does: on PostgreSQL the knowledge tags on a thread of their own, beside the
        // search index (so Node's CPU is every thread's, and the server's every connection's).
        const phase = async (work: () => Promise<unknown>): Promise<Phase> => {
          const t = performance.now();
          const cpu = process.cpuUsage();
          const server = await backendCpu(admin, app, async () => void (await work()));
          const used = process.cpuUsage(cpu);
          return { wall: (performance.now() - t) / 1000, node: (used.user + used.system) / 1e6, server: engine === 'postgres' ? server : undefined };
        };
        runs[engine].push(await phase(() => reindex(store, { target })));
        if (statements.size) {
          console.log(`  ${engine}, round ${round + 1}: the statements that took longest, in all (ms, count)`);
          for (const [key, { ms, n }] of [...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10)) console.log(`    ${ms.toFixed(0).padStart(7)} ${String(n).padStart(6)}  ${key}`);
          statements.clear();
        }
      }
      await store.close();
    }
    const show = (p: Phase) => `${p.wall.toFixed(1)} s (CPU ${p.node.toFixed(1)}${p.server === undefined ? '' : ` + ${p.server.toFixed(1)}`} s)`;
    console.log(`reindex of ${M} articles (search index and knowledge tags, as mizan reindex); CPU: Node's (every thread) + the server's`);
    if (engines) {
      for (const [round, r] of runs[engines].entries()) console.log(`  round ${round + 1}: ${show(r)}`);
      return;
    }
    for (const [round, what] of ['into an empty index', 'replacing a full one'].entries()) {
      const [s, p] = [runs.sqlite[round], runs.postgres[round]];
      const cpuRatio = p.server === undefined ? '' : `, CPU ${((p.node + p.server) / s.node).toFixed(2)}×`;
      console.log(`  ${what}: SQLite ${show(s)}   PostgreSQL ${show(p)}   PostgreSQL/SQLite: wall time ${(p.wall / s.wall).toFixed(2)}× (aim ≤ 1.0)${cpuRatio}`);
    }
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!only || only === 'startup') startup();
if (!only || only === 'reindex') await reindexing();
if (!only || only === 'static') await staticBuild();


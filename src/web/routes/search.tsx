/**
 * @module Search surfaces on the site: `/search` and `/ar/search` (server-rendered; facets are plain
 * links, so no JavaScript is needed) and `/api/search` (the JSON of CONTRACTS.md). The prefix sets the
 * interface language only: results come in every language unless a `lang` filter says otherwise.
 */
import type { Context, Hono } from 'hono';
import { raw } from '../jsx/html-string.ts';
import { NotFoundError } from '../../lib/index.ts';
import { dirOf } from '../../model/index.ts';
import { smartQuotes } from '../../text/index.ts';
import { searchArticles } from '../../app/index.ts';
import { timed } from '../ops/metrics.ts';
import { parseSearchQuery, WINDOW, type FacetName, type SearchQuery, type SearchResponse } from '../../search/index.ts';
import { formatNumber, langName } from '../i18n/index.ts';
import { sendPage, sitePrefixes } from '../send.ts';
import { respondWith, weakEtag } from '../http/pipeline.ts';
import { utf8 } from '../http/utf8.ts';
import { DateTime } from '../views/date-time.tsx';
import { Layout } from '../views/layout.tsx';
import { Pager } from '../views/pager.tsx';
import { absoluteUrl, type Searcher, type WebDeps } from '../web-deps.ts';
import { errorResponse } from '../http/error-response.ts';
import { SearchBusyError, SearchGate } from '../search-gate.ts';
import { SearchCache } from '../search-cache.ts';
import { clockOf } from '../versioned-store.ts';
import { SEARCH_STRINGS } from './search-strings.ts';

const FILTERS = ['lang', 'type', 'topic', 'region', 'country', 'expert', 'year', 'from', 'to', 'sort'] as const;
const FACET_ORDER: FacetName[] = ['lang', 'type', 'topic', 'region', 'country', 'expert', 'year'];

const STRINGS = SEARCH_STRINGS;

type Strings = (typeof STRINGS)['en'] | (typeof STRINGS)['ar'];
const strings = (lang: string): Strings => (lang === 'ar' ? STRINGS.ar : STRINGS.en);

function paramsOf(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(c.req.url).searchParams) out[k] = v;
  return out;
}

/** The current parameters with `key` set to `value` (or removed), back to page 1. */
function hrefWith(base: string, params: Record<string, string>, key: string, value: string | undefined): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v && k !== 'page' && k !== key) q.set(k, v);
  if (value) q.set(key, value);
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

interface PageProps {
  lang: string;
  base: string;
  params: Record<string, string>;
  query: SearchQuery;
  result: SearchResponse;
  canonical: string;
  /** The same search in each interface language (the language switch). */
  alternates?: { lang: string; href: string }[];
}

function Facets(props: PageProps) {
  const s = strings(props.lang);
  const groups = FACET_ORDER.filter((name) => props.result.facets[name].length > 0 || props.params[name]);
  if (!groups.length) return null;
  return (
    <aside class="search-facets" aria-label={s.refine}>
      <h2 class="section-title">{s.refine}</h2>
      {groups.map((name) => {
        const active = props.params[name];
        return (
          <section class="facet">
            <h3>
              {s[name]}
              {active ? (
                <>
                  {' '}
                  <a class="facet-clear" href={hrefWith(props.base, props.params, name, undefined)}>
                    ({s.clear})
                  </a>
                </>
              ) : null}
            </h3>
            <ul>
              {props.result.facets[name].map((f) => {
                const on = active !== undefined && active.toUpperCase() === f.value.toUpperCase();
                return (
                  <li>
                    <a
                      href={hrefWith(props.base, props.params, name, on ? undefined : f.value)}
                      aria-current={on ? 'true' : undefined}
                      class={on ? 'facet-on' : undefined}
                    >
                      {f.label ?? f.value}
                    </a>{' '}
                    <span class="count">{formatNumber(props.lang, f.count)}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}

function SearchPage(props: PageProps) {
  const { lang, query, result } = props;
  const s = strings(lang);
  const title = query.q ? s.titleFor.replace('{q}', query.q) : s.title;
  // A broad query ranks only its newest WINDOW matches: pages stop there, and the total is an estimate.
  const pageable = result.approximate ? Math.min(result.total, WINDOW) : result.total;
  const pages = Math.max(1, Math.ceil(pageable / query.pageSize));
  const count = result.approximate
    ? s.about.replace('{n}', formatNumber(lang, result.total))
    : result.total === 1
      ? s.results1
      : s.results.replace('{n}', formatNumber(lang, result.total));
  const hidden = FILTERS.filter((k) => k !== 'sort' && props.params[k]);
  return (
    <Layout lang={lang} title={title} canonical={props.canonical} alternates={props.alternates} robots="noindex, follow">
      <div class="search-page">
        <header class="page-head">
          <h1>{s.title}</h1>
          <form class="search-form" role="search" method="get" action={props.base}>
            <label for="q" class="visually-hidden">
              {s.label}
            </label>
            <input id="q" type="search" name="q" value={query.q} maxlength={500} dir="auto" autocomplete="off" />
            {hidden.map((k) => (
              <input type="hidden" name={k} value={props.params[k]} />
            ))}
            <button type="submit">{s.button}</button>
          </form>
        </header>
        {result.correction ? (
          <p class="notice" role="status">
            {s.showingFor} <a dir="auto" href={hrefWith(props.base, props.params, 'q', result.correction.query)}>{result.correction.query}</a>
            {'. '}
            {s.insteadFor} <a dir="auto" href={hrefWith(props.base, { ...props.params, q: result.correction.original }, 'verbatim', '1')}>{result.correction.original}</a>
            {'.'}
          </p>
        ) : null}
        {result.partial && result.correction ? (
          <p class="notice" role="status">
            {s.partial}
          </p>
        ) : null}
        {result.notice && !result.correction ? (
          <p class="notice" role="status">
            {result.notice}
          </p>
        ) : null}
        <div class="search-body">
          <section class="search-results" aria-label={count}>
            <p class="result-count">
              {count}
              {query.q ? (
                <span class="sort">
                  {' · '}
                  {s.sort}:{' '}
                  {query.sort === 'date' ? (
                    <a href={hrefWith(props.base, props.params, 'sort', undefined)}>{s.relevance}</a>
                  ) : (
                    <strong>{s.relevance}</strong>
                  )}{' '}
                  {query.sort === 'date' ? <strong>{s.date}</strong> : <a href={hrefWith(props.base, props.params, 'sort', 'date')}>{s.date}</a>}
                </span>
              ) : null}
            </p>
            {result.hits.length === 0 ? <p class="empty">{query.q ? s.none : s.empty}</p> : null}
            <ol class="hits">
              {result.hits.map((hit) => {
                const other = hit.lang !== lang;
                return (
                  <li class={hit.crossLanguage ? 'hit hit-cross' : 'hit'} lang={other ? hit.lang : undefined} dir={other ? dirOf(hit.lang) : undefined}>
                    {/* Found only through the query's translations: said in the page's language, above the title. */}
                    {hit.crossLanguage ? (
                      <p class="cross-label" lang={lang} dir={dirOf(lang)}>
                        {s.crossLanguage.replace('{lang}', langName(hit.lang, lang))}
                      </p>
                    ) : null}
                    <h2 class="hit-title">
                      <a href={hit.path}>{smartQuotes(hit.title, hit.lang)}</a>
                    </h2>
                    {hit.attachment ? (
                      <p class="attachment-label" lang={lang} dir={dirOf(lang)}>
                        {s.inAttachment}{' '}
                        <a href={hit.attachment.src} type="application/pdf">
                          <bdi>{hit.attachment.title}</bdi>
                        </a>
                      </p>
                    ) : null}
                    {/* The snippet is escaped by makeSnippet; only its <mark> tags are markup. Its quotes are
                        printed marks like the article's (a bare " is harmless in element text). */}
                    {hit.snippet ? <p class="snippet">{raw(smartQuotes(hit.snippet.replaceAll('&quot;', '"').replaceAll('&#39;', "'"), hit.lang))}</p> : null}
                    <p class="hit-meta">
                      <DateTime date={hit.published} lang={hit.lang} />
                      {hit.translations.length ? (
                        <>
                        {/* The separator stays outside the span in the page's direction: inside it, an English date would touch the Arabic link ("July 5, 2022العربية"). */}
                        {hit.published ? <span class="dot" aria-hidden="true">{' ·\u00A0'}</span> : null}
                        <span class="hit-translations" lang={lang} dir={dirOf(lang)}>
                          {s.also}{' '}
                          {hit.translations.map((tr, i) => (
                            <>
                              {i > 0 ? ', ' : ''}
                              <a href={tr.path} hreflang={tr.lang} title={tr.title}>
                                {/* The preposition joins the word in Arabic: بالإنجليزية, never "بـ الإنجليزية". */}
                                {lang === 'ar' ? `ب${langName(tr.lang, lang)}` : langName(tr.lang, lang)}
                              </a>
                            </>
                          ))}
                        </span>
                        </>
                      ) : null}
                    </p>
                  </li>
                );
              })}
            </ol>
            <Pager lang={lang} base={props.base} params={{ ...props.params, page: undefined }} page={query.page} pages={pages} />
          </section>
          <Facets {...props} />
        </div>
      </div>
    </Layout>
  );
}

/**
 * Searches at once per process: as many as the search workers when there are some (one each), else one
 * on SQLite (the search runs on the event loop) and four on PostgreSQL; MIZAN_SEARCH_CONCURRENCY overrides. MIZAN_SEARCH_MAX_WAIT_MS: how long a search may wait its turn.
 */
function searchGate(deps: WebDeps): SearchGate {
  const set = Number(process.env.MIZAN_SEARCH_CONCURRENCY);
  const wait = Number(process.env.MIZAN_SEARCH_MAX_WAIT_MS);
  return new SearchGate({
    concurrency: Number.isInteger(set) && set > 0 ? set : (deps.searcher?.concurrency ?? (deps.store.engine === 'postgres' ? 4 : 1)),
    maxWaitMs: Number.isFinite(wait) && wait > 0 ? wait : undefined,
    onThisThread: !deps.searcher,
  });
}

/** Search answers kept per process (MIZAN_SEARCH_CACHE, default 1000; 0 turns the cache off). */
function searchCacheSize(): number {
  const set = Number(process.env.MIZAN_SEARCH_CACHE);
  return process.env.MIZAN_SEARCH_CACHE !== undefined && Number.isInteger(set) && set >= 0 ? set : 1000;
}

/**
 * How long a search may take, from its request's arrival, when searches crowd in (it waited its turn, or
 * others wait behind it), before it leaves out what can wait and says so (MIZAN_SEARCH_BUDGET_MS,
 * default 80): under a flood of searches, answers come sooner and thinner.
 */
/** How long a search on a quiet server waits for the cross-language term pairs being learned (seconds over thousands of translations). */
const QUIET_PAIRS_WAIT_MS = 1000;

function searchBudgetMs(): number {
  const set = Number(process.env.MIZAN_SEARCH_BUDGET_MS);
  return process.env.MIZAN_SEARCH_BUDGET_MS !== undefined && Number.isFinite(set) && set >= 0 ? set : 80;
}

/** Each answer's JSON and its ETag, made once: an answer the search cache keeps is sent again and again. */
const encodedAnswers = new WeakMap<SearchResponse, { bytes: Uint8Array; etag: string }>();

function sendAnswer(c: Context, answer: SearchResponse): Response {
  let encoded = encodedAnswers.get(answer);
  if (!encoded) {
    const bytes = utf8(JSON.stringify(answer));
    encoded = { bytes, etag: weakEtag(bytes) };
    encodedAnswers.set(answer, encoded);
  }
  c.header('etag', encoded.etag);
  return respondWith(c, encoded.bytes, 'application/json; charset=utf-8');
}

/** A search refused because too many wait: 503 with Retry-After, as JSON under /api/ or as a page. */
async function busy(c: Context, err: SearchBusyError): Promise<Response> {
  const res = c.req.path.startsWith('/api/')
    ? new Response(JSON.stringify({ error: { code: err.code, message: err.message } }), { status: 503, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } })
    : await errorResponse(c.req.url, 503, err);
  res.headers.set('retry-after', '1');
  return res;
}

/** Mounts `/search`, `/ar/search` and `/api/search`. */
export function registerSearch(app: Hono, deps: WebDeps): void {
  const gate = searchGate(deps);
  const cache = new SearchCache(clockOf(deps.store), { maxEntries: searchCacheSize() });
  // A query asked again is answered from the search cache without queueing; a new one waits its turn at
  // the gate. Search answers stay out of the page cache: their addresses vary without end (any parameter,
  // any order), and each would push a page readers need out of it.
  const budget = searchBudgetMs();
  // On the worker pool when the server has one (`mizan serve`), else on this thread.
  const searchWith: Searcher['search'] = deps.searcher ? (q, o) => deps.searcher!.search(q, o) : (q, o) => searchArticles(deps.store, q, o);
  // Searches crowding in have a time budget, counted from the request's arrival (a search that waited its
  // turn has less left); a search on a quiet server is answered whole, however long it takes.
  const gated = (c: Context, query: SearchQuery, send: (r: SearchResponse) => Response | Promise<Response>) => {
    const arrived = performance.now();
    const run = (crowded: boolean) => searchWith(query, crowded ? { budgetMs: budget - (performance.now() - arrived) } : { pairsWaitMs: QUIET_PAIRS_WAIT_MS });
    return cache
      .answer(
        query,
        () => gate.run((crowded) => timed(deps.metrics?.search, () => run(crowded)), c.req.raw.signal),
        // A partial answer past its time is refreshed only when a search slot stands idle: whole, since nobody waits.
        () => gate.runIfIdle(() => timed(deps.metrics?.search, () => searchWith(query, { pairsWaitMs: QUIET_PAIRS_WAIT_MS }))),
      )
      .then(send, (err) => (err instanceof SearchBusyError ? busy(c, err) : Promise.reject(err)));
  };
  app.get('/api/search', async (c) => {
    const query = parseSearchQuery(paramsOf(c));
    return gated(c, query, (result) => sendAnswer(c, result));
  });
  for (const { lang, prefix } of sitePrefixes()) {
    const base = `${prefix}/search`;
    app.get(base, async (c) => {
      const params = paramsOf(c);
      const query = parseSearchQuery({ ...params, ui: lang });
      const canonical = absoluteUrl(deps, c.req.url, query.q ? `${base}?q=${encodeURIComponent(query.q)}` : base);
      delete params.ui;
      // The language switch keeps the query and its filters (the page number is the other language's to count).
      const keep = new URLSearchParams(Object.entries(params).filter(([k, v]) => k !== 'page' && v) as [string, string][]).toString();
      const alternates = sitePrefixes().map((p) => ({ lang: p.lang, href: absoluteUrl(deps, c.req.url, `${p.prefix}/search${keep ? `?${keep}` : ''}`) }));
      return gated(c, query, (result) => {
        // Past the last page: not found, as on listings, never a count of results above "no results".
        if (result.hits.length === 0 && result.total > 0 && query.page > 1) throw new NotFoundError(`${base} has no page ${query.page} for this query`);
        return sendPage(c, <SearchPage lang={lang} base={base} params={params} query={query} result={result} canonical={canonical} alternates={alternates} />, { cache: false });
      });
    });
  }
}

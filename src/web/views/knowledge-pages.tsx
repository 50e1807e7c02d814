/**
 * @module The knowledge pages: a country's page (its analysis, a timeline of events, its figures, the
 * relationships it appears in) and a relationship's page (two states: the articles on both, the events
 * involving both). Every event links to its sentence in the article and to the sources it cites.
 */
import { dirOf } from '../../model/index.ts';
import { smartQuotes } from '../../text/index.ts';
import type { CountryKnowledge, Figure, KnowledgeArticle, ReaderEvent, RelationKnowledge } from '../../knowledge/index.ts';
import { Layout, type Alternate, type FeedLink } from './layout.tsx';

type Strings = Record<string, string>;

/** The pages' own strings (kept here so the knowledge pages are one self-contained addition). */
const STRINGS: Record<string, Strings> = {
  en: {
    countryTitle: '{name}: analysis, events and figures',
    relationTitle: '{a} and {b}',
    relationLede: 'What we have written on relations between {a} and {b}, and the events our analysis records.',
    countryLede: 'What we have written on {name}, the events our analysis records and the figures it cites.',
    articles: 'Analysis',
    timeline: 'Timeline',
    timelineDesc: '{n} dated events from {from} to {to}, oldest first, each linked to the sentence that records it.',
    otherLanguage: 'in Arabic',
    events: 'Events',
    figures: 'Figures',
    relations: 'Relationships',
    relationEvents: '{name} ({n} events)',
    none: 'Nothing yet.',
    source: 'source',
    inArticle: 'in',
    period: 'period',
  },
  ar: {
    countryTitle: '{name}: تحليلات وأحداث وأرقام',
    relationTitle: '{a} و{b}',
    relationLede: 'ما كتبناه عن العلاقات بين {a} و{b}، والأحداث التي تسجلها تحليلاتنا.',
    countryLede: 'ما كتبناه عن {name}، والأحداث التي تسجلها تحليلاتنا، والأرقام التي تستشهد بها.',
    articles: 'التحليلات',
    timeline: 'الخط الزمني',
    timelineDesc: 'أحداث مؤرخة ({n}) من {from} إلى {to}، الأقدم أولاً، وكلٌّ منها مرتبط بالجملة التي تسجّله.',
    otherLanguage: 'بالإنجليزية',
    events: 'الأحداث',
    figures: 'الأرقام',
    relations: 'العلاقات',
    relationEvents: '{name} ({n} من الأحداث)',
    none: 'لا شيء بعد.',
    source: 'المصدر',
    inArticle: 'في',
    period: 'الفترة',
  },
};

export function kt(lang: string, key: string, vars: Record<string, string | number> = {}): string {
  const s = (STRINGS[lang] ?? STRINGS.en)[key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/**
 * A link to an event's sentence: the article, scrolled to the sentence's first words by a text fragment.
 * @example sentenceHref('/policy-analysis/x', 'In October 2022 the navies') // → '/policy-analysis/x#:~:text=In%20October%202022%20the%20navies'
 */
export function sentenceHref(path: string, label: string, lang?: string): string {
  // The article prints its quotation marks in its language (smartQuotes); the fragment must match them.
  const words = (lang ? smartQuotes(label, lang) : label).replace(/…$/, '').split(/\s+/).filter(Boolean).slice(0, 8).join(' ');
  const enc = encodeURIComponent(words).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  return `${path}#:~:text=${enc}`;
}

interface Common {
  lang: string;
  canonical: string;
  alternates: Alternate[];
  formatDate: (date: string) => string;
  formatNumber: (n: number) => string;
  /** An article's language, where it differs from the page's (its words keep their direction). */
  articleLang: (id: string) => string | undefined;
}

type Linked<T> = T & { path: string; title: string };

/** Articles in the page's language first, each group in the order given (most about the subject first). */
function ArticleList(props: { lang: string; articles: KnowledgeArticle[]; formatDate: (d: string) => string }) {
  if (props.articles.length === 0) return <p class="empty">{kt(props.lang, 'none')}</p>;
  return (
    <ul class="knowledge-articles">
      {[...props.articles.filter((a) => a.lang === props.lang), ...props.articles.filter((a) => a.lang !== props.lang)].map((a) => (
        <li>
          <a href={a.path} lang={a.lang !== props.lang ? a.lang : undefined} dir={a.lang !== props.lang ? dirOf(a.lang) : undefined}>
            {smartQuotes(a.title, a.lang)}
          </a>
          {a.published ? <>{' '}<span class="meta">{'·\u00A0'}<time datetime={a.published}>{props.formatDate(a.published)}</time></span></> : null}
        </li>
      ))}
    </ul>
  );
}

type PageEvent = ReaderEvent & { path: string; title: string };

/**
 * The timeline: the events year by year, oldest first, each its whole sentence (isolated: an English
 * sentence on an Arabic page keeps its own direction), its date, the article it comes from and its
 * sources. An event from the other language (a piece not translated) says so.
 */
function Timeline(props: Common & { id: string; events: PageEvent[] }) {
  const { lang, events } = props;
  if (events.length === 0) return null;
  const years = new Map<string, PageEvent[]>();
  for (const e of events) {
    const y = e.date.slice(0, 4);
    if (!years.has(y)) years.set(y, []);
    years.get(y)!.push(e);
  }
  return (
    <section aria-labelledby={`${props.id}-h`} class="timeline">
      <h2 id={`${props.id}-h`} class="section-title">{kt(lang, 'timeline')}</h2>
      <p class="meta">{kt(lang, 'timelineDesc', { n: props.formatNumber(events.length), from: props.formatDate(events[0].date), to: props.formatDate(events[events.length - 1].date) })}</p>
      <ol class="timeline-years">
        {[...years].map(([year, list]) => (
          <li class="timeline-year">
            <h3 class="timeline-year-label">{props.formatDate(year)}</h3>
            <ol class="timeline-events">
              {list.map((e) => {
                const other = e.lang !== lang ? e.lang : undefined;
                return (
                  <li class="timeline-event">
                    {/* A year alone is the heading above. */}
                    {e.precision === 'year' ? null : <time datetime={e.date}>{props.formatDate(e.date)}</time>}
                    <p class="timeline-sentence" lang={other} dir={other ? dirOf(other) : 'auto'}>
                      <a href={sentenceHref(e.path, e.label, e.lang)}>{smartQuotes(e.sentence, e.lang)}</a>
                    </p>
                    <p class="meta">
                      {kt(lang, 'inArticle')}{' '}
                      <a href={e.path} lang={other}>
                        <bdi>{smartQuotes(e.title, e.lang)}</bdi>
                      </a>
                      {other ? <span class="badge"> · {kt(lang, 'otherLanguage')}</span> : null}
                      {e.sources.map((u) => (
                        <>
                          {' · '}
                          <a href={u} rel="nofollow noopener" class="source">
                            {kt(lang, 'source')}: <bdi>{hostOf(u)}</bdi>
                          </a>
                        </>
                      ))}
                    </p>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url.slice(0, 40);
  }
}

function FigureList(props: Common & { figures: Linked<Figure>[] }) {
  if (props.figures.length === 0) return <p class="empty">{kt(props.lang, 'none')}</p>;
  return (
    <ul class="knowledge-figures">
      {props.figures.map((f) => {
        const lang = props.articleLang(f.article);
        return (
          <li>
            <strong lang={lang} dir={lang ? dirOf(lang) : 'auto'}>{smartQuotes(f.text, lang ?? props.lang)}</strong>{' '}
            <span lang={lang} dir={lang ? dirOf(lang) : 'auto'}>{f.measure}</span>
            {f.period ? <span class="meta"> · {kt(props.lang, 'period')}: {f.period.split('/').map(props.formatDate).join('–')}</span> : null}{' '}
            <span class="meta">
              ({kt(props.lang, 'inArticle')}{' '}
              <a href={sentenceHref(f.path, f.text, lang ?? props.lang)} lang={lang}>
                <bdi>{smartQuotes(f.title, lang ?? props.lang)}</bdi>
              </a>
              {f.source ? (
                <>
                  {' · '}
                  <a href={f.source} rel="nofollow noopener" class="source">
                    {kt(props.lang, 'source')}: {hostOf(f.source)}
                  </a>
                </>
              ) : null}
              )
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export interface CountryPageProps extends Common {
  country: CountryKnowledge;
  /** The events and figures the page shows (knowledge/reader-events.ts: its language, one per fact). */
  events: PageEvent[];
  figures: Linked<Figure>[];
  /** The country's feeds, announced for autodiscovery. */
  feeds?: FeedLink[];
  relations: { code: string; name: string; path: string; events: number }[];
}

/** @example <CountryPage lang="ar" country={…} relations={[…]} … /> */
export function CountryPage(props: CountryPageProps) {
  const { lang, country } = props;
  const name = lang === 'ar' ? country.names.ar : country.names.en;
  return (
    <Layout lang={lang} title={kt(lang, 'countryTitle', { name })} canonical={props.canonical} alternates={props.alternates} feeds={props.feeds}>
      <header class="page-head">
        <h1>{name}</h1>
        <p class="lede">{kt(lang, 'countryLede', { name })}</p>
      </header>
      <section aria-labelledby="country-articles-h">
        <h2 id="country-articles-h" class="section-title">{kt(lang, 'articles')}</h2>
        <ArticleList lang={lang} articles={country.articles} formatDate={props.formatDate} />
      </section>
      <Timeline {...props} id="country-timeline" events={props.events} />
      <section aria-labelledby="country-figures-h">
        <h2 id="country-figures-h" class="section-title">{kt(lang, 'figures')}</h2>
        <FigureList {...props} figures={props.figures} />
      </section>
      {props.relations.length ? (
        <section aria-labelledby="country-relations-h">
          <h2 id="country-relations-h" class="section-title">{kt(lang, 'relations')}</h2>
          <ul class="knowledge-relations">
            {props.relations.map((r) => (
              <li>
                <a href={r.path}>{kt(lang, 'relationEvents', { name: r.name, n: props.formatNumber(r.events) })}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

export interface RelationPageProps extends Common {
  relation: RelationKnowledge;
  events: PageEvent[];
}

/** @example <RelationPage lang="en" relation={…} … /> */
export function RelationPage(props: RelationPageProps) {
  const { lang, relation } = props;
  const [a, b] = lang === 'ar' ? relation.names.ar : relation.names.en;
  return (
    <Layout lang={lang} title={kt(lang, 'relationTitle', { a, b })} canonical={props.canonical} alternates={props.alternates}>
      <header class="page-head">
        <h1>{kt(lang, 'relationTitle', { a, b })}</h1>
        <p class="lede">{kt(lang, 'relationLede', { a, b })}</p>
      </header>
      <section aria-labelledby="relation-articles-h">
        <h2 id="relation-articles-h" class="section-title">{kt(lang, 'articles')}</h2>
        <ArticleList lang={lang} articles={relation.articles} formatDate={props.formatDate} />
      </section>
      {props.events.length ? (
        <Timeline {...props} id="relation-timeline" events={props.events} />
      ) : (
        <section aria-labelledby="relation-events-h">
          <h2 id="relation-events-h" class="section-title">{kt(lang, 'timeline')}</h2>
          <p class="empty">{kt(lang, 'none')}</p>
        </section>
      )}
    </Layout>
  );
}

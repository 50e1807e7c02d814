/**
 * @module The knowledge pages: a country's page (its analysis, a timeline of events, its figures, the
 * relationships it appears in) and a relationship's page (two states: the articles on both, the events
 * involving both). Every event links to its sentence in the article and to the sources it cites.
 */
import { dirOf } from '../../model/index.ts';
import type { CountryKnowledge, Event, Figure, KnowledgeArticle, RelationKnowledge } from '../../knowledge/index.ts';
import { Layout, type Alternate, type FeedLink } from './layout.tsx';
import { Timeline } from './knowledge-timeline.tsx';

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
    timelineDesc: '{n} dated events from {from} to {to}; the list below gives each with its source.',
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
    timelineDesc: '{n} من الأحداث المؤرخة من {from} إلى {to}؛ تعرضها القائمة أدناه مع مصادرها.',
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
export function sentenceHref(path: string, label: string): string {
  const words = label.replace(/…$/, '').split(/\s+/).filter(Boolean).slice(0, 8).join(' ');
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
            {a.title}
          </a>
          {a.published ? <span class="meta"> · <time datetime={a.published}>{props.formatDate(a.published)}</time></span> : null}
        </li>
      ))}
    </ul>
  );
}

function EventList(props: Common & { events: Linked<Event>[] }) {
  if (props.events.length === 0) return <p class="empty">{kt(props.lang, 'none')}</p>;
  return (
    <ol class="knowledge-events">
      {props.events.map((e) => {
        const lang = props.articleLang(e.article);
        return (
          <li>
            <time datetime={e.date}>{props.formatDate(e.date)}</time>{' '}
            <a href={sentenceHref(e.path, e.label)} lang={lang} dir={lang ? dirOf(lang) : undefined}>
              {e.label}
            </a>{' '}
            <span class="meta">
              ({kt(props.lang, 'inArticle')}{' '}
              <a href={e.path} lang={lang} dir={lang ? dirOf(lang) : undefined}>
                {e.title}
              </a>
              {e.sources.map((u) => (
                <>
                  {' · '}
                  <a href={u} rel="nofollow noopener" class="source">
                    {kt(props.lang, 'source')}: {hostOf(u)}
                  </a>
                </>
              ))}
              )
            </span>
          </li>
        );
      })}
    </ol>
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
            <strong lang={lang} dir={lang ? dirOf(lang) : undefined}>{f.text}</strong>{' '}
            <span lang={lang} dir={lang ? dirOf(lang) : undefined}>{f.measure}</span>
            {f.period ? <span class="meta"> · {kt(props.lang, 'period')}: {f.period.split('/').map(props.formatDate).join('–')}</span> : null}{' '}
            <span class="meta">
              ({kt(props.lang, 'inArticle')}{' '}
              <a href={sentenceHref(f.path, f.text)} lang={lang} dir={lang ? dirOf(lang) : undefined}>
                {f.title}
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

function TimelineSection(props: Common & { id: string; events: Linked<Event>[] }) {
  if (props.events.length === 0) return null;
  const dates = props.events.map((e) => e.date).sort();
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`} class="section-title">{kt(props.lang, 'timeline')}</h2>
      <Timeline
        id={props.id}
        lang={props.lang}
        title={kt(props.lang, 'timeline')}
        description={kt(props.lang, 'timelineDesc', { n: props.events.length, from: props.formatDate(dates[0]), to: props.formatDate(dates[dates.length - 1]) })}
        events={props.events.map((e) => ({ ...e, href: sentenceHref(e.path, e.label) }))}
        formatDate={props.formatDate}
      />
    </section>
  );
}

export interface CountryPageProps extends Common {
  country: CountryKnowledge;
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
      <TimelineSection {...props} id="country-timeline" events={country.events} />
      <section aria-labelledby="country-events-h">
        <h2 id="country-events-h" class="section-title">{kt(lang, 'events')}</h2>
        <EventList {...props} events={country.events} />
      </section>
      <section aria-labelledby="country-figures-h">
        <h2 id="country-figures-h" class="section-title">{kt(lang, 'figures')}</h2>
        <FigureList {...props} figures={country.figures} />
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
      <TimelineSection {...props} id="relation-timeline" events={relation.events} />
      <section aria-labelledby="relation-events-h">
        <h2 id="relation-events-h" class="section-title">{kt(lang, 'events')}</h2>
        <EventList {...props} events={relation.events} />
      </section>
    </Layout>
  );
}

/** @module A topic's or region's page: its articles, newest first, filtered by type and paged. */
import { PUBLICATION_TYPES, typeLabel } from '../../model/index.ts';
import type { ArticleSummary, TermView } from '../../store/index.ts';
import { t } from '../i18n/index.ts';
import { Layout, type Alternate, type FeedLink } from './layout.tsx';
import { Pager } from './pager.tsx';
import { TeaserList } from './teaser.tsx';
import { SubscribeBox } from '../subscribe/index.ts';

export interface ListingPageProps {
  term: TermView;
  canonical: string;
  alternates: Alternate[];
  feeds: FeedLink[];
  type?: string;
  page: number;
  pages: number;
  total: number;
  items: ArticleSummary[];
  /** The country page of a term that names a country ("Regions & Countries" entries keep their own page). */
  country?: { name: string; path: string };
}

const KIND_KEY = { topic: 'listing.topic', region: 'listing.region', country: 'listing.country' } as const;

/** @example <ListingPage term={topic} items={[…]} page={1} pages={3} total={45} … /> */
export function ListingPage(props: ListingPageProps) {
  const { term, page } = props;
  const lang = term.lang;
  return (
    <Layout
      lang={lang}
      title={page > 1 ? `${term.name} (${t(lang, 'pager.page', { n: page, total: props.pages })})` : term.name}
      canonical={props.canonical}
      alternates={props.alternates}
      feeds={props.feeds}
      robots={props.type ? 'noindex, follow' : undefined}
    >
      <header class="page-head">
        <p class="eyebrow">{t(lang, KIND_KEY[term.kind])}</p>
        <h1>{term.name}</h1>
        {props.country ? (
          <p class="country-link">
            <a href={props.country.path}>{t(lang, 'listing.countryPage', { name: props.country.name })}</a>
          </p>
        ) : null}
        <p class="feed-links">
          {props.feeds.map((f) => (
            <a href={f.href}>{t(lang, `feed.${f.kind}`)}</a>
          ))}
        </p>
      </header>
      <form class="filter" method="get" action={term.path}>
        <label>
          {t(lang, 'listing.filter')}
          <select name="type">
            <option value="" selected={!props.type}>
              {t(lang, 'listing.allTypes')}
            </option>
            {PUBLICATION_TYPES.map((type) => (
              <option value={type} selected={props.type === type}>
                {typeLabel(type, lang)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t(lang, 'listing.apply')}</button>
      </form>
      <p class="count" role="status">
        {t(lang, 'listing.count', { n: props.total })}
      </p>
      {props.items.length ? <TeaserList items={props.items} pageLang={lang} headingLevel={2} /> : <p class="empty">{t(lang, 'listing.empty')}</p>}
      <Pager lang={lang} base={term.path} params={{ type: props.type }} page={page} pages={props.pages} />
      {term.kind === 'topic' || term.kind === 'region' ? <SubscribeBox lang={lang} kind={term.kind} target={term.id} name={term.name} /> : null}
    </Layout>
  );
}

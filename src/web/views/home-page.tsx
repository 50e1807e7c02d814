/** @module The home page of one language: the latest analysis, then the newest of each type. */
import type { ArticleSummary } from '../../store/index.ts';
import { smartQuotes } from '../../text/index.ts';
import { t } from '../i18n/index.ts';
import { Layout, type Alternate, type FeedLink } from './layout.tsx';
import { Teaser, TeaserList } from './teaser.tsx';

export interface HomePageProps {
  lang: string;
  canonical: string;
  alternates: Alternate[];
  feeds: FeedLink[];
  latest: ArticleSummary[];
  byType: { type: string; label: string; items: ArticleSummary[]; more: string }[];
  jsonLd?: unknown;
}

/** @example <HomePage lang="ar" latest={[…]} byType={[…]} … /> */
export function HomePage(props: HomePageProps) {
  const { lang, latest } = props;
  const [lead, ...rest] = latest;
  // The lead story with the next two beside it, then the rest in a grid.
  const side = rest.slice(0, 2);
  const more = rest.slice(2);
  return (
    <Layout lang={lang} title={t(lang, 'site.name')} canonical={props.canonical} alternates={props.alternates} feeds={props.feeds} jsonLd={props.jsonLd}>
      <div class="home">
        <header class="page-head home-head">
          <h1>{t(lang, 'home.title')}</h1>
          <p class="lede">{t(lang, 'site.tagline')}</p>
        </header>
        {lead ? (
          <section class="home-latest" aria-labelledby="latest-h">
            <h2 id="latest-h" class="section-title visually-hidden">
              {t(lang, 'home.latest')}
            </h2>
            <div class="home-top">
              <Teaser item={lead} pageLang={lang} lead headingLevel={3} />
              {side.length ? (
                <div class="home-side">
                  {side.map((item) => (
                    <Teaser item={item} pageLang={lang} headingLevel={3} />
                  ))}
                </div>
              ) : null}
            </div>
            {more.length ? <TeaserList items={more} pageLang={lang} headingLevel={3} /> : null}
          </section>
        ) : (
          <p class="empty">{t(lang, 'home.empty')}</p>
        )}
        {props.byType.length ? (
          <section class="home-types" aria-labelledby="types-h">
            <h2 id="types-h" class="section-title">
              {t(lang, 'home.byType')}
            </h2>
            <div class="type-grid">
              {props.byType.map((group) => (
                <section class="type-group" aria-label={group.label}>
                  <h3 class="type-title">{group.label}</h3>
                  <ul class="type-list">
                    {group.items.map((item) => (
                      <li>
                        <a href={item.path}>{smartQuotes(item.title, item.lang)}</a>
                      </li>
                    ))}
                  </ul>
                  <p class="more">
                    <a href={group.more}>{t(lang, 'home.more', { type: group.label })}</a>
                  </p>
                </section>
              ))}
            </div>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}

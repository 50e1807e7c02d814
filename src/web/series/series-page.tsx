/** @module A series' page (PolicyWatch, Policy Notes, …): what it is, its issues in the page's language, newest first, and a box to follow it by e-mail. */
import type { ArticleSummary } from '../../store/index.ts';
import { Layout, type Alternate } from '../views/layout.tsx';
import { Pager } from '../views/pager.tsx';
import { TeaserList } from '../views/teaser.tsx';
import { SubscribeBox } from '../subscribe/index.ts';
import { serT } from './series-i18n.ts';

export interface SeriesPageProps {
  lang: string;
  /** The series as articles carry it (the follow's key). */
  series: string;
  /** Its name in the page's language. */
  title: string;
  path: string;
  canonical: string;
  alternates: Alternate[];
  page: number;
  pages: number;
  total: number;
  items: ArticleSummary[];
}

/** @example <SeriesPage lang="ar" series="PolicyWatch" title="المرصد السياسي" items={[…]} page={1} pages={1} total={3} … /> */
export function SeriesPage(props: SeriesPageProps) {
  const { lang, page } = props;
  return (
    <Layout lang={lang} title={props.title} description={serT(lang, 'lede', { name: props.title })} canonical={props.canonical} alternates={props.alternates}>
      <header class="page-head series-head">
        <p class="kicker">{serT(lang, 'kicker')}</p>
        <h1>{props.title}</h1>
        <p class="lede">{serT(lang, 'lede', { name: props.title })}</p>
      </header>
      <section aria-labelledby="series-articles-h">
        <h2 id="series-articles-h" class="section-title">
          {serT(lang, 'issues', { name: props.title })}
        </h2>
        {props.items.length ? <TeaserList items={props.items} pageLang={lang} headingLevel={3} /> : <p class="empty">{serT(lang, 'none')}</p>}
        <Pager lang={lang} base={props.path} page={page} pages={props.pages} />
      </section>
      <SubscribeBox lang={lang} kind="series" target={props.series} name={props.title} />
    </Layout>
  );
}

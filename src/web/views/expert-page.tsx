/** @module An expert's page: name, title, bio, feed, and their articles (in every language), paged. */
import type { ArticleSummary, ExpertView } from '../../store/index.ts';
import { smartQuotes } from '../../text/index.ts';
import { t } from '../i18n/index.ts';
import { ExpertPhotoImage } from '../media/index.ts';
import { Layout, type Alternate, type FeedLink } from './layout.tsx';
import { Pager } from './pager.tsx';
import { TeaserList } from './teaser.tsx';
import { SubscribeBox } from '../subscribe/index.ts';

export interface ExpertPageProps {
  expert: ExpertView;
  canonical: string;
  alternates: Alternate[];
  feeds: FeedLink[];
  jsonLd: unknown;
  page: number;
  pages: number;
  total: number;
  items: ArticleSummary[];
  /** The expert's photo, when one was given. */
  photo?: { src: string; width: number; height: number };
  /** The absolute address of the page's share image (the photo's), when it has one. */
  shareImage?: string;
}

/** @example <ExpertPage expert={view} items={[…]} page={1} pages={1} total={2} … /> */
export function ExpertPage(props: ExpertPageProps) {
  const { expert, page } = props;
  const lang = expert.lang;
  return (
    <Layout
      lang={lang}
      title={expert.name}
      description={expert.bio || expert.title || undefined}
      canonical={props.canonical}
      alternates={props.alternates}
      feeds={props.feeds}
      jsonLd={props.jsonLd}
      og={{ type: 'profile', image: props.shareImage, imageAlt: props.shareImage ? expert.name : undefined }}
    >
      <header class="page-head expert-head">
        {props.photo ? <ExpertPhotoImage photo={props.photo} name={expert.name} sizes="8rem" class="expert-photo expert-photo-large" eager /> : null}
        <h1>{expert.name}</h1>
        {expert.title ? <p class="expert-title">{expert.title}</p> : null}
        {expert.bio ? <p class="lede bio">{smartQuotes(expert.bio, lang)}</p> : null}
        <p class="feed-links">
          <span>{t(lang, 'expert.feed', { name: expert.name })}:</span>
          {props.feeds.map((f) => (
            <a href={f.href}>{t(lang, `feed.${f.kind}`)}</a>
          ))}
        </p>
      </header>
      <section aria-labelledby="expert-articles-h">
        <h2 id="expert-articles-h" class="section-title">
          {t(lang, 'expert.articles', { name: expert.name })}
        </h2>
        {props.items.length ? <TeaserList items={props.items} pageLang={lang} headingLevel={3} /> : <p class="empty">{t(lang, 'expert.noArticles')}</p>}
        <Pager lang={lang} base={expert.path} page={page} pages={props.pages} />
      </section>
      <SubscribeBox lang={lang} kind="expert" target={expert.id} name={expert.name} />
    </Layout>
  );
}

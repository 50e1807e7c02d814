/**
 * @module The site's index pages: experts A–Z with their titles (and a topic filter), and the lists of
 * topics, regions and countries, each with its count of published articles.
 */
import { Picture } from '../../media/index.ts';
import type { DirectoryEntry, ExpertEntry } from '../../../app/index.ts';
import { t } from '../../i18n/index.ts';
import { Layout, type Alternate } from '../../views/layout.tsx';
import { Pager } from '../../views/pager.tsx';

interface PageFrame {
  lang: string;
  canonical: string;
  alternates: Alternate[];
  base: string;
  page: number;
  pages: number;
}

export interface ExpertsIndexProps extends PageFrame {
  experts: ExpertEntry[];
  total: number;
  topics: DirectoryEntry[];
  topic?: { slug: string; name: string };
  /** An expert's photo address, when one was given. */
  photoOf?: (id: string) => { src: string; width: number; height: number } | undefined;
}

/** The initials of a name, for the circle shown where an expert has no photo. */
function monogram(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    // al-Safi files under S, الصافي under ص: the article is not the initial.
    .map((w) => [...w.replace(/^(?:al-|el-|ال)(?=\p{L}{2})/iu, '')][0].toLocaleUpperCase())
    .join('\u200c'); // a non-joiner: two initials, not an Arabic word
}

/** @example <ExpertsIndex lang="ar" experts={[…]} topics={[…]} … /> */
export function ExpertsIndex(props: ExpertsIndexProps) {
  const { lang, experts } = props;
  const letters = [...new Set(experts.map((e) => e.initial))];
  const title = props.topic ? t(lang, 'index.experts.on', { topic: props.topic.name }) : t(lang, 'index.experts');
  return (
    <Layout lang={lang} title={props.page > 1 ? `${title} (${t(lang, 'pager.page', { n: props.page, total: props.pages })})` : title} canonical={props.canonical} alternates={props.alternates} robots={props.topic ? 'noindex, follow' : undefined}>
      <header class="page-head">
        <h1>{title}</h1>
        <p class="count" role="status">{t(lang, 'index.expertCount', { n: props.total })}</p>
      </header>
      {props.topics.length ? (
        <form class="filter" method="get" action={props.base}>
          <label>
            {t(lang, 'index.filterTopic')}
            <select name="topic">
              <option value="" selected={!props.topic}>{t(lang, 'index.allTopics')}</option>
              {props.topics.map((tp) => {
                const slug = tp.path.split('/').pop()!;
                return <option value={slug} selected={props.topic?.slug === slug}>{tp.name}</option>;
              })}
            </select>
          </label>
          <button type="submit">{t(lang, 'listing.apply')}</button>
        </form>
      ) : null}
      {letters.length > 1 ? (
        <nav class="az" aria-label={t(lang, 'index.letters')}>
          {letters.map((l) => <a href={`#letter-${encodeURIComponent(l)}`}>{l}</a>)}
        </nav>
      ) : null}
      {experts.length ? (
        letters.map((l) => (
          <section class="az-group" aria-labelledby={`letter-${l}`}>
            <h2 class="az-letter" id={`letter-${l}`}>{l}</h2>
            <ul class="expert-grid">
              {experts.filter((e) => e.initial === l).map((e, i) => {
                const photo = props.photoOf?.(e.id);
                return (
                  <li class="expert-card">
                    {photo ? (
                      // The name follows as a link: the photo adds nothing a screen reader should say twice.
                      <Picture src={photo.src} alt="" width={photo.width} height={photo.height} sizes="4.5rem" imgClass="expert-photo" class="expert-picture" eager={i <= 8} />
                    ) : (
                      <span class="expert-photo expert-monogram" aria-hidden="true">{monogram(e.name)}</span>
                    )}
                    <span class="expert-text">
                      <a class="expert-name" href={e.path}>{e.name}</a>
                      {e.title ? <span class="expert-title">{e.title}</span> : null}
                      {e.articles ? <span class="expert-count">{t(lang, 'index.articles', { n: e.articles })}</span> : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      ) : (
        <p class="empty">{t(lang, 'listing.empty')}</p>
      )}
      <Pager lang={lang} base={props.base} params={{ topic: props.topic?.slug }} page={props.page} pages={props.pages} />
    </Layout>
  );
}

export interface TermsIndexProps extends PageFrame {
  kind: 'topics' | 'regions' | 'countries';
  entries: DirectoryEntry[];
  total: number;
}

const TITLE = { topics: 'index.topics', regions: 'index.regions', countries: 'index.countries' } as const;

/** @example <TermsIndex lang="en" kind="topics" entries={[…]} … /> */
export function TermsIndex(props: TermsIndexProps) {
  const { lang } = props;
  const title = t(lang, TITLE[props.kind]);
  return (
    <Layout lang={lang} title={props.page > 1 ? `${title} (${t(lang, 'pager.page', { n: props.page, total: props.pages })})` : title} canonical={props.canonical} alternates={props.alternates}>
      <header class="page-head">
        <h1>{title}</h1>
        <p class="count" role="status">{t(lang, 'listing.count', { n: props.total })}</p>
      </header>
      {props.entries.length ? (
        <ul class="term-index">
          {props.entries.map((e) => (
            <li>
              <a href={e.path}>{e.name}</a> <span class="term-count">{t(lang, 'index.articles', { n: e.articles })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t(lang, 'listing.empty')}</p>
      )}
      <Pager lang={lang} base={props.base} page={props.page} pages={props.pages} />
    </Layout>
  );
}

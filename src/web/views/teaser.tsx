/** @module One article in a listing: type, title, summary, authors, date. */
import { dirOf, seriesName } from '../../model/index.ts';
import type { ArticleSummary } from '../../store/index.ts';
import { smartQuotes } from '../../text/index.ts';
import { DateTime } from './date-time.tsx';
import { Picture } from '../media/index.ts';

/**
 * The type label, or the series with its number where there is one, in the item's language:
 * "PolicyWatch 3740", "المرصد السياسي 3740".
 */
export function kicker(a: { lang?: string; typeLabel: string; series: { name: string; number: number } | null }): string {
  return a.series ? `${a.lang ? seriesName(a.series.name, a.lang) : a.series.name} ${a.series.number}` : a.typeLabel;
}

/**
 * A teaser. Written in the article's own language, which may differ from the page's.
 *
 * @example <Teaser item={summary} pageLang="en" />
 */
export function Teaser(props: { item: ArticleSummary; pageLang: string; headingLevel?: 2 | 3; lead?: boolean }) {
  const { item } = props;
  const other = item.lang !== props.pageLang;
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class={props.lead ? 'teaser teaser-lead' : 'teaser'} lang={other ? item.lang : undefined} dir={other ? dirOf(item.lang) : undefined}>
      {item.image ? (
        <a class="teaser-image" href={item.path} tabindex={-1} aria-hidden="true">
          <Picture src={item.image.src} alt="" width={item.image.width} height={item.image.height} sizes={props.lead ? '(min-width: 60rem) 40rem, 100vw' : '(min-width: 60rem) 20rem, 100vw'} eager={props.lead} />
        </a>
      ) : null}
      <p class="kicker">{kicker(item)}</p>
      <H class="teaser-title">
        <a href={item.path}>{smartQuotes(item.title, item.lang)}</a>
      </H>
      {item.summary ? <p class="teaser-summary">{smartQuotes(item.summary, item.lang)}</p> : null}
      <p class="teaser-meta">
        {item.authors.map((a, i) => (
          <>
            {i > 0 ? <span class="sep">{item.lang === 'ar' ? '، ' : ', '}</span> : null}
            <a href={a.path}>{a.name}</a>
          </>
        ))}
        {item.authors.length && item.published ? <span class="dot" aria-hidden="true">{' ·\u00A0'}</span> : null}
        <DateTime date={item.published} lang={item.lang} />
      </p>
    </article>
  );
}

/** A list of teasers. */
export function TeaserList(props: { items: ArticleSummary[]; pageLang: string; headingLevel?: 2 | 3 }) {
  return (
    <div class="teasers">
      {props.items.map((item) => (
        <Teaser item={item} pageLang={props.pageLang} headingLevel={props.headingLevel} />
      ))}
    </div>
  );
}

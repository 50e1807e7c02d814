/** @module A date inside `<time datetime>`, written as the site writes dates in the page's language. */
import { formatSiteDate } from '../i18n/index.ts';

/**
 * The parts of a date are joined by no-break spaces (and the stylesheet keeps `time` on one line): a
 * byline that wraps must not leave the year alone on the next line.
 *
 * @example <DateTime date="2023-05-18" lang="ar" /> // → <time datetime="2023-05-18">18&nbsp;أيار/مايو&nbsp;2023</time>
 */
export function DateTime(props: { date: string | null | undefined; lang: string; class?: string }) {
  if (!props.date) return null;
  return (
    <time datetime={props.date} class={props.class}>
      {formatSiteDate(props.date, props.lang).replace(/ /g, '\u00A0')}
    </time>
  );
}

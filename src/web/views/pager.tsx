/**
 * @module Newest / newer / older / oldest links for a paged listing; keeps the other query parameters.
 * The first and the last page are always one step away (an archive of hundreds of pages is not read by
 * "older" alone), and a `mizan build` finds every page of a listing from the link to its last one.
 */
import { t } from '../i18n/index.ts';

/** The address of page `n` of `base` with `params` (page 1 has no `page` parameter; `page` comes last). */
export function pageHref(base: string, params: Record<string, string | undefined>, n: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  if (n > 1) q.set('page', String(n));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

/** @example <Pager lang="ar" base="/ar/policy-analysis/x" params={{ type }} page={2} pages={5} /> */
export function Pager(props: { lang: string; base: string; params?: Record<string, string | undefined>; page: number; pages: number }) {
  const { lang, page, pages } = props;
  if (pages <= 1) return null;
  const params = props.params ?? {};
  const href = (n: number) => pageHref(props.base, params, n);
  return (
    <nav class="pager" aria-label={t(lang, 'pager.label')}>
      <span class="pager-newer">
        {page > 2 ? (
          <a class="pager-first" href={href(1)}>
            {t(lang, 'pager.first')}
          </a>
        ) : null}
        {page > 1 ? (
          <a class="pager-prev" rel="prev" href={href(page - 1)}>
            {t(lang, 'pager.prev')}
          </a>
        ) : null}
      </span>
      <span class="pager-status">{t(lang, 'pager.page', { n: page, total: pages })}</span>
      <span class="pager-older">
        {page < pages ? (
          <a class="pager-next" rel="next" href={href(page + 1)}>
            {t(lang, 'pager.next')}
          </a>
        ) : null}
        {page < pages - 1 ? (
          <a class="pager-last" href={href(pages)}>
            {t(lang, 'pager.last')}
          </a>
        ) : null}
      </span>
    </nav>
  );
}

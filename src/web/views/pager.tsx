/** @module Newer / older links for a paged listing; keeps the other query parameters. */
import { t } from '../i18n/index.ts';

/** The address of page `n` of `base` with `params` (page 1 has no `page` parameter). */
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
  return (
    <nav class="pager" aria-label={t(lang, 'pager.label')}>
      {page > 1 ? (
        <a class="pager-prev" rel="prev" href={pageHref(props.base, params, page - 1)}>
          {t(lang, 'pager.prev')}
        </a>
      ) : (
        <span />
      )}
      <span class="pager-status">{t(lang, 'pager.page', { n: page, total: pages })}</span>
      {page < pages ? (
        <a class="pager-next" rel="next" href={pageHref(props.base, params, page + 1)}>
          {t(lang, 'pager.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

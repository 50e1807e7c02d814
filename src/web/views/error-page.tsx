/** @module The 4xx and 5xx pages, in the language of the address that was asked for. */
import { homePath, langInfo } from '../../model/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { Layout } from './layout.tsx';

const KNOWN = new Set([400, 404, 405, 413, 414, 422, 500, 503]);

/** The catalog keys of a status's title and text: unknown 4xx read as 400, unknown 5xx as 500. */
export function errorKeys(status: number): { title: MessageKey; body: MessageKey } {
  const s = KNOWN.has(status) ? status : status >= 500 ? 500 : status === 404 || status === 410 ? 404 : 400;
  return { title: `error.${s}.title` as MessageKey, body: `error.${s}.body` as MessageKey };
}

/**
 * An error page.
 *
 * @example <ErrorPage lang="ar" status={404} /> // → a page titled 'الصفحة غير موجودة'
 */
export function ErrorPage(props: { lang: string; status: number }) {
  const { lang, status } = props;
  const keys = errorKeys(status);
  return (
    <Layout lang={lang} title={t(lang, keys.title)} robots="noindex">
      <section class="error-page">
        <p class="error-status" aria-hidden="true">
          {status}
        </p>
        <h1>{t(lang, keys.title)}</h1>
        <p class="lede">{t(lang, keys.body)}</p>
        <p class="error-links">
          <a href={homePath(lang)}>{t(lang, 'error.home')}</a>
          <span aria-hidden="true"> · </span>
          <a href={`${langInfo(lang).prefix}/search`}>{t(lang, 'error.search')}</a>
        </p>
      </section>
    </Layout>
  );
}

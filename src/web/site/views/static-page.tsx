/**
 * @module A static page of the institute (About, Contact, Support…): title, lede and body, with its
 * translations, and none of an analysis' apparatus (no byline, date, sources or share links).
 */
import type { Article } from '../../../model/index.ts';
import { dirOf } from '../../../model/index.ts';
import { smartQuotes } from '../../../text/index.ts';
import { langName, t } from '../../i18n/index.ts';
import { BodyBlocks } from '../../views/body-blocks.tsx';
import { Layout, type Alternate } from '../../views/layout.tsx';

export interface StaticPageProps {
  page: Article;
  canonical: string;
  alternates: Alternate[];
  jsonLd: unknown;
  shareImage: string;
}

/** @example <StaticPage page={about} canonical="https://…/about" alternates={[…]} jsonLd={…} /> */
export function StaticPage(props: StaticPageProps) {
  const { page: p } = props;
  const lang = p.lang;
  const translations = p.translations.filter((tr) => tr.exists);
  return (
    <Layout lang={lang} title={smartQuotes(p.title, lang)} description={p.summary ? smartQuotes(p.summary, lang) : undefined} canonical={props.canonical} alternates={props.alternates} jsonLd={props.jsonLd} og={{ image: props.shareImage }}>
      <article class="article static-page" aria-labelledby="page-title">
        <header class="article-head">
          <h1 id="page-title">{smartQuotes(p.title, lang)}</h1>
          {p.summary ? <p class="lede">{smartQuotes(p.summary, lang)}</p> : null}
          {translations.length ? (
            <p class="translations">
              {t(lang, 'article.alsoIn')}:{' '}
              {translations.map((tr, i) => (
                <>
                  {i > 0 ? t(lang, 'article.comma') : ''}
                  <a href={tr.path} hreflang={tr.lang} lang={tr.lang} dir={dirOf(tr.lang)} rel="alternate">
                    {langName(tr.lang, tr.lang)}
                  </a>
                </>
              ))}
            </p>
          ) : null}
        </header>
        <div class="article-body">
          <BodyBlocks blocks={p.body} lang={lang} />
        </div>
      </article>
    </Layout>
  );
}

/**
 * @module The article page: kicker, title, summary, byline, date, translations, body, then sources, the
 * authors' note, topics and regions, three recommended items and share links (plain links, no trackers).
 */
import { smartQuotes } from '../../text/index.ts';
import { ExpertPhotoImage } from '../media/index.ts';
import type { Article } from '../../model/index.ts';
import { dirOf } from '../../model/index.ts';
import { langName, t, type MessageKey } from '../i18n/index.ts';
import { articleFragments } from './article-fragments.tsx';
import { CiteBox } from './knowledge-cite-box.tsx';
import { DateTime } from './date-time.tsx';
import { Layout, type Alternate, type FeedLink } from './layout.tsx';
import { kicker } from './teaser.tsx';
import { seriesPath } from '../series/index.ts';
import { Picture, variantSrc } from '../media/index.ts';
import { AttachmentList } from './attachment-list.tsx';

export interface Recommendation {
  title: string;
  lang: string;
  path: string | null;
  label: string;
  authors: string[];
}

export interface ArticlePageProps {
  article: Article;
  canonical: string;
  alternates: Alternate[];
  recommended: Recommendation[];
  jsonLd: unknown;
  feeds?: FeedLink[];
  /** Absolute address of the share image when the article has none of its own (its generated card). */
  shareImage?: string;
  /** The authors' photos, by expert slug (authors without one show none). */
  authorPhotos?: Map<string, { src: string; width: number; height: number }>;
}

function shareLinks(url: string, title: string): { key: MessageKey; href: string }[] {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  return [
    { key: 'article.share.email', href: `mailto:?subject=${text}&body=${u}` },
    { key: 'article.share.x', href: `https://x.com/intent/post?text=${text}&url=${u}` },
    { key: 'article.share.facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { key: 'article.share.linkedin', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { key: 'article.share.whatsapp', href: `https://wa.me/?text=${text}%20${u}` },
  ];
}

function Byline(props: { article: Article; photos?: ArticlePageProps['authorPhotos'] }) {
  const { article: a } = props;
  const faces = a.authors.filter((x) => props.photos?.has(x.slug));
  const lang = a.lang;
  if (a.authors.length === 0) return null;
  return (
    <p class="byline">
      {faces.length ? (
        <span class="byline-photos">
          {faces.map((x) => (
            <ExpertPhotoImage photo={props.photos!.get(x.slug)!} name={x.name} sizes="2.75rem" class="expert-photo byline-photo" eager />
          ))}
        </span>
      ) : null}
      {t(lang, 'article.by')}{' '}
      {a.authors.map((author, i) => (
        <>
          {i === 0 ? '' : i === a.authors.length - 1 ? t(lang, 'article.and') : t(lang, 'article.comma')}
          <a href={author.path} rel="author">
            {author.name}
          </a>
        </>
      ))}
    </p>
  );
}

/** @example <ArticlePage article={a} canonical="https://…" alternates={[…]} recommended={[…]} jsonLd={…} /> */
export function ArticlePage(props: ArticlePageProps) {
  const { article: a, canonical } = props;
  const lang = a.lang;
  const translations = a.translations.filter((tr) => tr.exists);
  const tags = [
    { key: 'article.topics' as const, terms: a.topics },
    { key: 'article.regions' as const, terms: a.regions },
    { key: 'article.countries' as const, terms: a.countries.map((c) => ({ slug: c.code, name: c.name, path: c.path })) },
  ].filter((g) => g.terms.length > 0);
  const fragments = articleFragments(a);
  return (
    <Layout
      lang={lang}
      title={smartQuotes(a.title, lang)}
      description={a.summary ? smartQuotes(a.summary, lang) : undefined}
      canonical={canonical}
      alternates={props.alternates}
      jsonLd={props.jsonLd}
      feeds={props.feeds}
      og={{
        type: 'article',
        published: a.published,
        modified: a.updated,
        authors: a.authors.map((x) => x.name),
        section: a.typeLabel,
        tags: a.topics.map((x) => x.name),
        image: props.shareImage ?? (a.image ? new URL(variantSrc(a.image.src, a.image.width, 1200), canonical).href : undefined),
        imageAlt: a.image?.alt || undefined,
      }}
    >
      <article class="article" aria-labelledby="article-title">
        <header class="article-head">
          <p class="kicker">
            {a.series ? (
              // The series links to its page, where a reader can follow it.
              <>
                {kicker(a) !== a.typeLabel && !kicker(a).startsWith(a.typeLabel + ' ') ? `${a.typeLabel} · ` : ''}
                <a href={seriesPath(a.series.name, a.lang)}>{kicker(a)}</a>
              </>
            ) : (
              kicker(a)
            )}
          </p>
          <h1 id="article-title">{smartQuotes(a.title, lang)}</h1>
          {a.summary ? <p class="lede">{smartQuotes(a.summary, lang)}</p> : null}
          <Byline article={a} photos={props.authorPhotos} />
          {a.published || a.updated ? (
            <p class="dateline">
              {a.published ? <DateTime date={a.published} lang={lang} /> : null}
              {a.updated && a.updated !== a.published ? (
                <span>
                  {t(lang, 'article.updated')} <DateTime date={a.updated} lang={lang} />
                </span>
              ) : null}
            </p>
          ) : null}
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
          <p class="pdf-link">
            <a href={`${a.path}.pdf`} type="application/pdf" download>
              {t(lang, 'article.pdf')}
            </a>
          </p>
        </header>
        {a.image ? (
          <figure class="article-image">
            <Picture src={a.image.src} alt={a.image.alt} width={a.image.width} height={a.image.height} sizes="(min-width: 48rem) 44rem, 100vw" eager />
          </figure>
        ) : null}
        <div class="article-body">
          {fragments.body}
        </div>
        <AttachmentList attachments={a.attachments} lang={lang} />
      </article>
      <div class="article-foot">
        {fragments.sources}
        {a.authors.some((x) => x.bio) ? (
          <section aria-labelledby="authors-h">
            <h2 id="authors-h" class="section-title">
              {t(lang, a.authors.length > 1 ? 'article.aboutAuthors' : 'article.aboutAuthor')}
            </h2>
            <div class="authors-note">
              {a.authors.map((author) => (
                <div class="author-card">
                  {props.authorPhotos?.has(author.slug) ? <ExpertPhotoImage photo={props.authorPhotos.get(author.slug)!} name={author.name} sizes="4.5rem" /> : null}
                  <h3>
                    <a href={author.path}>{author.name}</a>
                  </h3>
                  {author.title ? <p class="author-title">{author.title}</p> : null}
                  {author.bio ? <p>{smartQuotes(author.bio, lang)}</p> : null}
                </div>
              ))}
            </div>
          </section>
        ) : null}
        {tags.length ? (
          <section aria-labelledby="tags-h">
            <h2 id="tags-h" class="visually-hidden">
              {tags.map((g) => t(lang, g.key)).join(' · ')}
            </h2>
            <div class="tag-groups">
              {tags.map((g) => (
                <div>
                  <h3>{t(lang, g.key)}</h3>
                  <ul class="tags">
                    {g.terms.map((term) => (
                      <li>
                        <a href={term.path}>{term.name}</a>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </section>
        ) : null}
        {props.recommended.length ? (
          <section class="recommended-section" aria-labelledby="rec-h">
            <h2 id="rec-h" class="section-title">
              {t(lang, 'article.recommended')}
            </h2>
            <ul class="recommended">
              {props.recommended.map((r) => {
                const other = r.lang !== lang;
                return (
                  <li lang={other ? r.lang : undefined} dir={other ? dirOf(r.lang) : undefined}>
                    {r.label ? <p class="kicker">{r.label}</p> : null}
                    <h3 class="rec-title">{r.path ? <a href={r.path}>{smartQuotes(r.title, lang)}</a> : smartQuotes(r.title, lang)}</h3>
                    {r.authors.length ? <p class="rec-meta">{r.authors.join(r.lang === 'ar' ? '، ' : ', ')}</p> : null}
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        <section class="share-section" aria-labelledby="share-h">
          <h2 id="share-h" class="section-title">
            {t(lang, 'article.share')}
          </h2>
          <ul class="share">
            {shareLinks(canonical, a.title).map((s) => (
              <li>
                <a href={s.href} rel="noopener noreferrer nofollow">
                  {t(lang, s.key)}
                </a>
              </li>
            ))}
          </ul>
          <CiteBox id={a.id} lang={lang} />
        </section>
      </div>
    </Layout>
  );
}

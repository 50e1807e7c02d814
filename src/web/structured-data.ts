/**
 * @module JSON-LD for articles and experts (schema.org), with absolute URLs on the public origin.
 */
import type { Article } from '../model/index.ts';
import type { ExpertView } from '../store/index.ts';
import { iconPath } from './assets.ts';
import { t } from './i18n/index.ts';

/** A date as a full ISO 8601 date-time (search engines read a bare date as midnight in an unknown zone). */
function dateTime(d: string | null | undefined): string | undefined {
  if (!d) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00+00:00` : d;
}

/** The article's image address where the document carries one (`image: { src }` or a first image block). */
function imageOf(a: Article): string | undefined {
  const own = (a as Article & { image?: { src?: string } | null }).image?.src;
  if (own && /^https?:\/\//.test(own)) return own;
  const block = a.body.find((b) => b.kind === 'image');
  return block && block.kind === 'image' && /^https?:\/\//.test(block.src) ? block.src : undefined;
}

/**
 * An Article with its authors as Persons, its language, dates, and the series it is part of.
 *
 * @example articleJsonLd(article, (p) => 'https://x.org' + p) // → { '@type': 'Article', headline: …, isPartOf: { '@type': 'CreativeWorkSeries', … } }
 */
export function articleJsonLd(a: Article, abs: (path: string) => string): Record<string, unknown> {
  const translations = a.translations.filter((tr) => tr.exists);
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': abs(a.path),
    url: abs(a.path),
    mainEntityOfPage: abs(a.path),
    headline: a.title.length > 110 ? a.title.slice(0, 109) + '…' : a.title,
    name: a.title,
    description: a.summary || undefined,
    inLanguage: a.lang,
    genre: a.typeLabel,
    datePublished: dateTime(a.published),
    dateModified: dateTime(a.updated ?? a.published),
    // The article's own picture where it has one, else the institute's mark: search engines want an image.
    image: [imageOf(a) ?? abs(iconPath())],
    author: a.authors.map((x) => ({ '@type': 'Person', name: x.name, url: abs(x.path), jobTitle: x.title ?? undefined })),
    publisher: { '@type': 'Organization', name: t(a.lang, 'site.name'), url: abs('/') },
    isPartOf: a.series
      ? { '@type': 'CreativeWorkSeries', name: a.series.name }
      : undefined,
    position: a.series ? a.series.number : undefined,
    about: [...a.topics, ...a.regions].map((x) => ({ '@type': 'Thing', name: x.name, url: abs(x.path) })),
    workTranslation: translations.length ? translations.map((tr) => ({ '@type': 'Article', '@id': abs(tr.path), inLanguage: tr.lang })) : undefined,
    // An address the importer found cut short leads nowhere: it is not cited to machines either.
    citation: a.sources.some((s) => !s.truncated) ? a.sources.filter((s) => !s.truncated).map((s) => s.url) : undefined,
  };
}

/** A ProfilePage about a Person. */
export function expertJsonLd(e: ExpertView, abs: (path: string) => string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: abs(e.path),
    inLanguage: e.lang,
    mainEntity: {
      '@type': 'Person',
      name: e.name,
      jobTitle: e.title ?? undefined,
      description: e.bio || undefined,
      url: abs(e.path),
      sameAs: e.alternates.filter((x) => x.lang !== e.lang).map((x) => abs(x.path)),
    },
  };
}

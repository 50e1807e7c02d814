/**
 * @module The page frame every HTML page shares: the head (title, description, canonical, hreflang
 * alternates, OpenGraph and Twitter cards, JSON-LD, feeds), the header with the language switch, and the
 * footer. `<html lang dir>` follows the page's language, so RTL pages mirror through logical CSS alone.
 */
import type { Child, HtmlString } from '../jsx/html-string.ts';
import { escapeHtml, raw } from '../jsx/html-string.ts';
import { hreflangs } from '../hreflang.ts';
import { DEFAULT_LANG, LANGS, dirOf, homePath, langInfo } from '../../model/index.ts';
import { iconPath, preloadFonts, stylesheetPath } from '../assets.ts';
import { t } from '../i18n/index.ts';
import { currentSite, identityAssets, isCurrent, logoPath, siteMenu } from '../site/index.ts';

export interface Alternate {
  lang: string;
  href: string;
}

export interface FeedLink {
  title: string;
  href: string;
  kind: 'rss' | 'atom' | 'json';
}

export interface OpenGraph {
  type?: 'website' | 'article' | 'profile';
  published?: string | null;
  modified?: string | null;
  authors?: string[];
  section?: string;
  tags?: string[];
  /** Absolute address of the page's share image (its own, or its generated card). */
  image?: string;
  imageAlt?: string;
}

export interface LayoutProps {
  /** The page's language: sets `<html lang dir>` and the interface strings. */
  lang: string;
  title: string;
  description?: string;
  /** Absolute URL of this page. */
  canonical?: string;
  /** Absolute URLs of this page in other languages (this page's own language may be included). */
  alternates?: Alternate[];
  /** Structured data, written as one `application/ld+json` block (not executed, so the CSP allows it). */
  jsonLd?: unknown;
  og?: OpenGraph;
  feeds?: FeedLink[];
  /** Robots directive, e.g. 'noindex' on error pages. */
  robots?: string;
  children?: Child;
}

const FEED_TYPES = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' } as const;

/** JSON for a `<script>` data block: `<` escaped so no string inside can close the element. */
export function jsonForScript(data: unknown): string {
  const json = JSON.stringify(data);
  return json.includes('<') ? json.replace(/</g, '\\u003c') : json;
}

const OG_LOCALE: Record<string, string> = { ar: 'ar_AR', en: 'en_US' };

const esc = escapeHtml;

/** ` name="value"`, the value escaped; '' for an undefined value. */
function at(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${esc(value)}"`;
}

function meta(name: string, content: string): string {
  return `<meta name="${name}" content="${esc(content)}"/>`;
}

function property(name: string, content: string): string {
  return `<meta property="${name}" content="${esc(content)}"/>`;
}

/** What every page's head opens with. */
const HEAD_START = '<meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><meta name="color-scheme" content="light dark"/>';

/**
 * The `<head>` contents as a string: a flat list of void elements, written directly because a page's
 * head is a good part of its rendering (dozens of tags), and strings cost less than JSX here.
 */
function headHtml(props: LayoutProps): string {
  const { lang, title } = props;
  const siteName = t(lang, 'site.name');
  const fullTitle = title === siteName ? siteName : `${title} | ${siteName}`;
  const description = props.description || t(lang, 'site.description');
  const alternates = props.alternates ?? [];
  // A page with an address names itself among its alternates, with an x-default (hreflang.ts).
  const links = props.canonical ? hreflangs(lang, alternates.find((a) => a.lang === lang)?.href ?? props.canonical, alternates, currentSite().defaultLanguage) : [];
  const og = props.og ?? {};
  let h = HEAD_START + `<title>${esc(fullTitle)}</title>` + meta('description', description);
  if (props.robots) h += meta('robots', props.robots);
  if (props.canonical) h += `<link rel="canonical" href="${esc(props.canonical)}"/>`;
  for (const a of links) h += `<link rel="alternate" hreflang="${esc(a.lang)}" href="${esc(a.href)}"/>`;
  for (const href of preloadFonts(lang)) h += `<link rel="preload" href="${esc(href)}" as="font" type="font/woff2" crossorigin="anonymous"/>`;
  const site = currentSite();
  const { theme, logo } = identityAssets(site);
  h += `<link rel="stylesheet" href="${esc(stylesheetPath())}"/>`;
  if (theme) h += `<link rel="stylesheet" href="${esc(theme.path)}"/>`;
  h += `<link rel="icon" href="${esc(logo?.path ?? iconPath())}" type="${esc(logo?.type ?? 'image/svg+xml')}"/>`;
  for (const f of props.feeds ?? []) h += `<link rel="alternate" type="${FEED_TYPES[f.kind]}"${at('title', f.title)}${at('href', f.href)}/>`;
  h += property('og:site_name', siteName);
  h += property('og:type', og.type ?? 'website');
  h += property('og:title', title);
  h += property('og:description', description);
  h += property('og:locale', OG_LOCALE[lang] ?? lang);
  for (const a of alternates) if (a.lang !== lang) h += property('og:locale:alternate', OG_LOCALE[a.lang] ?? a.lang);
  if (props.canonical) h += property('og:url', props.canonical);
  if (og.published) h += property('article:published_time', og.published);
  if (og.modified) h += property('article:modified_time', og.modified);
  for (const a of og.authors ?? []) h += property('article:author', a);
  if (og.section) h += property('article:section', og.section);
  for (const tg of og.tags ?? []) h += property('article:tag', tg);
  // Every page has a share image: its own, else the site's card (rendered with its name and tagline).
  const image = og.image ?? (props.canonical ? new URL(`/cards/site-${lang}.png`, props.canonical).href : undefined);
  if (image) {
    h += property('og:image', image);
    if (og.imageAlt) h += property('og:image:alt', og.imageAlt);
  }
  h += meta('twitter:card', image ? 'summary_large_image' : 'summary') + meta('twitter:title', title) + meta('twitter:description', description);
  if (image) h += meta('twitter:image', image);
  if (props.jsonLd) h += `<script type="application/ld+json">${jsonForScript(props.jsonLd)}</script>`;
  return h;
}

/**
 * The frame of every page.
 *
 * @example <Layout lang="ar" title="…" canonical="https://x.org/ar/">…</Layout>
 */
export function Layout(props: LayoutProps) {
  const { lang, title } = props;
  const dir = dirOf(lang);
  const siteName = t(lang, 'site.name');
  const alternates = props.alternates ?? [];
  const site = currentSite();
  const switchTo = Object.values(LANGS)
    .filter((l) => l.code !== lang && site.languages.includes(l.code))
    .map((l) => ({ lang: l.code, name: l.name, href: alternates.find((a) => a.lang === l.code)?.href ?? homePath(l.code) }));
  return (
    <html lang={lang} dir={dir}>
      <head>{raw(headHtml(props))}</head>
      <body>
        <a class="skip" href="#main">
          {t(lang, 'nav.skip')}
        </a>
        <header class="masthead">
          <div class="masthead-inner">
            <a class="brand" href={homePath(lang)} rel="home">
              <img class="brand-mark" src={logoPath(site)} alt="" width="36" height="36" />
              <span class="brand-name">{siteName}</span>
            </a>
            <nav class="site-nav" aria-label={t(lang, 'nav.main')}>
              <MainMenu lang={lang} />
              {switchTo.map((s) => (
                <a class="lang-switch" href={s.href} hreflang={s.lang} lang={s.lang} dir={dirOf(s.lang)}>
                  {s.name}
                </a>
              ))}
            </nav>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="footer-inner">
            <p class="footer-tagline">
              <strong>{siteName}</strong> · {t(lang, 'site.tagline')}
            </p>
            <SiteFooter lang={lang} />
            {/* One word for readers: the subscribe page offers e-mail and explains the feeds (RSS, Atom, JSON Feed). */}
            <p class="footer-links">
              <a href={`${langInfo(lang).prefix}/subscribe`}>{t(lang, 'feed.subscribe')}</a> · <a href="/api/openapi.json">{t(lang, 'footer.api')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A menu link, marked `aria-current` when the request is in its section. */
function MenuLink(props: { href: string; label: string }) {
  const current = isCurrent(props.href);
  return (
    <a href={props.href} aria-current={current ? 'page' : undefined} class={current ? 'current' : undefined}>
      {props.label}
    </a>
  );
}

/** The configured main menu, or Home and Search when the configuration gives none for this language. */
function MainMenu(props: { lang: string }) {
  const { lang } = props;
  const items = siteMenu(lang, 'main');
  const shown = items.length ? items : [
    { href: homePath(lang), label: t(lang, 'nav.home') },
    { href: `${langInfo(lang).prefix}/search`, label: t(lang, 'nav.search') },
  ];
  return <>{shown.map((i) => <MenuLink href={i.href} label={i.label} />)}</>;
}

/** The footer's own parts from the configuration: its text, menu, contact and social profiles. */
function SiteFooter(props: { lang: string }) {
  const { lang } = props;
  const site = currentSite();
  const menu = siteMenu(lang, 'footer');
  const text = site.footer.text[lang];
  const address = site.contact.address[lang];
  const hasContact = Boolean(site.contact.email || site.contact.phone || address);
  return (
    <>
      {menu.length ? (
        <nav class="footer-menu" aria-label={t(lang, 'site.footerMenu')}>
          {menu.map((i) => <MenuLink href={i.href} label={i.label} />)}
        </nav>
      ) : null}
      {hasContact ? (
        <address class="footer-contact">
          {address ? <span>{address}</span> : null}
          {site.contact.email ? <a href={`mailto:${site.contact.email}`} dir="ltr">{site.contact.email}</a> : null}
          {site.contact.phone ? <a href={`tel:${site.contact.phone.replace(/[^+\d]/g, '')}`} dir="ltr">{site.contact.phone}</a> : null}
        </address>
      ) : null}
      {site.social.length ? (
        <p class="footer-social">
          <span>{t(lang, 'site.follow')}:</span>{' '}
          {site.social.map((s) => (
            <a href={s.url} rel="me noopener">{t(lang, `site.social.${s.network}` as 'site.social.other')}</a>
          ))}
        </p>
      ) : null}
      {text ? <p class="footer-text">{text}</p> : null}
    </>
  );
}

/**
 * A complete HTML document as a string, ready to send (and to cache and hash).
 *
 * @example await renderPage(<Layout lang="en" title="Home">…</Layout>) // → '<!doctype html><html lang="en" dir="ltr">…'
 */
export async function renderPage(node: HtmlString): Promise<string> {
  return '<!doctype html>' + node.value;
}

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

/** One void element with escaped attribute values; undefined values are left out. */
function tag(name: string, attrs: Record<string, string | undefined>): string {
  let out = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out += ` ${k}="${esc(v)}"`;
  return out + '/>';
}

/**
 * The `<head>` contents as a string: a flat list of void elements, cheaper written directly than as JSX
 * (it was written so when Hono's JSX gave `<meta>`, `<link>` and `<title>` a costly hoisting treatment).
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
  const h: string[] = [
    tag('meta', { charset: 'utf-8' }),
    tag('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    tag('meta', { name: 'color-scheme', content: 'light dark' }),
    `<title>${esc(fullTitle)}</title>`,
    tag('meta', { name: 'description', content: description }),
  ];
  if (props.robots) h.push(tag('meta', { name: 'robots', content: props.robots }));
  if (props.canonical) h.push(tag('link', { rel: 'canonical', href: props.canonical }));
  for (const a of links) h.push(tag('link', { rel: 'alternate', hreflang: a.lang, href: a.href }));
  for (const href of preloadFonts(lang)) h.push(tag('link', { rel: 'preload', href, as: 'font', type: 'font/woff2', crossorigin: 'anonymous' }));
  const site = currentSite();
  const theme = identityAssets(site).theme;
  h.push(tag('link', { rel: 'stylesheet', href: stylesheetPath() }));
  if (theme) h.push(tag('link', { rel: 'stylesheet', href: theme.path }));
  const logo = identityAssets(site).logo;
  h.push(tag('link', { rel: 'icon', href: logo?.path ?? iconPath(), type: logo?.type ?? 'image/svg+xml' }));
  for (const f of props.feeds ?? []) h.push(tag('link', { rel: 'alternate', type: FEED_TYPES[f.kind], title: f.title, href: f.href }));
  const prop = (property: string, content: string) => h.push(tag('meta', { property, content }));
  prop('og:site_name', siteName);
  prop('og:type', og.type ?? 'website');
  prop('og:title', title);
  prop('og:description', description);
  prop('og:locale', OG_LOCALE[lang] ?? lang);
  for (const a of alternates) if (a.lang !== lang) prop('og:locale:alternate', OG_LOCALE[a.lang] ?? a.lang);
  if (props.canonical) prop('og:url', props.canonical);
  if (og.published) prop('article:published_time', og.published);
  if (og.modified) prop('article:modified_time', og.modified);
  for (const a of og.authors ?? []) prop('article:author', a);
  if (og.section) prop('article:section', og.section);
  for (const tg of og.tags ?? []) prop('article:tag', tg);
  // Every page has a share image: its own, else the site's card (rendered with its name and tagline).
  const image = og.image ?? (props.canonical ? new URL(`/cards/site-${lang}.png`, props.canonical).href : undefined);
  if (image) {
    prop('og:image', image);
    if (og.imageAlt) prop('og:image:alt', og.imageAlt);
  }
  h.push(
    tag('meta', { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' }),
    tag('meta', { name: 'twitter:title', content: title }),
    tag('meta', { name: 'twitter:description', content: description }),
  );
  if (image) h.push(tag('meta', { name: 'twitter:image', content: image }));
  if (props.jsonLd) h.push(`<script type="application/ld+json">${jsonForScript(props.jsonLd)}</script>`);
  return h.join('');
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

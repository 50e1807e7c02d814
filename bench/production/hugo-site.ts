/**
 * @module The static bench's Hugo site: the same bilingual articles as Mizan's, as Markdown with front
 * matter, under one of two themes written here.
 * - `minimal`: a title, a date and the text (1 KB a page): the least a page can be, the bench's first figure.
 * - `comparable`: the parts a Mizan page has, made the way a Hugo theme makes them: the head's metadata
 *   (canonical, hreflang, Open Graph, Twitter, JSON-LD), a masthead with a language switch, the byline,
 *   dateline, topics and regions with their term pages, three related articles (Hugo's own related-content
 *   index on topics), share and cite links, a footer listing the topics, and paginated term pages with
 *   teasers. It makes the pages a reader of either site gets comparable, so pages/s measures the same work.
 * - `comparable-unrelated`: the same without the related articles, which are about half of that theme's
 *   time (Hugo ranks every page sharing a topic for each page): a Hugo doing less than Mizan does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type HugoTheme = 'minimal' | 'comparable' | 'comparable-unrelated';

export interface BenchArticle {
  lang: 'ar' | 'en';
  /** The pair's number: the Arabic and English article of a pair are translations of each other. */
  pair: number;
  title: string;
  date: string;
  topic: string;
  region: string;
  author: string;
  typeLabel: string;
  summary: string;
  paragraphs: string[];
}

const minimalLayout = (inner: string) =>
  `<!doctype html><html lang="{{ .Language.Lang }}" dir="{{ .Language.LanguageDirection | default "ltr" }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>${inner}</main></body></html>`;

const MINIMAL: Record<string, string> = {
  '_default/single.html': minimalLayout('<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02" }}</p>{{ .Content }}{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Title }}</a>{{ end }}</article>'),
  '_default/list.html': minimalLayout('<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>'),
};

const COMPARABLE: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="{{ .Language.Lang }}" dir="{{ .Language.LanguageDirection | default "ltr" }}"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ end }}
<link rel="stylesheet" href="/assets/site.css"><link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<meta property="og:site_name" content="{{ .Site.Title }}"><meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<meta property="og:title" content="{{ .Title }}"><meta property="og:url" content="{{ .Permalink }}"><meta property="og:locale" content="{{ .Language.Lang }}">
{{ if .IsPage }}<meta property="article:published_time" content="{{ .Date.Format "2006-01-02" }}">{{ range .GetTerms "authors" }}<meta property="article:author" content="{{ .Title }}">{{ end }}<meta property="article:section" content="{{ .Params.typeLabel }}">{{ range .GetTerms "topics" }}<meta property="article:tag" content="{{ .Title }}">{{ end }}
<meta name="twitter:card" content="summary"><meta name="twitter:title" content="{{ .Title }}"><meta name="twitter:description" content="{{ .Params.summary }}">
<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "Article" "@id" .Permalink "url" .Permalink "headline" .Title "description" .Params.summary "datePublished" (.Date.Format "2006-01-02") "inLanguage" .Language.Lang "author" (slice (dict "@type" "Person" "name" (index .Params.authors 0))) "publisher" (dict "@type" "Organization" "name" .Site.Title) | jsonify | safeJS }}</script>{{ end }}
</head><body>
<a class="skip" href="#main">{{ if eq .Language.Lang "ar" }}انتقل إلى المحتوى{{ else }}Skip to content{{ end }}</a>
<header class="masthead"><div class="masthead-inner"><a class="brand" href="{{ .Site.Home.RelPermalink }}" rel="home"><img class="brand-mark" src="/assets/icon.svg" alt="" width="36" height="36"><span class="brand-name">{{ .Site.Title }}</span></a>
<nav class="site-nav"><a href="{{ .Site.Home.RelPermalink }}">{{ if eq .Language.Lang "ar" }}الرئيسية{{ else }}Home{{ end }}</a>{{ range .Translations }}<a class="lang-switch" href="{{ .Permalink }}" hreflang="{{ .Lang }}" lang="{{ .Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</nav></div></header>
<main id="main" tabindex="-1">{{ block "main" . }}{{ end }}</main>
<footer class="site-foot"><nav><h2>{{ if eq .Language.Lang "ar" }}المواضيع{{ else }}Topics{{ end }}</h2><ul>{{ range .Site.Taxonomies.topics }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul></nav>
<p>© {{ now.Year }} {{ .Site.Title }}</p></footer>
</body></html>
`,
  '_default/single.html': `{{ define "main" }}<article class="article"><header class="article-head"><p class="kicker">{{ .Params.typeLabel }}</p><h1 id="article-title">{{ .Title }}</h1><p class="lede">{{ .Params.summary }}</p>
<p class="byline">{{ range .GetTerms "authors" }}<a href="{{ .RelPermalink }}" rel="author">{{ .Title }}</a>{{ end }}</p>
<p class="dateline"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ time.Format ":date_long" .Date }}</time></p>
{{ with .Translations }}<p class="translations">{{ range . }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}" lang="{{ .Lang }}" rel="alternate">{{ .Language.LanguageName }}</a>{{ end }}</p>{{ end }}</header>
<div class="article-body">{{ .Content }}</div></article>
<div class="article-foot"><section><div class="tag-groups"><div><h3>{{ if eq .Language.Lang "ar" }}المواضيع{{ else }}Topics{{ end }}</h3><ul class="tags">{{ range .GetTerms "topics" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></div>
<div><h3>{{ if eq .Language.Lang "ar" }}المناطق{{ else }}Regions{{ end }}</h3><ul class="tags">{{ range .GetTerms "regions" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></div></div></section>
{{ with .Site.RegularPages.Related . | first 3 }}<section class="recommended-section"><h2 class="section-title">{{ if eq $.Language.Lang "ar" }}مقترحات للقراءة{{ else }}Recommended reading{{ end }}</h2><ul class="recommended">{{ range . }}<li><p class="kicker">{{ .Params.typeLabel }}</p><h3 class="rec-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p class="rec-meta">{{ delimit .Params.authors ", " }}</p></li>{{ end }}</ul></section>{{ end }}
<section class="share-section"><ul class="share">
<li><a href="mailto:?subject={{ .Title | urlquery }}&amp;body={{ .Permalink | urlquery }}">E-mail</a></li>
<li><a href="https://x.com/intent/post?text={{ .Title | urlquery }}&amp;url={{ .Permalink | urlquery }}" rel="noopener noreferrer nofollow">X</a></li>
<li><a href="https://www.facebook.com/sharer/sharer.php?u={{ .Permalink | urlquery }}" rel="noopener noreferrer nofollow">Facebook</a></li>
<li><a href="https://www.linkedin.com/sharing/share-offsite/?url={{ .Permalink | urlquery }}" rel="noopener noreferrer nofollow">LinkedIn</a></li>
<li><a href="https://wa.me/?text={{ printf "%s %s" .Title .Permalink | urlquery }}" rel="noopener noreferrer nofollow">WhatsApp</a></li></ul>
<details class="cite-box"><summary>Cite</summary><ul><li><a href="/api/cite/{{ .File.UniqueID }}.bib" download>BibTeX</a></li><li><a href="/api/cite/{{ .File.UniqueID }}.ris" download>RIS</a></li></ul></details></section></div>{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1 class="page-title">{{ .Title }}</h1><ul class="teasers">{{ range .Paginator.Pages }}<li class="teaser"><p class="kicker">{{ .Params.typeLabel }}</p><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Params.summary }}</p>
<p class="meta">{{ range .GetTerms "authors" }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} · <time datetime="{{ .Date.Format "2006-01-02" }}">{{ time.Format ":date_long" .Date }}</time></p></li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
`,
};

/** Where the comparable theme takes its three related articles (an empty list instead: none). */
const RELATED = '{{ with .Site.RegularPages.Related . | first 3 }}';

/**
 * Writes the Hugo site for `articles` into `site` with `theme`.
 *
 * @example writeHugoSite('/tmp/hugo', articles, 'comparable') // then: hugo -s /tmp/hugo -d out
 */
export function writeHugoSite(site: string, articles: readonly BenchArticle[], theme: HugoTheme): void {
  for (const lang of ['en', 'ar']) mkdirSync(join(site, 'content', lang, 'policy-analysis'), { recursive: true });
  const languages = `[languages.en]\ncontentDir = "content/en"\nlanguageName = "English"\nweight = 1\n[languages.ar]\ncontentDir = "content/ar"\nlanguageName = "العربية"\nlanguagedirection = "rtl"\nweight = 2\n`;
  const comparable = theme !== 'minimal';
  writeFileSync(
    join(site, 'config.toml'),
    `baseURL = "https://example.org/"\ntitle = "Mizan"\ndefaultContentLanguage = "en"\n` +
      (comparable
        ? // Twelve teasers a listing page, as Mizan's (LISTING_PAGE_SIZE); the minimal theme keeps Hugo's ten.
          `paginate = 12\n[taxonomies]\ntopic = "topics"\nregion = "regions"\nauthor = "authors"\n[related]\nincludeNewer = true\nthreshold = 0\ntoLower = false\n[[related.indices]]\nname = "topics"\nweight = 100\n`
        : `[taxonomies]\ntopic = "topics"\n`) +
      languages,
  );
  for (const [file, text] of Object.entries(comparable ? COMPARABLE : MINIMAL)) {
    mkdirSync(join(site, 'layouts', file.split('/')[0]), { recursive: true });
    writeFileSync(join(site, 'layouts', file), theme === 'comparable-unrelated' ? text.replace(RELATED, '{{ with slice }}') : text);
  }
  const quoted = (s: string) => JSON.stringify(s);
  for (const a of articles) {
    const front = [`title: ${quoted(a.title)}`, `date: ${a.date}`, `translationKey: "r${a.pair}"`, `topics: [${quoted(a.topic)}]`];
    if (comparable) front.push(`regions: [${quoted(a.region)}]`, `authors: [${quoted(a.author)}]`, `typeLabel: ${quoted(a.typeLabel)}`, `summary: ${quoted(a.summary)}`);
    writeFileSync(join(site, 'content', a.lang, 'policy-analysis', `report-${a.pair}.md`), `---\n${front.join('\n')}\n---\n\n${a.paragraphs.join('\n\n')}\n`);
  }
}

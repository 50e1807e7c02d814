/**
 * @module Generated pages for the import benchmark, written from our own word lists: HTML article pages
 * wrapped in the furniture real sites carry (navigation, share bars, ads, sidebars, comments, footers,
 * scripts), each with the words of its true body known, and scraped-text pages of the seed's family.
 */

const EN = 'port grain water drought tariff harbor corridor contract ministry survey freight wheat power brine plant capacity operator lender quota border minister export import budget reform council coalition treaty envoy summit pipeline refinery subsidy inflation currency reserve garrison militia ceasefire mediation election parliament governor province coastal desert river'.split(' ');
const AR = 'ميناء قمح مياه جفاف تعرفة ممر عقد وزارة مسح شحن طاقة محطة سعة مشغل حصة حدود وزير تصدير استيراد ميزانية إصلاح مجلس ائتلاف معاهدة مبعوث قمة خط مصفاة دعم تضخم عملة احتياطي هدنة وساطة انتخابات برلمان محافظ ساحل صحراء نهر'.split(' ');

/** A small deterministic generator, so every run measures the same pages. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentence(r: () => number, words: string[], n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(r() * words.length)]);
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (r() < 0.5 ? ', ' + words[Math.floor(r() * words.length)] + ' ' + words[Math.floor(r() * words.length)] : '') + '.';
}

function paragraph(r: () => number, words: string[]): string {
  return Array.from({ length: 2 + Math.floor(r() * 4) }, () => sentence(r, words, 8 + Math.floor(r() * 12))).join(' ');
}

export interface HtmlPage {
  html: string;
  /** The words of the article's true body, for scoring extraction. */
  truth: string[];
}

/** The words of a text, for comparing extractions (punctuation dropped, lower case). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const FURNITURE = [
  (r: () => number, w: string[]) => `<nav class="main-nav"><ul>${Array.from({ length: 8 }, () => `<li><a href="/section/${Math.floor(r() * 99)}">${sentence(r, w, 2)}</a></li>`).join('')}</ul></nav>`,
  (r: () => number, w: string[]) => `<div class="share-tools"><a href="https://social.example.com/share">${sentence(r, w, 3)}</a> <a href="mailto:?body=x">${sentence(r, w, 2)}</a></div>`,
  (r: () => number, w: string[]) => `<div class="ad-container"><p>${sentence(r, w, 12)}</p></div>`,
  (r: () => number, w: string[]) => `<aside class="sidebar"><h3>${sentence(r, w, 3)}</h3><ul>${Array.from({ length: 5 }, () => `<li><a href="/policy-analysis/${Math.floor(r() * 999)}">${sentence(r, w, 6)}</a></li>`).join('')}</ul></aside>`,
  (r: () => number, w: string[]) => `<section id="comments"><h3>${sentence(r, w, 2)}</h3>${Array.from({ length: 3 }, () => `<div class="comment"><p>${paragraph(r, w)}</p></div>`).join('')}</section>`,
  (r: () => number, w: string[]) => `<div class="newsletter-signup"><p>${sentence(r, w, 14)}</p><form><input name="email"><button>${sentence(r, w, 1)}</button></form></div>`,
];

/**
 * An HTML article page with its furniture.
 *
 * @example
 * htmlPage(1).truth.length > 100 // → true
 */
export function htmlPage(seed: number): HtmlPage {
  const r = rng(seed);
  const lang = r() < 0.5 ? 'ar' : 'en';
  const w = lang === 'ar' ? AR : EN;
  const title = sentence(r, w, 6).replace(/[.,]/g, '');
  const truth: string[] = [];
  const body: string[] = [];
  const sections = 2 + Math.floor(r() * 3);
  for (let s = 0; s < sections; s++) {
    if (s > 0) {
      const h = sentence(r, w, 4).replace(/\.$/, '');
      body.push(`<h2>${h}</h2>`);
      truth.push(h);
    }
    for (let p = 0; p < 2 + Math.floor(r() * 4); p++) {
      const text = paragraph(r, w);
      const cut = text.indexOf(' ', 30);
      body.push(`<p>${text.slice(0, cut)} <a href="https://source${Math.floor(r() * 20)}.example.org/doc/${p}?utm_source=site">${text.slice(cut + 1, text.indexOf(' ', cut + 12))}</a>${text.slice(text.indexOf(' ', cut + 12))}</p>`);
      truth.push(text);
    }
    if (r() < 0.5) {
      const items = Array.from({ length: 3 }, () => sentence(r, w, 6));
      body.push(`<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`);
      truth.push(...items);
    }
    if (r() < 0.4) {
      const q = sentence(r, w, 14);
      body.push(`<blockquote><p>${q}</p></blockquote>`);
      truth.push(q);
    }
    if (r() < 0.3) {
      const cap = sentence(r, w, 6);
      body.push(`<figure><img src="/img/${seed}-${s}.jpg" alt=""><figcaption>${cap} <span class="credit">${sentence(r, w, 2)}</span></figcaption></figure>`);
      truth.push(cap);
    }
  }
  const f = FURNITURE.map((make) => make(r, w));
  const html = `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${title} | Example Institute</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Example Institute"><meta name="description" content="${sentence(r, w, 12)}">
<meta property="article:published_time" content="2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}T10:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":${JSON.stringify(title)},"author":{"@type":"Person","name":"Author ${seed % 7}"}}</script>
<style>.x{color:red}</style><script>var analytics = { page: ${seed} };</script></head>
<body><header class="site-header"><a href="/">Example Institute</a>${f[0]}</header>
<div class="layout"><main><article class="post-content"><h1>${title}</h1><div class="byline">By <a rel="author" href="/experts/a${seed % 7}">Author ${seed % 7}</a></div>${f[1]}
<div class="entry-body">${body.slice(0, 3).join('\n')}${f[2]}${body.slice(3).join('\n')}</div>${f[1]}</article>${f[5]}</main>${f[3]}</div>
${f[4]}<footer class="site-footer"><p>${sentence(r, w, 10)}</p>${f[0]}</footer><script>document.querySelectorAll('a').forEach(function(){})</script></body></html>`;
  return { html, truth: wordsOf(truth.join(' ')) };
}

/**
 * A scraped-text page of the seed's family, in English, with its page-break artefacts.
 *
 * @example
 * textPage(1).startsWith('\n') // → true
 */
export function textPage(seed: number): string {
  const r = rng(seed);
  const w = EN;
  const title = sentence(r, w, 7).replace(/[.,]/g, '');
  const paras = Array.from({ length: 6 + Math.floor(r() * 6) }, () => paragraph(r, w));
  const lines = [
    '',
    title,
    '',
    `By [Author One \\(/experts/author-one/\\)](#), [Author Two \\(/experts/author-two/\\)](#)`,
    '',
    'May 18, 2023',
    'Also available in',
    '',
    '(العربية (/ar/policy-analysis/sfhh-' + seed + '))',
    '',
    'About the Authors',
    '',
    '[Author One \\(/experts/author-one/\\)](#)',
    '',
    paragraph(r, w),
    '',
    'Brief Analysis',
    '',
    sentence(r, w, 20),
    '',
    ...paras.flatMap((p, i) => [
      i === 2 ? p.replace(/\.$/, ' and') : i % 3 === 1 ? `${p.slice(0, 40)} [cited](https://example.org/${i}?utm_source=x) (<https://example.org/${i}>) ${p.slice(40)}` : p,
      '',
      ...(i === 2 ? ['[\\(. _ga=1*abc*_ga*QUJD.*_gl*WFla](#)', ''] : []),
      ...(i === 4 ? [sentence(r, w, 3).replace(/\.$/, ''), ''] : []),
    ]),
    '❖ ' + sentence(r, w, 10),
    '',
    'Recommended',
    '',
    'BRIEF ANALYSIS',
    '',
    sentence(r, w, 5),
    '',
    '//',
    '',
    'Author Three',
    '',
    '(/policy-analysis/other-' + seed + ')',
    '',
    'Topics',
    '',
    '(policy-analysis/water/) Water',
    '',
    'Regions & Countries',
    '',
    '(policy-analysis/north-africa/) North Africa',
  ];
  return lines.join('\n');
}

/**
 * @module The site's static assets: one stylesheet and the self-hosted fonts, each served under a
 * content-hashed address so browsers may keep them for a year. The @font-face rules are generated here,
 * from the fontsource packages, so the font addresses carry their hashes too.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface Asset {
  path: string;
  type: string;
  body: Uint8Array;
  etag: string;
}

function hash(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 12);
}

interface FontSpec {
  pkg: string;
  file: string;
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  unicodeRange: string;
  /** CSS size-adjust, to match another face's size. */
  sizeAdjust?: string;
}

// Only the subsets and weights the site uses: Arabic script from Noto Naskh (Amiri on paper), Latin from Source Serif 4.
const ARABIC_RANGE = 'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC';
const LATIN_RANGE = 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';
// Digits, spaces and punctuation inside Arabic text come from Naskh's own Latin subset, so numbers match
// the Arabic letters around them (on English pages the Latin face comes first and wins).
const NEUTRAL_RANGE = 'U+0020-0040, U+005B-0060, U+007B-007E, U+00A0, U+00AB, U+00BB, U+2010-2027';
/** What Latin digits in Arabic text keep of Naskh's own size (see build). */
const DIGIT_SIZE = '88%';
const FONTS: FontSpec[] = [
  ...[400, 700].map((weight) => ({ pkg: '@fontsource/noto-naskh-arabic', file: `noto-naskh-arabic-arabic-${weight}-normal.woff2`, family: 'Noto Naskh Arabic', weight, style: 'normal' as const, unicodeRange: ARABIC_RANGE })),
  ...[400, 700].map((weight) => ({ pkg: '@fontsource/noto-naskh-arabic', file: `noto-naskh-arabic-latin-${weight}-normal.woff2`, family: 'Noto Naskh Arabic', weight, style: 'normal' as const, unicodeRange: NEUTRAL_RANGE })),
  ...[
    [400, 'normal'],
    [400, 'italic'],
    [600, 'normal'],
    [700, 'normal'],
  ].map(([weight, style]) => ({ pkg: '@fontsource/source-serif-4', file: `source-serif-4-latin-${weight}-${style}.woff2`, family: 'Source Serif 4', weight: weight as number, style: style as 'normal' | 'italic', unicodeRange: LATIN_RANGE })),
  // Arabic on paper (the article PDF, a reader's print): Noto Naskh 5 draws a letter's dots as separate
  // marks, which Chromium's PDF gives to text extractors as stray letters ("ت بو" and "ن" for تبون);
  // Amiri's letters are whole glyphs, so pdftotext reads the words back as written (docs/pdf.md).
  // Loaded only when printing: no screen style names it.
  ...[400, 700].map((weight) => ({ pkg: '@fontsource/amiri', file: `amiri-arabic-${weight}-normal.woff2`, family: 'Amiri', weight, style: 'normal' as const, unicodeRange: ARABIC_RANGE, sizeAdjust: '112%' })),
];

function fontFile(spec: FontSpec): string {
  return join(dirname(require.resolve(`${spec.pkg}/package.json`)), 'files', spec.file);
}

// The site's mark: a balance (ميزان) drawn in the accent colour.
const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="32" fill="#0b5d50"/><g fill="none" stroke="#fbf8f2" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"><path d="M32 14v34M22 48h20M16 22h32"/><path d="M16 22l-7 14h14zM48 22l-7 14h14z"/></g></svg>`;

function build(): { byPath: Map<string, Asset>; css: Asset; icon: Asset; fonts: Record<string, string> } {
  const byPath = new Map<string, Asset>();
  const fonts: Record<string, string> = {};
  const faces: string[] = [];
  for (const spec of FONTS) {
    const body = readFileSync(fontFile(spec));
    const h = hash(body);
    const path = `/assets/fonts/${basename(spec.file, '.woff2')}.${h}.woff2`;
    byPath.set(path, { path, type: 'font/woff2', body, etag: `"${h}"` });
    fonts[spec.file] = path;
    faces.push(
      `@font-face{font-family:'${spec.family}';font-style:${spec.style};font-weight:${spec.weight};font-display:swap;src:url(${path}) format('woff2');unicode-range:${spec.unicodeRange}${spec.sizeAdjust ? `;size-adjust:${spec.sizeAdjust}` : ''}}`,
    );
  }
  // Naskh's Latin digits stand taller and heavier than the Arabic letters around them (its Latin is
  // drawn for Latin text): inside Arabic text they come from this face, the same glyphs made smaller.
  for (const weight of [400, 700]) {
    const path = fonts[`noto-naskh-arabic-latin-${weight}-normal.woff2`];
    faces.push(`@font-face{font-family:'Naskh Digits';font-style:normal;font-weight:${weight};font-display:swap;src:url(${path}) format('woff2');unicode-range:U+0030-0039;size-adjust:${DIGIT_SIZE}}`);
  }
  const sheet = readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8');
  const text = faces.join('\n') + '\n' + sheet;
  const body = new TextEncoder().encode(text);
  const h = hash(body);
  const css: Asset = { path: `/assets/site.${h}.css`, type: 'text/css; charset=utf-8', body, etag: `"${h}"` };
  byPath.set(css.path, css);
  const iconBody = new TextEncoder().encode(ICON_SVG);
  const icon: Asset = { path: `/assets/icon.${hash(iconBody)}.svg`, type: 'image/svg+xml', body: iconBody, etag: `"${hash(iconBody)}"` };
  byPath.set(icon.path, icon);
  return { byPath, css, icon, fonts };
}

let built: ReturnType<typeof build> | undefined;
function assets(): ReturnType<typeof build> {
  return (built ??= build());
}

/** The address of the site's stylesheet: `/assets/site.<hash>.css`. */
export function stylesheetPath(): string {
  return assets().css.path;
}

/** The address of the site's icon (SVG). */
export function iconPath(): string {
  return assets().icon.path;
}

/** The fonts worth preloading for a page in `lang` (its body text face). */
export function preloadFonts(lang: string): string[] {
  const { fonts } = assets();
  return lang === 'ar' ? [fonts['noto-naskh-arabic-arabic-400-normal.woff2']] : [fonts['source-serif-4-latin-400-normal.woff2']];
}

/** The asset at a request path, if any: `assetAt('/assets/site.abc.css')`. */
export function assetAt(path: string): Asset | undefined {
  return assets().byPath.get(path);
}

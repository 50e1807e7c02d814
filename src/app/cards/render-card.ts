/**
 * @module Social cards: the 1200×630 PNG a shared link shows when the page has no image of its own —
 * the title, its type and date, the institute's name and logo. Text is set by Pango with HarfBuzz (through
 * sharp's text input), so Arabic is shaped, joined and laid out right to left; a card is rendered once per
 * content (keyed by the SHA-256 of what it shows) and kept in memory.
 */
import { createHash } from 'node:crypto';
import type sharp from 'sharp';
import { onFirstUse } from '../../lib/index.ts';

const libvips = onFirstUse<typeof sharp>('sharp');

export interface CardInput {
  lang: string;
  title: string;
  /** The line above the title: type and series ("تحليل موجز · المرصد السياسي 3740"). */
  kicker: string;
  /** The date as the site writes it, or ''. */
  date: string;
  siteName: string;
  logo: { bytes: Uint8Array; type: string } | null;
  accent: string;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const PAD = 72;
const PAPER = '#f7f3ea';
const INK = '#1c1a16';

function markup(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fontFor(lang: string, bold: boolean): string {
  // Noto Naskh for Arabic (installed as a system font; DejaVu Sans, which also shapes Arabic, is the fallback).
  return lang === 'ar' ? `Noto Naskh Arabic, DejaVu Sans${bold ? ' Bold' : ''}` : `DejaVu Serif${bold ? ' Bold' : ''}`;
}

async function textImage(text: string, opts: { lang: string; bold?: boolean; colour: string; width: number; height?: number; size: number }) {
  const rtl = opts.lang === 'ar';
  const { data, info } = await libvips()({
    text: {
      // The paragraph's direction is the page's, not its first strong letter's: an Arabic title that opens
      // with a Latin name ("PolicyWatch 3740: …") still reads right to left (a leading RLM; LRM in English).
      text: `<span foreground="${opts.colour}" size="${opts.size * 1024}">${rtl ? '\u200f' : '\u200e'}${markup(text)}</span>`,
      font: fontFor(opts.lang, opts.bold ?? false),
      width: opts.width,
      height: opts.height,
      // Pango swaps left and right in a paragraph it reads as right to left: 'left' sets each Arabic line
      // against the right edge ('right' set the second line flush left).
      align: 'left',
      rgba: true,
      wrap: 'word',
      spacing: Math.round(opts.size * (rtl ? 0.55 : 0.3)),
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The key a card is kept under: changes exactly when what it shows changes. */
export function cardKey(input: CardInput): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([input.lang, input.title, input.kicker, input.date, input.siteName, input.accent]));
  if (input.logo) h.update(input.logo.bytes);
  return h.digest('hex').slice(0, 24);
}

const kept = new Map<string, Buffer>();
const KEEP = 300;

/**
 * The card as PNG bytes.
 *
 * @example await renderCard({ lang: 'ar', title: 'العلاقات الجزائرية الروسية', kicker: 'تحليل موجز', date: '18 أيار/مايو 2023', siteName: 'معهد القنطرة', logo: null, accent: '#1d4e89' })
 */
export async function renderCard(input: CardInput): Promise<Buffer> {
  const key = cardKey(input);
  const hit = kept.get(key);
  if (hit) return hit;
  const rtl = input.lang === 'ar';
  const inner = CARD_WIDTH - 2 * PAD;
  const x = (w: number) => (rtl ? CARD_WIDTH - PAD - w : PAD);
  const line = [input.kicker, input.date].filter(Boolean).join('  ·  ');
  const kicker = line ? await textImage(line, { lang: input.lang, colour: input.accent, width: inner, size: rtl ? 26 : 24, bold: true }) : null;
  // Width and height both set: Pango picks the largest size that fits, so a long title still fits.
  const title = await textImage(input.title, { lang: input.lang, bold: true, colour: INK, width: inner, height: 300, size: rtl ? 56 : 54 });
  const site = await textImage(input.siteName, { lang: input.lang, bold: true, colour: INK, width: inner - 110, size: rtl ? 28 : 26 });
  const layers: sharp.OverlayOptions[] = [
    { input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}"><rect x="0" y="0" width="${CARD_WIDTH}" height="14" fill="${input.accent}"/><rect x="${PAD}" y="${CARD_HEIGHT - 150}" width="${inner}" height="2" fill="#d9d0bd"/></svg>`), left: 0, top: 0 },
    { input: title.data, left: x(title.width), top: 70 + (kicker ? kicker.height + 26 : 0) },
  ];
  if (kicker) layers.push({ input: kicker.data, left: x(kicker.width), top: 70 });
  let logoWidth = 0;
  if (input.logo) {
    const logo = await libvips()(input.logo.bytes, { density: 300, limitInputPixels: 40_000_000 }).resize({ width: 84, height: 84, fit: 'inside' }).png().toBuffer({ resolveWithObject: true });
    logoWidth = logo.info.width + 22;
    layers.push({ input: logo.data, left: rtl ? CARD_WIDTH - PAD - logo.info.width : PAD, top: CARD_HEIGHT - 118 });
  }
  layers.push({ input: site.data, left: rtl ? CARD_WIDTH - PAD - logoWidth - site.width : PAD + logoWidth, top: CARD_HEIGHT - 118 + Math.max(0, Math.round((84 - site.height) / 2)) });
  const png = await libvips()({ create: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3, background: PAPER } })
    .composite(layers)
    .png({ compressionLevel: 8 })
    .toBuffer();
  kept.set(key, png);
  while (kept.size > KEEP) kept.delete(kept.keys().next().value as string);
  return png;
}

/**
 * @module The assets the institute's configuration brings: its logo and a small stylesheet of its accent
 * colours, each under a content-hashed address (`/assets/identity/…`) like the site's own assets.
 */
import { createHash } from 'node:crypto';
import type { SiteConfig } from '../../model/index.ts';
import { iconPath, type Asset } from '../assets.ts';

const EXT: Record<string, string> = { 'image/svg+xml': 'svg', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

function hash(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 12);
}

function asset(name: string, ext: string, type: string, body: Uint8Array): Asset {
  const h = hash(body);
  return { path: `/assets/identity/${name}.${h}.${ext}`, type, body, etag: `"${h}"` };
}

interface IdentityAssets {
  logo: Asset | null;
  theme: Asset | null;
}

const built = new WeakMap<SiteConfig, IdentityAssets>();

/** Darkens a #rrggbb colour by `f` (0–1), for the hover shade of the accent. */
function shade(hex: string, f: number): string {
  const full = hex.length === 4 ? '#' + [...hex.slice(1)].map((c) => c + c).join('') : hex;
  const n = parseInt(full.slice(1), 16);
  const ch = (s: number) => Math.round(((n >> s) & 255) * (1 - f));
  return '#' + [16, 8, 0].map((s) => ch(s).toString(16).padStart(2, '0')).join('');
}

function build(site: SiteConfig): IdentityAssets {
  const logo = site.logo ? asset('logo', EXT[site.logo.type], site.logo.type, site.logo.bytes) : null;
  let theme: Asset | null = null;
  if (site.colors) {
    const { accent, accentDark } = site.colors;
    const css =
      `:root{--accent:${accent};--accent-ink:${shade(accent, 0.2)}}\n` +
      `@media (prefers-color-scheme: dark){:root{--accent:${accentDark};--accent-ink:${accentDark}}}\n` +
      `@media print{:root{--accent:#000}}\n`;
    theme = asset('theme', 'css', 'text/css; charset=utf-8', new TextEncoder().encode(css));
  }
  return { logo, theme };
}

/** The logo and theme assets of `site` (built once per configuration). */
export function identityAssets(site: SiteConfig): IdentityAssets {
  let a = built.get(site);
  if (!a) built.set(site, (a = build(site)));
  return a;
}

/** The address of the institute's logo, or of Mizan's own mark when it has none. */
export function logoPath(site: SiteConfig): string {
  return identityAssets(site).logo?.path ?? iconPath();
}

/** The asset of `site` at a request path, if any. */
export function identityAssetAt(site: SiteConfig, path: string): Asset | undefined {
  const a = identityAssets(site);
  return [a.logo, a.theme].find((x) => x?.path === path) ?? undefined;
}

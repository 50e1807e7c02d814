/**
 * @module The institute's identity as its configuration file gives it (`mizan.config.json|yaml`): names and
 * taglines per language, logo, accent colours, languages, menus, footer, social profiles, contact and
 * time zone. Validated once here; a wrong key is refused with its dotted name. Without a file the site
 * runs under DEFAULT_SITE (the product's own name).
 */
import { z } from 'zod';
import { LANGS } from './lang.ts';

const langCode = z.string().refine((l) => Object.hasOwn(LANGS, l), { message: `a language Mizan publishes in (${Object.keys(LANGS).join(', ')})` });
/** Text per language: `{ en: "…", ar: "…" }`; at least one language. */
const perLang = z
  .record(z.string(), z.string().trim().min(1).max(400))
  .refine((r) => Object.keys(r).length > 0, { message: 'text in at least one language, e.g. { en: "…", ar: "…" }' })
  .superRefine((r, ctx) => {
    for (const key of Object.keys(r)) if (!Object.hasOwn(LANGS, key)) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a language Mizan publishes in (${Object.keys(LANGS).join(', ')})` });
  });
const colour = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'a colour as #rgb or #rrggbb');
/** A menu target: a site path or an absolute http(s) address. */
const href = z
  .string()
  .max(2048)
  .regex(/^(?:\/(?!\/)[^\s]*|https?:\/\/[^\s]+|mailto:[^\s]+)$/, 'a site path starting with / or an http(s) or mailto: address');

export const MenuItemSchema = z.object({ label: z.string().trim().min(1).max(80), href }).strict();
export type MenuItem = z.infer<typeof MenuItemSchema>;
const menu = z.record(z.string(), z.array(MenuItemSchema).max(20)).superRefine((r, ctx) => {
  for (const key of Object.keys(r)) if (!Object.hasOwn(LANGS, key)) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a language Mizan publishes in` });
});

export const SOCIAL_NETWORKS = ['x', 'facebook', 'linkedin', 'youtube', 'instagram', 'telegram', 'bluesky', 'mastodon', 'threads', 'whatsapp', 'rss', 'other'] as const;

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Asia/Beirut');
const socialLink = z.object({ network: z.enum(SOCIAL_NETWORKS), url: z.url({ protocol: /^https?$/ }) }).strict();

export const SiteConfigSchema = z
  .object({
    name: perLang,
    tagline: perLang.optional(),
    description: perLang.optional(),
    /** Logo file (SVG, PNG, JPEG or WebP), relative to the configuration file. */
    logo: z.string().min(1).max(1024).nullable().optional(),
    colors: z.object({ accent: colour, accentDark: colour.optional() }).strict().optional(),
    languages: z.array(langCode).min(1).optional(),
    defaultLanguage: langCode.optional(),
    timeZone: timeZone.optional(),
    contact: z
      .object({ email: z.email().optional(), phone: z.string().max(40).optional(), address: perLang.optional() })
      .strict()
      .optional(),
    social: z.array(socialLink).max(20).optional(),
    menus: z.object({ main: menu.optional(), footer: menu.optional() }).strict().optional(),
    footer: z.object({ text: perLang.optional() }).strict().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.defaultLanguage && c.languages && !c.languages.includes(c.defaultLanguage))
      ctx.addIssue({ code: 'custom', path: ['defaultLanguage'], message: `must be one of languages (${c.languages.join(', ')})` });
  });

export type SiteConfigInput = z.input<typeof SiteConfigSchema>;

/** The identity a running site uses: every optional part filled in. */
export interface SiteConfig {
  name: Record<string, string>;
  tagline: Record<string, string>;
  description: Record<string, string>;
  /** The logo's bytes and media type, read from the file the configuration names; null: the built-in mark. */
  logo: { bytes: Uint8Array; type: string } | null;
  colors: { accent: string; accentDark: string } | null;
  languages: string[];
  defaultLanguage: string;
  timeZone: string;
  contact: { email?: string; phone?: string; address: Record<string, string> };
  social: { network: string; url: string }[];
  menus: { main: Record<string, MenuItem[]>; footer: Record<string, MenuItem[]> };
  footer: { text: Record<string, string> };
  /** Where this identity came from: a file's path, or 'default'. */
  source: string;
}

/** The identity of a site run without a configuration file: the product's own name. */
export const DEFAULT_SITE: SiteConfig = Object.freeze({
  name: { en: 'Mizan', ar: 'ميزان' },
  tagline: { en: 'Policy analysis in Arabic and English', ar: 'تحليل السياسات بالعربية والإنجليزية' },
  description: { en: 'Policy analysis and research in Arabic and English.', ar: 'تحليلات وأبحاث في السياسات بالعربية والإنجليزية.' },
  logo: null,
  colors: null,
  languages: Object.keys(LANGS),
  defaultLanguage: 'en',
  timeZone: 'UTC',
  contact: { address: {} },
  social: [],
  menus: { main: {}, footer: {} },
  footer: { text: {} },
  source: 'default',
});

/**
 * A per-language text in `lang`, falling back to the site's default language, then to any language.
 *
 * @example inLang({ en: 'Gulf Institute', ar: 'معهد الخليج' }, 'ar', 'en') // → 'معهد الخليج'
 */
export function inLang(texts: Record<string, string>, lang: string, fallback = 'en'): string {
  return texts[lang] ?? texts[fallback] ?? Object.values(texts)[0] ?? '';
}

/** Text per language that may be empty (a tagline in no language). */
const texts = z.record(z.string(), z.string().trim().min(1).max(400)).superRefine((r, ctx) => {
  for (const key of Object.keys(r)) if (!Object.hasOwn(LANGS, key)) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a language Mizan publishes in` });
});

/** The settings an admin may change in the admin over the configuration file, each replacing the file's whole value. */
export const SETTING_KEYS = ['name', 'tagline', 'description', 'contact', 'social', 'menus', 'footer', 'colors', 'timeZone'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/**
 * What the admin's settings pages may set, in the filled-in shape a running site uses (SiteConfig's).
 * Every key is optional: a setting left out follows the configuration file.
 */
export const SiteSettingsSchema = z
  .object({
    name: perLang,
    tagline: texts,
    description: texts,
    contact: z.object({ email: z.email().max(254).optional(), phone: z.string().trim().min(1).max(40).optional(), address: texts }).strict(),
    social: z.array(socialLink).max(20),
    menus: z.object({ main: menu, footer: menu }).strict(),
    footer: z.object({ text: texts }).strict(),
    colors: z.object({ accent: colour, accentDark: colour }).strict().nullable(),
    timeZone,
  })
  .partial()
  .strict();
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

/**
 * The identity a running site uses: the configuration file's, with each setting the admin changed in its place.
 *
 * @example withSettings(site, { name: { ar: 'معهد الخليج', en: 'Gulf Institute' } }).name.en // → 'Gulf Institute'
 */
export function withSettings(base: SiteConfig, settings: SiteSettings): SiteConfig {
  const out: SiteConfig = { ...base };
  for (const key of SETTING_KEYS) if (settings[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = settings[key];
  return out;
}

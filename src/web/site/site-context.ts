/**
 * @module The identity of the site answering the current request. `createWebApp` runs every request
 * inside `withSite`, so views, feeds and the message catalog read the institute's name, menus and
 * logo without each caller passing them down; outside a request (a test rendering a view alone) the
 * product's DEFAULT_SITE answers.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_SITE, inLang, type MenuItem, type SiteConfig } from '../../model/index.ts';

interface RequestSite {
  site: SiteConfig;
  /** The request's path, so menus can mark the current section. */
  path: string;
}

const storage = new AsyncLocalStorage<RequestSite>();

/** Runs `fn` with `site` as the current identity. */
export function withSite<T>(site: SiteConfig, path: string, fn: () => T): T {
  return storage.run({ site, path }, fn);
}

/** The identity of the site being served. */
export function currentSite(): SiteConfig {
  return storage.getStore()?.site ?? DEFAULT_SITE;
}

/** The path of the request being answered ('' outside a request). */
export function currentPath(): string {
  return storage.getStore()?.path ?? '';
}

/**
 * One of the site's per-language texts in `lang`.
 *
 * @example siteText('ar', 'name') // → 'معهد المتوسط للدراسات' under the demo's configuration
 */
export function siteText(lang: string, key: 'name' | 'tagline' | 'description'): string {
  const site = currentSite();
  return inLang(site[key], lang, site.defaultLanguage) || inLang(DEFAULT_SITE[key], lang);
}

/** A menu of the site in `lang` (empty when the configuration gives none). */
export function siteMenu(lang: string, which: 'main' | 'footer'): MenuItem[] {
  const menus = currentSite().menus[which];
  return menus[lang] ?? [];
}

/**
 * Whether a menu target is the section the current request is in: the same path, or a path below it
 * (the home page only matches itself).
 */
export function isCurrent(href: string, path = currentPath()): boolean {
  if (!href.startsWith('/') || !path) return false;
  const target = href.replace(/\/+$/, '');
  const here = path.replace(/\/+$/, '');
  if (target === '' || target === '/ar') return here === target;
  return here === target || here.startsWith(target + '/');
}

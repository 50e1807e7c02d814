/**
 * @module The settings routes of the editors' side (admins only, `settings.edit`), as entries of the
 * admin route table. The posted fields become settings; a setting equal to the configuration file's
 * value is removed rather than stored, so the file stays the default for whatever nobody changed.
 */
import type { HtmlString } from '../../jsx/html-string.ts';
import type { Context } from 'hono';
import { saveSettings, SettingsError, type SettingIssue } from '../../../app/index.ts';
import type { MenuItem, SettingKey, SiteConfig } from '../../../model/index.ts';
import type { AdminRoute } from '../../routes/admin.tsx';
import { currentSite } from '../../site/index.ts';
import { renderPage } from '../../views/layout.tsx';
import type { Flash } from '../admin-layout.tsx';
import { st } from './settings-i18n.ts';
import { MenusPage, SettingsPage, type FieldState } from './settings-pages.tsx';

type Ctx = Parameters<AdminRoute['handler']>[1];

const NO_STORE = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };
const IDENTITY_KEYS: SettingKey[] = ['name', 'tagline', 'description', 'footer', 'contact', 'social', 'colors', 'timeZone'];
const MENU_KEYS: SettingKey[] = ['menus'];
const WHICH = ['main', 'footer'] as const;

async function html(c: Context, node: HtmlString, status = 200): Promise<Response> {
  return c.html(await renderPage(node), status as 200, NO_STORE);
}

function str(ctx: Ctx, name: string): string {
  const v = ctx.form[name];
  return typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '';
}

/** JSON with keys sorted, so two values compare equal whatever order their keys were written in. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
}

function timeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

// ---- the identity page ---------------------------------------------------------------------------

function identityValues(site: SiteConfig): Record<string, string> {
  const v: Record<string, string> = {};
  for (const l of site.languages) {
    v[`name.${l}`] = site.name[l] ?? '';
    v[`tagline.${l}`] = site.tagline[l] ?? '';
    v[`description.${l}`] = site.description[l] ?? '';
    v[`footer.${l}`] = site.footer.text[l] ?? '';
    v[`address.${l}`] = site.contact.address[l] ?? '';
  }
  v.email = site.contact.email ?? '';
  v.phone = site.contact.phone ?? '';
  site.social.forEach((s, i) => {
    v[`social.${i}.network`] = s.network;
    v[`social.${i}.url`] = s.url;
  });
  v.accent = site.colors?.accent ?? '';
  v.accentDark = site.colors?.accentDark ?? '';
  v.timeZone = site.timeZone;
  return v;
}

/** The posted identity fields as settings, and where each setting's problems are shown. */
function identityFromForm(ctx: Ctx, site: SiteConfig) {
  const texts = (prefix: string) => {
    const out: Record<string, string> = {};
    for (const l of site.languages) {
      const v = str(ctx, `${prefix}.${l}`);
      if (v) out[l] = v;
    }
    return out;
  };
  const socialRows: number[] = [];
  for (let i = 0; i < 21; i++) if (str(ctx, `social.${i}.url`)) socialRows.push(i);
  const accent = str(ctx, 'accent');
  const accentDark = str(ctx, 'accentDark');
  const set = {
    name: texts('name'),
    tagline: texts('tagline'),
    description: texts('description'),
    footer: { text: texts('footer') },
    contact: { ...(str(ctx, 'email') ? { email: str(ctx, 'email') } : {}), ...(str(ctx, 'phone') ? { phone: str(ctx, 'phone') } : {}), address: texts('address') },
    social: socialRows.map((i) => ({ network: str(ctx, `social.${i}.network`) || 'other', url: str(ctx, `social.${i}.url`) })),
    colors: accent || accentDark ? { accent, accentDark: accentDark || accent } : null,
    timeZone: str(ctx, 'timeZone') || 'UTC',
  };
  const field = (issue: SettingIssue): string => {
    const p = issue.key.split('.');
    if (p[0] === 'name' && p.length === 1) return `name.${site.defaultLanguage}`;
    if (p[0] === 'contact') return p[1] === 'address' ? `address.${p[2]}` : p[1];
    if (p[0] === 'footer') return `footer.${p[2]}`;
    // An empty dark accent takes the light one: its problem is the light one's.
    if (p[0] === 'colors') return p[1] === 'accentDark' && !accentDark ? 'accent' : (p[1] ?? 'accent');
    if (p[0] === 'social') return `social.${socialRows[Number(p[1])] ?? 0}.${p[2] ?? 'url'}`;
    return issue.key;
  };
  return { set, field };
}

// ---- the menus page ------------------------------------------------------------------------------

function menuValues(site: SiteConfig): { values: Record<string, string>; rows: Record<string, number> } {
  const values: Record<string, string> = {};
  const rows: Record<string, number> = {};
  for (const which of WHICH)
    for (const l of site.languages) {
      const items = site.menus[which][l] ?? [];
      items.forEach((item, i) => {
        values[`menus.${which}.${l}.${i}.label`] = item.label;
        values[`menus.${which}.${l}.${i}.href`] = item.href;
      });
      rows[`menus.${which}.${l}`] = items.length + 1;
    }
  return { values, rows };
}

/**
 * The posted menus with the button pressed applied (`up.main.ar.2`, `down…`, `remove…`); rows left
 * empty are dropped. Each item keeps the row it was posted in, for placing its errors.
 */
function menusFromForm(ctx: Ctx, site: SiteConfig) {
  const op = /^(up|down|remove)\.(main|footer)\.([a-z]{2,3})\.(\d{1,2})$/.exec(str(ctx, 'op'));
  const menus: Record<string, Record<string, (MenuItem & { row: number })[]>> = { main: {}, footer: {} };
  for (const which of WHICH)
    for (const l of site.languages) {
      const items: (MenuItem & { row: number })[] = [];
      for (let i = 0; i < 21; i++) {
        const label = str(ctx, `menus.${which}.${l}.${i}.label`);
        const href = str(ctx, `menus.${which}.${l}.${i}.href`);
        if (label || href) items.push({ label, href, row: i });
      }
      if (op && op[2] === which && op[3] === l) {
        const at = items.findIndex((x) => x.row === Number(op[4]));
        if (at >= 0) {
          if (op[1] === 'remove') items.splice(at, 1);
          const to = op[1] === 'up' ? at - 1 : op[1] === 'down' ? at + 1 : -1;
          if (to >= 0 && to < items.length) [items[at], items[to]] = [items[to], items[at]];
        }
      }
      if (items.length) menus[which][l] = items;
    }
  const set = {
    menus: Object.fromEntries(WHICH.map((w) => [w, Object.fromEntries(Object.entries(menus[w]).map(([l, items]) => [l, items.map(({ label, href }) => ({ label, href }))]))])),
  };
  const field = (issue: SettingIssue): string => {
    const p = issue.key.split('.');
    if (p[0] === 'menus' && p.length >= 4) {
      const item = menus[p[1]]?.[p[2]]?.[Number(p[3])];
      // Errors show on the row as it will be shown again: rows are renumbered after a move.
      const idx = item ? menus[p[1]][p[2]].indexOf(item) : Number(p[3]);
      return `menus.${p[1]}.${p[2]}.${idx}.${p[4] ?? 'label'}`;
    }
    return issue.key;
  };
  return { set, field, menus };
}

// ---- saving ----------------------------------------------------------------------------------------

/** Which keys to store and which to return to the file: a value equal to the file's is not stored. */
function split(set: Record<string, unknown>, base: SiteConfig, keys: SettingKey[]) {
  const store: Record<string, unknown> = {};
  const reset: SettingKey[] = [];
  for (const key of keys) {
    if (canonical(set[key]) === canonical((base as unknown as Record<string, unknown>)[key])) reset.push(key);
    else store[key] = set[key];
  }
  return { set: store, reset };
}

function errorsOf(err: SettingsError, field: (i: SettingIssue) => string): FieldState['errors'] {
  const out: FieldState['errors'] = {};
  for (const issue of err.issues) out[field(issue)] ??= { key: `err.${issue.code}`, max: issue.max };
  return out;
}

async function identityPage(c: Context, ctx: Ctx, state?: FieldState, flash?: Flash, status = 200): Promise<Response> {
  const site = currentSite();
  const s = state ?? { values: identityValues(site), errors: {} };
  const socialRows = Math.min(20, Object.keys(s.values).filter((k) => /^social\.\d+\.url$/.test(k) && s.values[k]).length + 1);
  return html(c, <SettingsPage lang={ctx.lang} user={ctx.user} languages={site.languages} source={ctx.baseSite.source} state={s} socialRows={Math.max(socialRows, 1)} timeZones={timeZones()} flash={flash} />, status);
}

async function menusPage(c: Context, ctx: Ctx, state?: FieldState & { rows: Record<string, number> }, flash?: Flash, status = 200): Promise<Response> {
  const site = currentSite();
  const s = state ?? { ...menuValues(site), errors: {} };
  return html(c, <MenusPage lang={ctx.lang} user={ctx.user} languages={site.languages} source={ctx.baseSite.source} state={s} rows={s.rows} flash={flash} />, status);
}

async function reset(c: Context, ctx: Ctx, keys: SettingKey[], to: string): Promise<Response> {
  await saveSettings(ctx.store, ctx.editor, { reset: keys });
  return c.redirect(`${to}?reset=1`, 303);
}

function landed(c: Context, lang: string): Flash | undefined {
  if (c.req.query('saved')) return { kind: 'ok', text: st(lang, 'saved') };
  if (c.req.query('reset')) return { kind: 'ok', text: st(lang, 'wasReset') };
  return undefined;
}

export const SETTINGS_ROUTES: AdminRoute[] = [
  { method: 'GET', path: '/admin/settings', cap: 'settings.edit', handler: (c, ctx) => identityPage(c, ctx, undefined, landed(c, ctx.lang)) },
  {
    method: 'POST',
    path: '/admin/settings',
    cap: 'settings.edit',
    handler: async (c, ctx) => {
      if (str(ctx, 'do') === 'reset') return reset(c, ctx, IDENTITY_KEYS, '/admin/settings');
      const site = currentSite();
      const { set, field } = identityFromForm(ctx, site);
      try {
        await saveSettings(ctx.store, ctx.editor, split(set, ctx.baseSite, IDENTITY_KEYS));
      } catch (err) {
        if (!(err instanceof SettingsError)) throw err;
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(ctx.form)) if (typeof v === 'string' && k !== '_csrf') values[k] = v;
        const errors = errorsOf(err, field);
        return identityPage(c, ctx, { values, errors }, { kind: 'error', text: st(ctx.lang, 'refused', { n: Object.keys(errors).length }) }, 422);
      }
      return c.redirect('/admin/settings?saved=1', 303);
    },
  },
  { method: 'GET', path: '/admin/settings/menus', cap: 'settings.edit', handler: (c, ctx) => menusPage(c, ctx, undefined, landed(c, ctx.lang)) },
  {
    method: 'POST',
    path: '/admin/settings/menus',
    cap: 'settings.edit',
    handler: async (c, ctx) => {
      if (str(ctx, 'do') === 'reset') return reset(c, ctx, MENU_KEYS, '/admin/settings/menus');
      const site = currentSite();
      const { set, field, menus } = menusFromForm(ctx, site);
      try {
        await saveSettings(ctx.store, ctx.editor, split(set, ctx.baseSite, MENU_KEYS));
      } catch (err) {
        if (!(err instanceof SettingsError)) throw err;
        // Shown again as it would have been saved: moves applied, empty rows gone, one empty row to add.
        const values: Record<string, string> = {};
        const rows: Record<string, number> = {};
        for (const which of WHICH)
          for (const l of site.languages) {
            const items = menus[which][l] ?? [];
            items.forEach((item, i) => {
              values[`menus.${which}.${l}.${i}.label`] = item.label;
              values[`menus.${which}.${l}.${i}.href`] = item.href;
            });
            rows[`menus.${which}.${l}`] = items.length + 1;
          }
        const errors = errorsOf(err, field);
        return menusPage(c, ctx, { values, rows, errors }, { kind: 'error', text: st(ctx.lang, 'refused', { n: Object.keys(errors).length }) }, 422);
      }
      return c.redirect('/admin/settings/menus?saved=1', 303);
    },
  },
];

/**
 * @module `/subscribe` and `/ar/subscribe` and the steps after it: confirm (a GET shows a button and
 * only a POST confirms, so a mail scanner that opens links confirms nothing), manage (the signed
 * preference link every mail carries), and the one-click unsubscribe address of `List-Unsubscribe`
 * (RFC 8058: a POST with `List-Unsubscribe=One-Click` stops everything, with no Origin, no cookie,
 * no page — the token in the address is the authority). Forms of the site itself pass the Origin
 * check, so another site cannot use ours to send confirmation mail.
 */
import type { HtmlString } from '../jsx/html-string.ts';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  AddressError,
  confirmSubscription,
  deleteSubscriber,
  requestSubscription,
  stopSubscriber,
  subscriberFromToken,
  tokenFor,
  updatePreferences,
  mdb,
  digestSchedule,
  DEFAULT_DIGEST,
  type FollowKind,
  type Preferences,
  type Subscriber,
} from '../../app/index.ts';
import { MizanError } from '../../lib/index.ts';
import { formatNumber } from '../i18n/index.ts';
import { seriesName } from '../../model/index.ts';
import { currentSite } from '../site/index.ts';
import type { Store } from '../../store/index.ts';
import { clientIp, sameOrigin, securitySettings } from '../admin/admin-security.ts';
import { onceInBuild } from '../read-cache.ts';
import { sendPage, sitePrefixes } from '../send.ts';
import type { WebDeps } from '../web-deps.ts';
import { isSubscribeKey, st, type SubscribeKey } from './subscribe-i18n.ts';
import { SubscribeFormPage, SubscribeMessagePage, subscribePath, type Choices, type FormState } from './subscribe-pages.tsx';

const MAX_BODY = 32 * 1024;
const NO_STORE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

type Form = Record<string, string | File | (string | File)[]>;

function values(form: Form, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

function one(form: Form, name: string): string {
  return values(form, name)[0] ?? '';
}

/** The digest's day and local time as a reader reads it: "Mondays at 07:00", "كل اثنين، الساعة 07:00". */
function weeklyWhen(lang: string): string {
  let d = DEFAULT_DIGEST;
  try {
    d = digestSchedule(process.env, currentSite().timeZone);
  } catch {
    // A bad setting is reported where mail is sent (mizan serve refuses it); the form keeps the default.
  }
  const day = new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 4 + d.weekday)));
  const time = `${String(d.hour).padStart(2, '0')}:${String(d.minute).padStart(2, '0')}`;
  return lang === 'ar' ? `كل ${day.replace(/^ال/, '')}، الساعة ${time}` : `${day}s at ${time}`;
}

async function choices(store: Store, lang: string): Promise<Choices> {
  const [topics, regions, experts] = await Promise.all([store.listTerms('topic', lang), store.listTerms('region', lang), store.listExperts(lang)]);
  const series = await store.db.selectFrom('articles').select('series_name').distinct().where('series_name', 'is not', null).where('status', '=', 'published').orderBy('series_name').execute();
  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);
  return {
    topics: topics.map((t) => ({ value: `topic:${t.id}`, label: t.name })).sort(byName),
    regions: regions.map((t) => ({ value: `region:${t.id}`, label: t.name })).sort(byName),
    experts: experts.map((e) => ({ value: `expert:${e.id}`, label: e.name })).sort(byName),
    // One choice a series, however many languages name it (its key is its English name).
    weeklyWhen: weeklyWhen(lang),
    series: [...new Set(series.map((s) => seriesName(s.series_name!, 'en')))].map((key) => ({ value: `series:${key}`, label: seriesName(key, lang) })).sort(byName),
  };
}

function stateFromForm(form: Form, lang: string): FormState {
  const langs = values(form, 'langs');
  return {
    email: one(form, 'email').slice(0, 320),
    langs: langs.length ? langs : [lang],
    frequency: one(form, 'frequency') === 'weekly' ? 'weekly' : 'instant',
    follows: values(form, 'follow').slice(0, 200),
    search: one(form, 'search').slice(0, 400),
  };
}

function stateOf(sub: Subscriber): FormState {
  return {
    email: sub.email,
    langs: sub.langs,
    frequency: sub.frequency,
    follows: sub.follows.filter((f) => f.kind !== 'search').map((f) => `${f.kind}:${f.ref}`),
    search: sub.follows.find((f) => f.kind === 'search')?.ref ?? '',
  };
}

function prefsOf(state: FormState, lang: string): Preferences {
  const follows = state.follows.map((v) => {
    const at = v.indexOf(':');
    return { kind: (at < 0 ? v : v.slice(0, at)) as FollowKind, ref: at < 0 ? '' : v.slice(at + 1) };
  });
  if (state.search.trim()) follows.push({ kind: 'search', ref: state.search });
  return { uiLang: lang, langs: state.langs, frequency: state.frequency, follows };
}

/** The names the form shows for the languages an error lists (`en,ar` → `English، العربية`). */
const LANG_NAMES: Record<string, string> = { ar: 'العربية', en: 'English' };

/**
 * The error in the page's language: an address's problem, else the preferences' problem by the data the
 * error carries; an error no catalog knows keeps its English message after the translated lead.
 *
 * @example errorText('ar', new MizanError('bad-preferences', '…', { data: { problem: 'langs', langs: 'en,ar' } }))
 * // → 'يُرجى مراجعة اختياراتك: اختر لغة واحدة على الأقل للمقالات (English، العربية).'
 */
function errorText(lang: string, err: MizanError): string {
  if (err instanceof AddressError) return st(lang, `bad.${err.problem}` as SubscribeKey);
  const key = `bad.pref.${String(err.data.problem)}`;
  if (err.code !== 'bad-preferences' || !isSubscribeKey(key)) return st(lang, 'bad.preferences', { message: err.message });
  const langs = String(err.data.langs ?? '')
    .split(',')
    .map((code) => LANG_NAMES[code] ?? code)
    .join(lang === 'ar' ? '، ' : ', ');
  return st(lang, key, { langs, limit: formatNumber(lang, Number(err.data.limit ?? 0)) });
}

async function readForm(c: Context): Promise<Form | undefined> {
  try {
    return (await c.req.parseBody({ all: true })) as Form;
  } catch {
    return undefined;
  }
}

/**
 * Mounts the subscribe routes in every language.
 *
 * @example registerSubscribe(app, { store, baseUrl: 'https://example.org' })
 */
export function registerSubscribe(app: Hono, deps: WebDeps & { trustProxy?: boolean }): void {
  const store = deps.store;
  const settings = securitySettings(deps);
  const limit = bodyLimit({ maxSize: MAX_BODY, onError: (c) => c.text('request body too large', 413, { connection: 'close' }) });
  const page = (c: Context, node: HtmlString, status = 200) => sendPage(c, node, { cache: false, status }).then((r) => (Object.entries(NO_STORE).forEach(([k, v]) => r.headers.set(k, v)), r));
  const message = (c: Context, lang: string, key: 'sent' | 'limited' | 'confirmed' | 'invalid' | 'deleted' | 'unsubbed', status = 200, extra: Partial<Parameters<typeof SubscribeMessagePage>[0]> = {}) =>
    page(c, <SubscribeMessagePage lang={lang} title={st(lang, `${key}.title` as SubscribeKey)} body={st(lang, `${key}.body` as SubscribeKey)} {...extra} />, status);
  const invalid = (c: Context, lang: string) => message(c, lang, 'invalid', 400, { link: { href: subscribePath(lang), label: st(lang, 'again') } });

  for (const { lang, prefix } of sitePrefixes()) {
    app.get(`${prefix}/subscribe`, async (c) => {
      const pre: string[] = [];
      for (const kind of ['topic', 'region', 'expert', 'series'] as const) {
        const v = c.req.query(kind);
        if (v && v.length <= 200) pre.push(`${kind}:${v}`);
      }
      const state: FormState = { email: '', langs: [lang], frequency: 'instant', follows: pre.length ? pre : ['all:'], search: (c.req.query('q') ?? '').slice(0, 200) };
      // A build renders this page once for each topic, region, expert and series it is linked from.
      return page(c, <SubscribeFormPage lang={lang} choices={await onceInBuild(deps, `subscribe ${lang}`, () => choices(store, lang))} state={state} />);
    });

    app.post(`${prefix}/subscribe`, limit, async (c) => {
      if (!sameOrigin(c, settings)) return c.text('refused: this form must be sent from this site', 403, NO_STORE);
      const form = await readForm(c);
      if (!form) return c.text('unreadable form', 400, NO_STORE);
      const state = stateFromForm(form, lang);
      try {
        const outcome = await requestSubscription(store, { email: state.email, ...prefsOf(state, lang), ip: clientIp(c, settings) });
        if (outcome === 'ip-limited') {
          const res = await message(c, lang, 'limited', 429);
          res.headers.set('retry-after', '3600');
          return res;
        }
        return message(c, lang, 'sent');
      } catch (err) {
        if (!(err instanceof MizanError)) throw err;
        return page(c, <SubscribeFormPage lang={lang} choices={await choices(store, lang)} state={state} error={errorText(lang, err)} />, 400);
      }
    });

    app.get(`${prefix}/subscribe/confirm`, async (c) => {
      const token = c.req.query('token');
      if (!(await subscriberFromToken(store, token, 'confirm'))) return invalid(c, lang);
      return page(c, <SubscribeMessagePage lang={lang} title={st(lang, 'confirm.title')} body={st(lang, 'confirm.body')} action={{ url: subscribePath(lang, '/confirm'), label: st(lang, 'confirm.button'), token: token! }} />);
    });

    app.post(`${prefix}/subscribe/confirm`, limit, async (c) => {
      const form = await readForm(c);
      const sub = form && (await confirmSubscription(store, one(form, 'token')));
      if (!sub) return invalid(c, lang);
      const manage = await tokenFor(store, sub, 'manage');
      return message(c, lang, 'confirmed', 200, { link: { href: `${subscribePath(lang, '/manage')}?token=${encodeURIComponent(manage)}`, label: st(lang, 'manageLink') } });
    });

    app.get(`${prefix}/subscribe/manage`, async (c) => {
      const token = c.req.query('token');
      const sub = await subscriberFromToken(store, token, 'manage');
      if (!sub) return invalid(c, lang);
      const stopped = sub.status !== 'active' && sub.status !== 'pending';
      const notice = c.req.query('saved') ? st(lang, 'manage.saved') : stopped ? st(lang, 'manage.stopped', { email: sub.email }) : undefined;
      return page(c, <SubscribeFormPage lang={lang} choices={await choices(store, lang)} state={stateOf(sub)} token={token} notice={notice} stopped={stopped} />);
    });

    app.post(`${prefix}/subscribe/manage`, limit, async (c) => {
      if (!sameOrigin(c, settings)) return c.text('refused: this form must be sent from this site', 403, NO_STORE);
      const form = await readForm(c);
      const token = form ? one(form, 'token') : '';
      const sub = await subscriberFromToken(store, token, 'manage');
      if (!form || !sub) return invalid(c, lang);
      const back = `${subscribePath(lang, '/manage')}?token=${encodeURIComponent(token)}&saved=1`;
      const what = one(form, 'do');
      if (what === 'delete') {
        await deleteSubscriber(store, sub.id);
        return message(c, lang, 'deleted');
      }
      if (what === 'stop') {
        await stopSubscriber(store, sub.id, 'unsubscribed', 'preference page');
        return c.redirect(back, 303);
      }
      if (what === 'resume') {
        // Resuming is the subscriber's own act through their signed link: no new confirmation is needed.
        await mdb(store).updateTable('mail_subscribers').set({ status: 'active', stopped_reason: null, updated_at: new Date().toISOString() }).where('id', '=', sub.id).execute();
        return c.redirect(back, 303);
      }
      const state = { ...stateFromForm(form, lang), email: sub.email };
      try {
        await updatePreferences(store, sub.id, prefsOf(state, lang));
      } catch (err) {
        if (!(err instanceof MizanError)) throw err;
        return page(c, <SubscribeFormPage lang={lang} choices={await choices(store, lang)} state={state} token={token} error={errorText(lang, err)} />, 400);
      }
      return c.redirect(back, 303);
    });

    app.get(`${prefix}/subscribe/unsubscribe`, async (c) => {
      const token = c.req.query('token');
      if (!(await subscriberFromToken(store, token, 'unsubscribe'))) return invalid(c, lang);
      return page(c, <SubscribeMessagePage lang={lang} title={st(lang, 'unsub.title')} body={st(lang, 'unsub.body')} action={{ url: `${subscribePath(lang, '/unsubscribe')}?token=${encodeURIComponent(token!)}`, label: st(lang, 'unsub.button'), token: token! }} />);
    });

    // RFC 8058 one-click: the token is in the address; the body is `List-Unsubscribe=One-Click` (or our own form's).
    app.post(`${prefix}/subscribe/unsubscribe`, limit, async (c) => {
      const sub = await subscriberFromToken(store, c.req.query('token'), 'unsubscribe');
      if (!sub) return invalid(c, lang);
      if (sub.status === 'active' || sub.status === 'pending') await stopSubscriber(store, sub.id, 'unsubscribed', 'one-click unsubscribe');
      return message(c, lang, 'unsubbed');
    });
  }
}

/**
 * @module The first-run setup at /admin/setup. While the database has no account, `mizan serve` makes a
 * setup token (kept in the database, so any server on it knows it) and prints the address
 * `/admin/setup?token=…`; the page creates the first admin, signs it in and sends it to enrol a second
 * factor. Without a live token the page refuses (403); once an account exists it is gone (404), whoever
 * created it.
 */
import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { addUser, createSession, setupTokenState } from '../../app/index.ts';
import { MizanError } from '../../lib/index.ts';
import type { Store } from '../../store/index.ts';
import { renderPage } from '../views/layout.tsx';
import { at, type AdminKey } from './admin-i18n.ts';
import { clientIp, readCookie, sameOrigin, tokensMatch, writeCookie, type AdminSettings } from './admin-security.ts';
import { SetupPage } from './setup-page.tsx';

const NO_STORE = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow', 'referrer-policy': 'no-referrer' };

/** Error codes of account creation, as the setup page words them. */
const MESSAGES: Record<string, AdminKey> = { 'weak-password': 'setup.weak', 'invalid-email': 'setup.badEmail', 'setup-closed': 'setup.closed', 'setup-refused': 'setup.refused' };

/** The page's status for each refusal: gone once an account exists, forbidden for a wrong or expired token. */
const STATUS: Record<string, number> = { 'setup-closed': 404, 'setup-refused': 403 };

export function registerSetup(app: Hono, deps: { store: Store; settings: AdminSettings; uiLang: (c: Context) => string }): void {
  const { store, settings } = deps;

  const page = async (c: Context, status: number, props: { token?: string; email?: string; error?: AdminKey }) => {
    const csrf = randomBytes(24).toString('base64url');
    writeCookie(c, 'signin', csrf, settings);
    const lang = deps.uiLang(c);
    const flash = props.error ? { kind: 'error' as const, text: at(lang, props.error) } : undefined;
    return c.html(await renderPage(<SetupPage lang={lang} csrf={csrf} token={props.token} email={props.email} flash={flash} />), status as 200, NO_STORE);
  };

  /** 404 once an account exists, 403 for a wrong or expired token; undefined when setup may go on. */
  const closed = async (c: Context, token: string | undefined): Promise<Response | undefined> => {
    const state = await setupTokenState(store, token);
    if (state === 'closed') return page(c, 404, { error: 'setup.closed' });
    if (state === 'refused') return page(c, 403, { error: 'setup.refused' });
    return undefined;
  };

  app.get('/admin/setup', async (c) => {
    const token = c.req.query('token');
    return (await closed(c, token)) ?? page(c, 200, { token });
  });

  app.post('/admin/setup', async (c) => {
    if (!sameOrigin(c, settings)) return c.text('refused: this request did not come from this site (Origin check)', 403, NO_STORE);
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      return c.text('unreadable form', 400, NO_STORE);
    }
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    if (!tokensMatch(field('_csrf') || undefined, readCookie(c, 'signin', settings))) return c.text('refused: missing or wrong CSRF token (reload the setup page)', 403, NO_STORE);
    const token = field('token');
    const refusal = await closed(c, token);
    if (refusal) return refusal;
    const email = field('email').slice(0, 254);
    if (field('password') !== field('confirm')) return page(c, 422, { token, email, error: 'setup.mismatch' });
    try {
      // The token is checked again, and spent, in the transaction that creates the account, under a lock
      // every server on this database takes: two submissions at once (on one server or two) make one admin.
      const user = await addUser(store, { email, role: 'admin', password: field('password') }, { setupToken: token, actor: { id: null, email: null, ip: clientIp(c, settings) } });
      const session = await createSession(store, user.id, { ip: clientIp(c, settings), userAgent: c.req.header('user-agent') ?? '' });
      writeCookie(c, 'session', session.token, settings);
      return c.redirect('/admin/account?welcome=1', 303);
    } catch (err) {
      const key = err instanceof MizanError ? MESSAGES[err.code] : undefined;
      if (!key) throw err;
      return page(c, STATUS[(err as MizanError).code] ?? 422, { token, email, error: key });
    }
  });
}

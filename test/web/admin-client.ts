/**
 * @module Test support for the editors' side: a real server on a free port over a real store, and a
 * small HTTP client that keeps cookies and reads CSRF tokens out of forms, as a browser would.
 */
import { addUser, type Role } from '../../src/app/index.ts';
import { createWebApp, listen, type Listening, type WebDeps } from '../../src/web/index.ts';
import type { TestStore } from '../support/engines.ts';
import { FAST } from '../app/fast-cost.ts';

export const PASSWORD = 'correct horse battery staple';

export interface AdminServer {
  url: string;
  store: TestStore;
  close(): Promise<void>;
}

/** Serves the whole site (public and /admin) from `store` on 127.0.0.1. */
export async function startServer(store: TestStore, extra: { trustProxy?: boolean; trustedProxies?: string; baseUrl?: string } = {}): Promise<AdminServer> {
  const deps: WebDeps & { trustProxy?: boolean; trustedProxies?: string } = { store, ...extra };
  const server: Listening = await listen(createWebApp(deps, { noCache: true }), { port: 0, host: '127.0.0.1' });
  return { url: server.url, store, close: () => server.close() };
}

/** One account per role, with the shared test password. */
export async function addAccounts(store: TestStore, roles: Role[] = ['author', 'editor', 'admin']): Promise<void> {
  for (const role of roles) await addUser(store, { email: `${role}@example.org`, role, password: PASSWORD }, { cost: FAST });
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
  setCookies: string[];
}

/** A browser-like client: keeps cookies, sends its own Origin on POST unless told otherwise. */
export class Client {
  readonly cookies = new Map<string, string>();
  /** Sent with every request (a proxy's X-Forwarded-Proto, say). */
  defaultHeaders: Record<string, string> = {};
  /** The Origin browsers would send from our pages. */
  origin: string;
  constructor(readonly base: string) {
    this.origin = base;
  }

  #cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, path: string, opts: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...this.defaultHeaders, ...opts.headers };
    if (this.cookies.size) headers.cookie = this.#cookieHeader();
    const res = await fetch(this.base + path, { method, body: opts.body, headers, redirect: 'manual' });
    const setCookies = res.headers.getSetCookie();
    for (const sc of setCookies) {
      const [pair, ...attrs] = sc.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0/i.test(a)) || value === '';
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get('location'), setCookies };
  }

  get(path: string, headers?: Record<string, string>): Promise<Answer> {
    return this.request('GET', path, { headers });
  }

  /** POSTs a form; `csrf: true` fills `_csrf` from the last page seen at `from` (default: the path itself). */
  async post(path: string, fields: Record<string, string | string[]>, opts: { origin?: string | null; csrf?: string | null; headers?: Record<string, string> } = {}): Promise<Answer> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    if (opts.csrf) body.set('_csrf', opts.csrf);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers };
    if (opts.origin !== null) headers.origin = opts.origin ?? this.origin;
    return this.request('POST', path, { body, headers });
  }

  async postMultipart(path: string, form: FormData, csrf: string): Promise<Answer> {
    form.set('_csrf', csrf);
    return this.request('POST', path, { body: form, headers: { origin: this.origin } });
  }

  /** The CSRF token in the forms of the page at `path`. */
  async csrfOf(path = '/admin/account'): Promise<string> {
    const page = await this.get(path);
    const m = /name="_csrf" value="([^"]+)"/.exec(page.text);
    if (!m) throw new Error(`no CSRF token on ${path} (status ${page.status})`);
    return m[1];
  }

  /** Signs in with email and password; returns the final answer of the sign-in POST. */
  async signIn(email: string, password = PASSWORD, headers?: Record<string, string>): Promise<Answer> {
    const csrf = await this.csrfOf('/admin/sign-in');
    return this.post('/admin/sign-in', { email, password }, { csrf, headers });
  }
}

/** Signs in a fresh client as `role@example.org` and checks it worked. */
export async function signedIn(base: string, role: Role): Promise<Client> {
  const client = new Client(base);
  const r = await client.signIn(`${role}@example.org`);
  if (r.status !== 303 || r.location !== '/admin') throw new Error(`sign-in as ${role} failed: ${r.status} ${r.text.slice(0, 200)}`);
  return client;
}

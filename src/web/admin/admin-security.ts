/**
 * @module The HTTP side of the editors' security: which scheme a request came over (HTTPS directly, or
 * through a trusted TLS proxy's X-Forwarded-Proto), the cookie names and flags that follow from it
 * (`__Host-` and Secure over HTTPS, plain names over HTTP in development), the client's address, and
 * the Origin check every state-changing request passes.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ABSOLUTE_MS } from '../../app/index.ts';
import { forwardedClient, trustedProxies, type TrustedProxies } from './trusted-proxies.ts';

export interface AdminSettings {
  /**
   * Believe X-Forwarded-Proto and X-Forwarded-For (MIZAN_TRUST_PROXY=1, or MIZAN_TRUSTED_PROXIES set,
   * behind a TLS proxy), and then only from a peer in `proxies`.
   */
  trustProxy: boolean;
  /** The peers whose forwarded headers count (MIZAN_TRUSTED_PROXIES; default loopback). */
  proxies: TrustedProxies;
  /** The public origin (MIZAN_BASE_URL), accepted as an Origin besides the request's own. */
  baseUrl?: string;
}

/** Whether the request reached us over HTTPS (directly, or via a trusted proxy). */
export function isHttps(c: Context, settings: AdminSettings): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!fromTrustedProxy(c, settings)) return false;
  return (c.req.header('x-forwarded-proto') ?? '').split(',')[0].trim().toLowerCase() === 'https';
}

export type CookieKind = 'session' | 'signin' | 'lang';

const BASE_NAMES: Record<CookieKind, string> = { session: 'mizan_session', signin: 'mizan_signin', lang: 'mizan_admin_lang' };

/** `__Host-mizan_session` over HTTPS, `mizan_session` over plain HTTP. */
export function cookieName(kind: CookieKind, https: boolean): string {
  return (https ? '__Host-' : '') + BASE_NAMES[kind];
}

export function readCookie(c: Context, kind: CookieKind, settings: AdminSettings): string | undefined {
  return getCookie(c, cookieName(kind, isHttps(c, settings)));
}

/** Sets a cookie HttpOnly, SameSite=Lax, path /, and Secure with the `__Host-` prefix over HTTPS. */
export function writeCookie(c: Context, kind: CookieKind, value: string, settings: AdminSettings, maxAgeSeconds?: number): void {
  const https = isHttps(c, settings);
  setCookie(c, cookieName(kind, https), value, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: https,
    path: '/',
    maxAge: maxAgeSeconds ?? (kind === 'lang' ? 365 * 24 * 3600 : kind === 'session' ? ABSOLUTE_MS / 1000 : 15 * 60),
  });
}

export function clearCookie(c: Context, kind: CookieKind, settings: AdminSettings): void {
  const https = isHttps(c, settings);
  deleteCookie(c, cookieName(kind, https), { path: '/', secure: https, httpOnly: true, sameSite: 'Lax' });
}

/** The socket's peer address ('unknown' where the server cannot say). */
function peerOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No socket at all: a request made inside this process (`app.request`, the static build), that is, from this machine.
    return '127.0.0.1';
  }
}

/** Whether forwarded headers count for this request: trust is on and the peer is a trusted proxy. */
function fromTrustedProxy(c: Context, settings: AdminSettings): boolean {
  return settings.trustProxy && settings.proxies.has(peerOf(c));
}

/**
 * The client's address: the socket's peer or, when that is a trusted proxy, the right-most hop of
 * X-Forwarded-For that is not one (see trusted-proxies.ts).
 */
export function clientIp(c: Context, settings: AdminSettings): string {
  const peer = peerOf(c);
  if (!settings.trustProxy) return peer;
  return forwardedClient(peer, c.req.header('x-forwarded-for'), settings.proxies).slice(0, 64);
}

/**
 * Whether a state-changing request comes from our own pages: its Origin (or, when a browser sent
 * none, its Referer's origin) must be this site's — the request's own origin or the public one.
 */
export function sameOrigin(c: Context, settings: AdminSettings): boolean {
  const origin = c.req.header('origin') ?? originOf(c.req.header('referer'));
  if (!origin || origin === 'null') return false;
  const host = c.req.header('host');
  const scheme = isHttps(c, settings) ? 'https' : 'http';
  const allowed = new Set<string>();
  if (host) allowed.add(`${scheme}://${host}`.toLowerCase());
  allowed.add(new URL(c.req.url).origin.toLowerCase());
  const base = originOf(settings.baseUrl);
  if (base) allowed.add(base.toLowerCase());
  return allowed.has(origin.toLowerCase());
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Constant-time comparison of two tokens (false when either is missing). */
export function tokensMatch(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The settings every route that reads cookies or client addresses shares (the editors' side, the
 * subscribe forms): MIZAN_TRUST_PROXY=1 or MIZAN_TRUSTED_PROXIES behind a TLS proxy, and the public origin.
 *
 * @example securitySettings({ baseUrl: 'https://example.org' }).trustProxy // → false without the variables
 */
export function securitySettings(deps: { baseUrl?: string; trustProxy?: boolean; trustedProxies?: string }): AdminSettings {
  const listed = deps.trustedProxies ?? (process.env.MIZAN_TRUSTED_PROXIES?.trim() || undefined);
  return {
    trustProxy: deps.trustProxy ?? (process.env.MIZAN_TRUST_PROXY === '1' || listed !== undefined),
    proxies: trustedProxies(listed),
    baseUrl: deps.baseUrl,
  };
}

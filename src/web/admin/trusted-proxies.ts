/**
 * @module Which peers may speak for the client: `MIZAN_TRUSTED_PROXIES` is a list of addresses and CIDR
 * blocks (default loopback, where a proxy on the same machine connects from). Forwarded headers are
 * believed only when the connection itself comes from one of them; otherwise anyone reaching the server
 * directly could name a new address for every guess and never be throttled. The client is the right-most
 * address in X-Forwarded-For that is not a trusted proxy: entries to its left were written by the client.
 */
import { BlockList, isIP } from 'node:net';

export const DEFAULT_TRUSTED_PROXIES = '127.0.0.0/8, ::1/128';

export interface TrustedProxies {
  /** `has('127.0.0.1')` → true for the default list. */
  has(address: string): boolean;
  /** The list as given, for messages. */
  readonly text: string;
}

/**
 * Parses a comma- or space-separated list of addresses and CIDR blocks.
 *
 * @example trustedProxies('10.0.0.0/8, 192.0.2.7').has('10.1.2.3') // → true
 */
export function trustedProxies(text: string = DEFAULT_TRUSTED_PROXIES): TrustedProxies {
  const list = new BlockList();
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || rest.length || !/^\d*$/.test(prefix ?? '') || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) {
      throw new Error(`MIZAN_TRUSTED_PROXIES: "${entry}" is not an address or CIDR block (like 10.0.0.0/8 or ::1/128)`);
    }
    list.addSubnet(address!, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return {
    text,
    has(address: string) {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/**
 * The client's address given the socket's peer and the X-Forwarded-For header: the peer itself unless it
 * is a trusted proxy; then, from the right, the first hop that is not one (or the left-most when all are).
 *
 * @example forwardedClient('127.0.0.1', '6.6.6.6, 203.0.113.5', trustedProxies()) // → '203.0.113.5'
 */
export function forwardedClient(peer: string, forwardedFor: string | undefined, proxies: TrustedProxies): string {
  if (!proxies.has(peer)) return peer;
  const hops = (forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return peer; // a hop no proxy would write: trust nothing left of it
    if (!proxies.has(hop) || i === 0) return hop;
  }
  return peer;
}

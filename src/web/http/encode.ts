/**
 * @module Content encoding: picks brotli or gzip from Accept-Encoding and compresses with node:zlib.
 * Small bodies and already-compressed types (fonts, images) go as they are.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

const MIN_SIZE = 512;

/** Whether a body of this content type gains from compression. */
export function compressible(type: string | null): boolean {
  return !!type && /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|feed\+json|ld\+json|javascript)|image\/svg)/.test(type);
}

/**
 * The encoding to answer with for an Accept-Encoding header: brotli first, then gzip (q=0 refuses one).
 *
 * @example negotiateEncoding('gzip, deflate, br') // → 'br'
 */
export function negotiateEncoding(accept: string | null | undefined, size: number): Encoding {
  if (!accept || size < MIN_SIZE) return 'identity';
  const offered = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    offered.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/** The body compressed with `encoding` (brotli at a quality that keeps rendering per request cheap). */
export function encodeBody(body: Uint8Array, encoding: Encoding): Uint8Array {
  if (encoding === 'br') {
    return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } });
  }
  if (encoding === 'gzip') return gzipSync(body, { level: 6 });
  return body;
}

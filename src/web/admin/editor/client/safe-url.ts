/**
 * @module The addresses the editor lets into a document (the same rule as the server's sanitizer,
 * which checks again on save): http(s), mailto, or a site path.
 */

/** @example safeUrl('javascript:alert(1)') // → null */
export function safeUrl(url: string): string | null {
  const u = url.trim();
  if (/^\/(?!\/)/.test(u)) return u;
  try {
    const parsed = new URL(u);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? u : null;
  } catch {
    return null;
  }
}

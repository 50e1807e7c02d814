/**
 * @module What a reader sees for a cited address instead of the raw URL: the host, and a title read
 * from the address's last descriptive path segment when it has one ("german-arms-sales-to-algeria-…"
 * → "German arms sales to algeria …"). Ids, dates, file extensions and one-word segments are not titles.
 */

/** The words of one path segment, or null when the segment is not descriptive (three words or more). */
function segmentTitle(segment: string): string | null {
  let text: string;
  try {
    text = decodeURIComponent(segment);
  } catch {
    text = segment;
  }
  text = text.replace(/\.(s?html?|php|aspx?|jsp|cfm|pdf)$/i, '');
  const words = text
    .split(/[-_+\s]+/)
    .filter(Boolean)
    // Leading dates and trailing ids are addresses' bookkeeping, not words of the title.
    .filter((w, i, all) => !(/^\d+$/.test(w) && (i === 0 || i === all.length - 1)))
    .filter((w, i, all) => !(i === all.length - 1 && /^[a-z]?\d{4,}$/i.test(w)));
  while (words.length && /^[a-z]$/i.test(words[words.length - 1]!)) words.pop();
  if (words.length < 3 || !words.some((w) => /\p{L}{3,}/u.test(w))) return null;
  const title = words.join(' ');
  return title.charAt(0).toLocaleUpperCase() + title.slice(1);
}

/**
 * @example readableSource('https://www.spiegel.de/international/german-arms-sales-to-algeria-a-866690.html')
 * // → { host: 'spiegel.de', title: 'German arms sales to algeria' }
 * @example readableSource('http://en.kremlin.ru/catalog/keywords/82/events/70419/print')
 * // → { host: 'en.kremlin.ru', title: null }
 */
export function readableSource(url: string, truncated = false): { host: string; title: string | null } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { host: url, title: null };
  }
  const host = parsed.hostname.replace(/^www\./, '');
  const segments = parsed.pathname.split('/').filter(Boolean);
  // A truncated address's last segment is cut mid-word: it is not read as a title.
  if (truncated) segments.pop();
  for (let i = segments.length - 1; i >= 0; i--) {
    const title = segmentTitle(segments[i]!);
    if (title) return { host, title };
  }
  return { host, title: null };
}

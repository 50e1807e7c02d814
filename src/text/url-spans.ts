/**
 * @module Where the URLs are in a text, so that date and quantity finders do not read '/2020/10/01/' as a date.
 */

const URL_RE = /(?:https?|ftp):\/\/[^\s<>"()[\]{}]+|www\.[^\s<>"()[\]{}]+/gi;

/**
 * A predicate telling whether an index lies inside a URL; call it with increasing indexes (it walks forward).
 * @example const inUrl = urlSpans('see https://x.org/2020 now'); inUrl(18) // → true
 */
export function urlSpans(text: string): (index: number) => boolean {
  const spans: [number, number][] = [];
  for (const u of text.matchAll(URL_RE)) spans.push([u.index!, u.index! + u[0].length]);
  let k = 0;
  return (index: number) => {
    while (k < spans.length && spans[k][1] <= index) k++;
    return k < spans.length && spans[k][0] <= index;
  };
}

/**
 * @module A printed PDF's dates made the article's own. Chromium stamps `/CreationDate` and `/ModDate`
 * with the moment of printing, so two prints of an unchanged article differ: ETags change, the static
 * build rewrites every PDF, caches miss. The values are replaced in place by the article's dates written
 * at the same byte length, so the cross-reference offsets stay valid; an article with no date loses the
 * entries (blanked to spaces, which a dictionary allows) rather than carry the print time.
 */

/** The article dates a PDF should carry: creation is first publication, modification the last update. */
export interface PdfDates {
  published: string | null;
  updated: string | null;
}

function dateOf(s: string | null): Date | undefined {
  if (!s) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * `date` as a PDF date string of exactly `length` characters, in UTC, when one of the forms the PDF
 * standard allows has that length.
 *
 * @example pdfDate(new Date('2023-05-18T00:00:00Z'), 23) // → "D:20230518000000+00'00'"
 */
export function pdfDate(date: Date, length: number): string | undefined {
  const stamp = date.toISOString().replace(/\D/g, '').slice(0, 14);
  return [`D:${stamp}+00'00'`, `D:${stamp}+00'00`, `D:${stamp}Z`, `D:${stamp}`].find((s) => s.length === length);
}

/**
 * The PDF with its Info dates set to the article's.
 *
 * @example stablePdfDates(pdf, { published: '2023-05-18', updated: null }) // → the same bytes but "/CreationDate (D:20230518000000+00'00')" and "/ModDate (D:20230518000000+00'00')"
 */
export function stablePdfDates(pdf: Buffer, dates: PdfDates): Buffer {
  const created = dateOf(dates.published) ?? dateOf(dates.updated);
  const modified = dateOf(dates.updated) ?? created;
  // latin1 maps each byte to one character and back, so offsets are kept exactly.
  const src = pdf.toString('latin1');
  const out = src.replace(/\/(CreationDate|ModDate) ?\((D:[0-9+\-Z']*)\)/g, (whole, key: string, value: string) => {
    const date = key === 'CreationDate' ? created : modified;
    const replaced = date && pdfDate(date, value.length);
    if (replaced) return whole.replace(value, replaced);
    return date ? whole : ' '.repeat(whole.length);
  });
  return out === src ? pdf : Buffer.from(out, 'latin1');
}

/**
 * @module The text of an article's attachments, for the index: read from the `media` table's `text`
 * column, where the media layer keeps what it extracted from each PDF (the bytes never change under
 * a hash, so neither does the text). In the snippet text (`search_text`) each attachment follows the
 * article's own text after a marker line, so a hit can say its words came from the attachment.
 */
import type { Article } from '../model/index.ts';
import type { Store } from '../store/index.ts';

/** An attachment's text as the index keeps it. */
export interface AttachmentText {
  src: string;
  title: string;
  text: string;
}

/** Starts a marker line: `\u001e<src>\u001f<title>`; neither character occurs in text a page or PDF gives. */
const MARK = '\u001e';
const SEP = '\u001f';

type MediaText = { media: { hash: string; kind: string; text: string | null } };

/**
 * The stored text of `article`'s attachments, in the article's order (those without text left out).
 *
 * @example await attachmentTexts(tx, article) // → [{ src: '/media/3f….pdf', title: 'مذكرة سياسات', text: '…' }]
 */
export async function attachmentTexts(store: Store, article: Article): Promise<AttachmentText[]> {
  const wanted = article.attachments.flatMap((a) => {
    const hash = /^\/media\/([0-9a-f]{32})(?:[/.]|$)/.exec(a.src)?.[1];
    return hash ? [{ hash, src: a.src, title: a.title }] : [];
  });
  if (!wanted.length) return [];
  const rows = await store.db
    .withTables<MediaText>()
    .selectFrom('media')
    .select(['hash', 'text'])
    .where('hash', 'in', wanted.slice(0, 100).map((w) => w.hash))
    .where('kind', '=', 'file')
    .execute();
  const byHash = new Map(rows.map((r) => [r.hash, r.text ?? '']));
  return wanted.flatMap((w) => (byHash.get(w.hash) ? [{ src: w.src, title: w.title, text: byHash.get(w.hash)! }] : []));
}

/** The snippet text of an article with its attachments' after it. */
export function joinAttachmentText(own: string, attachments: AttachmentText[]): string {
  let out = own;
  for (const a of attachments) out += `\n${MARK}${a.src}${SEP}${a.title.replace(/[\n\u001e\u001f]/g, ' ')}\n${a.text.replace(/[\u001e\u001f]/g, ' ')}`;
  return out;
}

/**
 * Splits snippet text back into the article's own and each attachment's.
 *
 * @example splitAttachmentText(joinAttachmentText('body', [{ src: '/media/a.pdf', title: 'Note', text: 'x' }])) // → { own: 'body', attachments: [{ src: '/media/a.pdf', title: 'Note', text: 'x' }] }
 */
export function splitAttachmentText(text: string): { own: string; attachments: AttachmentText[] } {
  const parts = text.split(`\n${MARK}`);
  const attachments = parts.slice(1).map((p) => {
    const nl = p.indexOf('\n');
    const head = nl < 0 ? p : p.slice(0, nl);
    const [src, title = ''] = head.split(SEP);
    return { src, title, text: nl < 0 ? '' : p.slice(nl + 1) };
  });
  return { own: parts[0], attachments };
}

/**
 * @module Starting a translation from its source in one act: a draft in the other language, linked to the
 * source both ways and recorded as made from the source's current revision (so it is marked outdated
 * once the source moves on), opened next in the side-by-side view. The draft starts as a copy of the
 * source (title, summary, body with its notes, tables and images, sources), so the translator replaces
 * text block by block and keeps the structure; authors, topics and regions carry over only where the same
 * expert or term exists in the target language (never made up), the publication date and series stay
 * empty. A source already paired in that language is refused: the existing translation is the one to open.
 */
import { MizanError } from '../../lib/index.ts';
import { articleIdFor, articlePath, dirOf, isLang, langInfo, pagePath, slugOfPath, typeLabel, type Article } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { requireCan, type Editor } from './editor.ts';
import { saveEdit } from './edit-article.ts';
import { linkTranslation, pairings } from './manage-articles.ts';
import { requireOwnership } from './ownership.ts';

/** The source already has a translation in that language (HTTP 409): open it rather than make a second. */
export class AlreadyTranslatedError extends MizanError {
  constructor(
    readonly translation: { id: string; title: string; lang: string },
    source: string,
  ) {
    super('already-translated', `"${source}" already has a ${translation.lang} translation, "${translation.title}" (${translation.id}): open it instead`, { status: 409 });
    this.name = 'AlreadyTranslatedError';
  }
}

/**
 * Creates the `lang` translation of article `sourceId` as a linked draft; resolves to the new article's id.
 *
 * @example await createTranslation(store, editor, arId, 'en') // → 'c0ffee…' (an English draft; translationOf → arId)
 */
export async function createTranslation(store: Store, editor: Editor, sourceId: string, lang: string): Promise<string> {
  requireCan(editor, 'article.write');
  // Linking changes the source too: an author translates only what they may change.
  await requireOwnership(store, editor, sourceId);
  return store.transaction(async (tx) => {
    const source = await tx.getArticle(sourceId);
    if (!source) throw new MizanError('not-found', `no article ${sourceId}`, { status: 404 });
    if (!isLang(lang)) throw new MizanError('invalid-article', `unknown language ${lang}`, { status: 422 });
    if (lang === source.lang) throw new MizanError('same-language', 'a translation must be in another language', { status: 422 });
    const existing = (await pairings(tx, [sourceId])).get(sourceId)?.find((p) => p.lang === lang);
    if (existing) throw new AlreadyTranslatedError(existing, source.title);

    const path = await freePath(tx, source, lang);
    // The same expert or term in the target language: through the alternates the store keeps, else by slug.
    const counterpart = <T extends { slug: string; path: string }>(mine: { slug: string; path: string; alternates: { lang: string; path: string }[] }[], theirs: T[], slug: string): T | undefined => {
      const alt = mine.find((m) => m.slug === slug)?.alternates.find((a) => a.lang === lang)?.path;
      return theirs.find((t) => t.path === alt) ?? theirs.find((t) => t.slug === slug);
    };
    const [expertsHere, expertsThere] = [await tx.listExperts(source.lang), await tx.listExperts(lang)];
    const terms = async (kind: 'topic' | 'region', refs: Article['topics']) => {
      const [here, there] = [await tx.listTerms(kind, source.lang), await tx.listTerms(kind, lang)];
      return refs.flatMap((r) => {
        const t = counterpart(here, there, r.slug);
        return t ? [{ slug: t.slug, name: t.name, path: t.path }] : [];
      });
    };
    const draft: Article = {
      ...source,
      id: articleIdFor(path),
      lang,
      dir: dirOf(lang),
      typeLabel: typeLabel(source.type, lang),
      series: null,
      published: null,
      updated: null,
      path,
      origin: { file: null, url: null },
      authors: source.authors.flatMap((a) => {
        const e = counterpart(expertsHere, expertsThere, a.slug);
        return e ? [{ slug: e.slug, name: e.name, title: e.title, bio: e.bio, path: e.path }] : [];
      }),
      translations: [],
      topics: await terms('topic', source.topics),
      regions: await terms('region', source.regions),
      countries: [],
      related: [],
    };
    const made = await saveEdit(tx, editor, { article: draft, note: `translation of ${source.path} started` });
    // Linking records the source's revision as the one the translation is made from.
    await linkTranslation(tx, editor, sourceId, made.id, { source: 'this' });
    return made.id;
  });
}

/** The source's own slug under the other language's prefix, or the first `-2`, `-3`… still free. */
async function freePath(tx: Store, source: Article, lang: string): Promise<string> {
  const slug = slugOfPath(source.path) || 'translation';
  const at = (s: string) => (source.type === 'page' ? pagePath(lang, s) : articlePath(lang, s));
  for (let n = 1; n < 100; n++) {
    const path = at(n === 1 ? slug : `${slug}-${n}`);
    const taken = await tx.db.selectFrom('paths').select('kind').where('path', '=', path).executeTakeFirst();
    if (!taken) return path;
  }
  throw new MizanError('path-taken', `no free address for a translation of ${source.path} in ${langInfo(lang).name}`, { status: 409 });
}

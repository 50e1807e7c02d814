/**
 * @module The media library as editors use it: upload an image (checked and cleaned as the CLI's
 * `mizan media add` does, refused whole when hostile), describe it per language (alt text, table
 * `media_alt`), list images with their descriptions, and give an expert a photo (`expert_photos`). The
 * description in a language is what an article in that language is offered when it takes the image.
 */
import { MizanError, NotFoundError } from '../../lib/index.ts';
import { isLang } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { recordAudit } from '../accounts/audit.ts';
import { requireCan, type Editor } from '../editorial/editor.ts';
import { sanitizeLine } from '../editorial/sanitize.ts';
import { addImage, getMedia, listMedia, type MediaInfo } from './media-store.ts';

type LibraryTables = {
  media_alt: { hash: string; lang: string; alt: string };
  expert_photos: { expert_id: string; hash: string; updated_at: string };
  media: { hash: string; width: number | null; height: number | null };
};

function ldb(store: Store) {
  return store.db.withTables<LibraryTables>();
}

/** The longest alt text kept (screen readers read all of it; a caption belongs elsewhere). */
export const MAX_ALT = 400;

/** An image with its alt text per language. */
export interface LibraryImage extends MediaInfo {
  alt: Record<string, string>;
}

function cleanAlts(alts: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [lang, raw] of Object.entries(alts)) {
    if (!isLang(lang)) throw new MizanError('bad-alt', `"${lang}" is not a language Mizan publishes in`, { status: 422 });
    const alt = sanitizeLine(raw ?? '');
    if (alt.length > MAX_ALT) throw new MizanError('bad-alt', `the alt text in ${lang} is longer than ${MAX_ALT} characters`, { status: 422 });
    out[lang] = alt;
  }
  return out;
}

async function writeAlts(store: Store, hash: string, alts: Record<string, string>): Promise<void> {
  const db = ldb(store);
  for (const [lang, alt] of Object.entries(alts)) {
    if (!alt) await db.deleteFrom('media_alt').where('hash', '=', hash).where('lang', '=', lang).execute();
    else await db.insertInto('media_alt').values({ hash, lang, alt }).onConflict((oc) => oc.columns(['hash', 'lang']).doUpdateSet({ alt })).execute();
  }
}

/** Alt texts of the given images, by hash then language. */
export async function mediaAlts(store: Store, hashes?: string[]): Promise<Map<string, Record<string, string>>> {
  let q = ldb(store).selectFrom('media_alt').select(['hash', 'lang', 'alt']);
  // Chunks are not needed: callers ask for one image, or for all of them (no list).
  if (hashes) q = q.where('hash', 'in', hashes.length ? hashes.slice(0, 500) : ['']);
  const out = new Map<string, Record<string, string>>();
  for (const r of await q.execute()) {
    const one = out.get(r.hash) ?? {};
    one[r.lang] = r.alt;
    out.set(r.hash, one);
  }
  return out;
}

/**
 * Uploads an image with its alt text: at least one language must describe it.
 *
 * @example await uploadImage(store, editor, bytes, 'map.jpg', { ar: 'خريطة الساحل', en: 'Map of the Sahel' }) // → { hash, src, alt, created: true, … }
 * @throws MediaError (nothing stored) for a file that is not an acceptable image; MizanError 422 without alt text
 */
export async function uploadImage(store: Store, editor: Editor, bytes: Uint8Array, name: string, alts: Record<string, string>): Promise<LibraryImage & { created: boolean }> {
  requireCan(editor, 'media.upload');
  const alt = cleanAlts(alts);
  if (!Object.values(alt).some(Boolean)) throw new MizanError('missing-alt', 'describe the image (alt text) in at least one language: readers who cannot see it hear this text', { status: 422 });
  const media = await addImage(store, bytes, name);
  await store.transaction(async (tx) => {
    await writeAlts(tx, media.hash, alt);
    await recordAudit(tx, editor, 'media.upload', media.hash, { name: media.name, created: media.created });
  });
  return { ...media, alt: (await mediaAlts(store, [media.hash])).get(media.hash) ?? {} };
}

/** Changes an image's alt text in the languages given (an empty text removes that language's). */
export async function describeImage(store: Store, editor: Editor, hash: string, alts: Record<string, string>): Promise<LibraryImage> {
  requireCan(editor, 'media.upload');
  const media = await getMedia(store, hash);
  if (!media) throw new NotFoundError(`no image ${hash}`);
  const alt = cleanAlts(alts);
  await store.transaction(async (tx) => {
    await writeAlts(tx, hash, alt);
    await recordAudit(tx, editor, 'media.describe', hash, { langs: Object.keys(alt) });
  });
  return { ...media, alt: (await mediaAlts(store, [hash])).get(hash) ?? {} };
}

/** Every image, newest first, with its alt text per language. */
export async function mediaLibrary(store: Store): Promise<LibraryImage[]> {
  const [all, alts] = await Promise.all([listMedia(store), mediaAlts(store)]);
  return all.filter((m) => m.kind === 'image').map((m) => ({ ...m, alt: alts.get(m.hash) ?? {} }));
}

/** One image of the library, or undefined. */
export async function libraryImage(store: Store, hash: string): Promise<LibraryImage | undefined> {
  const media = await getMedia(store, hash);
  if (!media || media.kind !== 'image') return undefined;
  return { ...media, alt: (await mediaAlts(store, [hash])).get(hash) ?? {} };
}

/** Keeps `alt` as the image's description in `lang` when the library has none in that language yet. */
export async function offerAlt(store: Store, hash: string, lang: string, alt: string): Promise<void> {
  const text = sanitizeLine(alt).slice(0, MAX_ALT);
  if (!text || !isLang(lang)) return;
  await ldb(store).insertInto('media_alt').values({ hash, lang, alt: text }).onConflict((oc) => oc.columns(['hash', 'lang']).doNothing()).execute();
}

// ---- expert photos ---------------------------------------------------------------------------------

/** An expert's photo as pages show it: the stored image and its size. */
export interface ExpertPhoto {
  src: string;
  width: number;
  height: number;
}

/**
 * Sets (or with `hash` null, removes) an expert's photo; the expert's pages change, so the change is
 * recorded for the caches (`expert:<id>`, and every list that shows bylines: `*`).
 */
export async function setExpertPhoto(store: Store, editor: Editor, expertId: string, hash: string | null): Promise<void> {
  requireCan(editor, 'taxonomy.edit');
  const expert = await store.db.selectFrom('experts').select('id').where('id', '=', expertId).executeTakeFirst();
  if (!expert) throw new NotFoundError(`no expert ${expertId}`);
  if (hash && !(await libraryImage(store, hash))) throw new NotFoundError(`no image ${hash}`);
  await store.transaction(async (tx) => {
    const db = ldb(tx);
    if (hash) {
      const at = new Date().toISOString();
      await db.insertInto('expert_photos').values({ expert_id: expertId, hash, updated_at: at }).onConflict((oc) => oc.column('expert_id').doUpdateSet({ hash, updated_at: at })).execute();
    } else {
      await db.deleteFrom('expert_photos').where('expert_id', '=', expertId).execute();
    }
    await recordAudit(tx, editor, hash ? 'expert.photo' : 'expert.photo.remove', expertId, hash ? { hash } : {});
    // Bylines on every article page and teaser may show the photo.
    await tx.recordChange(['*']);
  });
}

/** Photos of the given experts (all of them when no ids are given), by expert id. */
export async function expertPhotos(store: Store, expertIds?: string[]): Promise<Map<string, ExpertPhoto>> {
  let q = ldb(store)
    .selectFrom('expert_photos')
    .innerJoin('media', 'media.hash', 'expert_photos.hash')
    .select(['expert_photos.expert_id as id', 'expert_photos.hash as hash', 'media.width as width', 'media.height as height']);
  if (expertIds) q = q.where('expert_photos.expert_id', 'in', expertIds.length ? expertIds.slice(0, 500) : ['']);
  const out = new Map<string, ExpertPhoto>();
  for (const r of await q.execute()) {
    if (!r.width || !r.height) continue;
    out.set(r.id, { src: `/media/${r.hash}`, width: Number(r.width), height: Number(r.height) });
  }
  return out;
}

/**
 * Photos of the experts with these slugs in `lang` (an article's authors), by slug.
 *
 * @example await photosBySlug(store, 'ar', ['sabyna-hynbrj']) // → Map { 'sabyna-hynbrj' => { src: '/media/…', width: 800, height: 800 } }
 */
export async function photosBySlug(store: Store, lang: string, slugs: string[]): Promise<Map<string, ExpertPhoto>> {
  const out = new Map<string, ExpertPhoto>();
  if (!slugs.length) return out;
  const rows = await store.db
    .withTables<LibraryTables>()
    .selectFrom('expert_names')
    .innerJoin('expert_photos', 'expert_photos.expert_id', 'expert_names.expert_id')
    .innerJoin('media', 'media.hash', 'expert_photos.hash')
    .select(['expert_names.slug as slug', 'expert_photos.hash as hash', 'media.width as width', 'media.height as height'])
    .where('expert_names.lang', '=', lang)
    .where('expert_names.slug', 'in', slugs.slice(0, 200))
    .execute();
  for (const r of rows) if (r.width && r.height) out.set(r.slug, { src: `/media/${r.hash}`, width: Number(r.width), height: Number(r.height) });
  return out;
}

/**
 * Makes `hash` the photo of the expert named `slug` in `lang` (an import's `photo:`), inside the import's
 * transaction; the expert's name becomes the image's description in that language where it has none.
 * False when no such expert exists or the photo is already theirs.
 *
 * @example await importExpertPhoto(tx, 'ar', 'sabyna-hynbrj', '3f…', 'سابينا هينبرج') // → true
 */
export async function importExpertPhoto(tx: Store, lang: string, slug: string, hash: string, name: string): Promise<boolean> {
  const db = ldb(tx);
  const expert = await tx.db.selectFrom('expert_names').select('expert_id').where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
  if (!expert) return false;
  const had = await db.selectFrom('expert_photos').select('hash').where('expert_id', '=', expert.expert_id).executeTakeFirst();
  if (had?.hash === hash) return false;
  const at = new Date().toISOString();
  await db.insertInto('expert_photos').values({ expert_id: expert.expert_id, hash, updated_at: at }).onConflict((oc) => oc.column('expert_id').doUpdateSet({ hash, updated_at: at })).execute();
  await offerAlt(tx, hash, lang, name);
  // Bylines on every article page and teaser may show the photo.
  await tx.recordChange(['*']);
  return true;
}

/**
 * @module Media as use cases: add a file once by the hash of its bytes, list and read what is stored,
 * and make (then keep) the responsive variants pages ask for. Bytes live in the `media` and
 * `media_variant` tables (migration 030), so backups carry them.
 */
import { createHash } from 'node:crypto';
import { MizanError, NotFoundError } from '../../lib/index.ts';
import { isReadOnlyRefusal, type Store } from '../../store/index.ts';
import { cleanImage, encodeVariant, MediaError, type VariantFormat } from './image-codec.ts';
import { pdfText } from './pdf-text.ts';

type MediaTables = {
  media: { hash: string; kind: string; type: string; width: number | null; height: number | null; bytes: number; name: string; text: string | null; data: Buffer; created_at: string };
  media_variant: { hash: string; format: string; width: number; height: number; data: Buffer };
};

function mdb(store: Store) {
  return store.db.withTables<MediaTables>();
}

export interface MediaInfo {
  hash: string;
  kind: 'image' | 'file';
  type: string;
  width: number | null;
  height: number | null;
  bytes: number;
  name: string;
  src: string;
  createdAt: string;
}

/** The widths offered for srcset, and the widest a variant may be. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
export const VARIANT_FORMATS: VariantFormat[] = ['avif', 'webp', 'jpeg'];
export const VARIANT_TYPES: Record<VariantFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };
export const VARIANT_EXT: Record<VariantFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };

/**
 * The widths a master `width` pixels wide is offered at: the ladder below it, and itself (capped).
 *
 * @example variantWidths(1200) // → [480, 960, 1200]
 */
export function variantWidths(width: number): number[] {
  const top = Math.min(width, VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]);
  return [...VARIANT_WIDTHS.filter((w) => w < top), top];
}

/** `/media/<hash>`: a media's address (its default variant). */
export function mediaSrc(hash: string): string {
  return `/media/${hash}`;
}

/** The media hash an address names, or null: `mediaHashOf('/media/ab12…')` → `'ab12…'`. */
export function mediaHashOf(src: string): string | null {
  return /^\/media\/([0-9a-f]{32})(?:[/.]|$)/.exec(src)?.[1] ?? null;
}

function info(r: Omit<MediaTables['media'], 'data'>): MediaInfo {
  return {
    hash: r.hash,
    kind: r.kind as MediaInfo['kind'],
    type: r.type,
    width: r.width === null ? null : Number(r.width),
    height: r.height === null ? null : Number(r.height),
    bytes: Number(r.bytes),
    name: r.name,
    src: r.kind === 'file' ? attachmentSrc(r.hash) : mediaSrc(r.hash),
    createdAt: r.created_at,
  };
}

/**
 * Stores an image once: the same bytes added again return the stored media (`created: false`).
 *
 * @example await addImage(store, bytes, 'map.png') // → { hash: '3f…', src: '/media/3f…', width: 1600, created: true, … }
 * @throws MediaError (nothing stored) for what `cleanImage` refuses
 */
export async function addImage(store: Store, bytes: Uint8Array, name: string): Promise<MediaInfo & { created: boolean }> {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const known = await getMedia(store, hash);
  if (known) return { ...known, created: false };
  const clean = await cleanImage(bytes, name);
  const row = {
    hash,
    kind: 'image',
    type: clean.type,
    width: clean.width,
    height: clean.height,
    bytes: clean.data.length,
    name: name.split(/[\\/]/).pop()!.slice(0, 200),
    text: null,
    data: clean.data,
    created_at: new Date().toISOString(),
  };
  await mdb(store).insertInto('media').values(row).onConflict((oc) => oc.column('hash').doNothing()).execute();
  const { data: _data, ...rest } = row;
  return { ...info(rest), created: true };
}

/** `/media/<hash>.pdf`: an attachment's address (the name readers' browsers save it under ends in .pdf). */
export function attachmentSrc(hash: string): string {
  return `/media/${hash}.pdf`;
}

/**
 * Stores a PDF attachment once, with its extracted text (what search finds it by): the same bytes
 * added again return the stored file (`created: false`). The bytes are kept as given.
 *
 * @example await addAttachment(store, bytes, 'note.pdf') // → { hash: '3f…', src: '/media/3f….pdf', kind: 'file', bytes: 48213, pages: 4, created: true, … }
 * @throws MediaError (nothing stored) for what `pdfText` refuses: not a PDF, encrypted, damaged, too large
 */
export async function addAttachment(store: Store, bytes: Uint8Array, name: string): Promise<MediaInfo & { created: boolean }> {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const known = await getMedia(store, hash);
  if (known) {
    if (known.kind !== 'file') throw new MediaError(`${name}: these bytes are stored as an image, not a PDF`, { file: name });
    return { ...known, created: false };
  }
  const { text } = await pdfText(bytes, name);
  const row = {
    hash,
    kind: 'file',
    type: 'application/pdf',
    width: null,
    height: null,
    bytes: bytes.length,
    name: name.split(/[\\/]/).pop()!.slice(0, 200),
    text,
    data: Buffer.from(bytes),
    created_at: new Date().toISOString(),
  };
  await mdb(store).insertInto('media').values(row).onConflict((oc) => oc.column('hash').doNothing()).execute();
  const { data: _data, ...rest } = row;
  return { ...info(rest), created: true };
}

/** A stored attachment's bytes and name, or undefined. */
export async function attachmentFile(store: Store, hash: string): Promise<{ data: Buffer; name: string; type: string } | undefined> {
  const r = await mdb(store).selectFrom('media').select(['data', 'name', 'type']).where('hash', '=', hash).where('kind', '=', 'file').executeTakeFirst();
  return r ? { data: Buffer.from(r.data), name: r.name, type: r.type } : undefined;
}

/** A stored media's description, without its bytes. */
export async function getMedia(store: Store, hash: string): Promise<MediaInfo | undefined> {
  const r = await mdb(store).selectFrom('media').select(['hash', 'kind', 'type', 'width', 'height', 'bytes', 'name', 'text', 'created_at']).where('hash', '=', hash).executeTakeFirst();
  return r ? info(r) : undefined;
}

/** Every stored media, newest first. */
export async function listMedia(store: Store): Promise<MediaInfo[]> {
  const rows = await mdb(store).selectFrom('media').select(['hash', 'kind', 'type', 'width', 'height', 'bytes', 'name', 'text', 'created_at']).orderBy('created_at', 'desc').orderBy('hash').execute();
  return rows.map(info);
}

/**
 * The bytes of one variant of an image, made on first request and kept. Only the widths
 * `variantWidths` offers are made, so an address cannot make the server encode arbitrary sizes.
 *
 * @example await mediaVariant(store, hash, 'webp', 960) // → { data, type: 'image/webp', width: 960, height: 640 }
 */
export async function mediaVariant(store: Store, hash: string, format: VariantFormat, width: number): Promise<{ data: Buffer; type: string; width: number; height: number }> {
  const media = await getMedia(store, hash);
  if (!media || media.kind !== 'image' || !media.width) throw new NotFoundError(`no image ${hash}`);
  if (!variantWidths(media.width).includes(width)) throw new MizanError('bad-width', `image ${hash} is offered at ${variantWidths(media.width).join(', ')} pixels wide, not ${width}`, { status: 404 });
  const db = mdb(store);
  const kept = await db.selectFrom('media_variant').select(['data', 'width', 'height']).where('hash', '=', hash).where('format', '=', format).where('width', '=', width).executeTakeFirst();
  if (kept) return { data: Buffer.from(kept.data), type: VARIANT_TYPES[format], width: Number(kept.width), height: Number(kept.height) };
  const master = await db.selectFrom('media').select('data').where('hash', '=', hash).executeTakeFirstOrThrow();
  const made = await encodeVariant(Buffer.from(master.data), format, width);
  try {
    await db
      .insertInto('media_variant')
      .values({ hash, format, width, height: made.height, data: made.data })
      .onConflict((oc) => oc.columns(['hash', 'format', 'width']).doNothing())
      .execute();
  } catch (err) {
    // Stored only to be made once: a reader on a connection opened read-only (a process reading a
    // database it may not write) still gets the variant it asked for.
    if (!isReadOnlyRefusal(err)) throw err;
  }
  return { data: made.data, type: VARIANT_TYPES[format], width: made.width, height: made.height };
}

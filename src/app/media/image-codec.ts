/**
 * @module The one adapter over `sharp` (libvips): checks that bytes are an image Mizan accepts, makes the
 * cleaned master copy kept in the database, and encodes the responsive variants. Replacing the library
 * means rewriting this file only.
 */
import type sharp from 'sharp';
import { MizanError, onFirstUse } from '../../lib/index.ts';
import { safeSvg } from '../site/load-site-config.ts';

const libvips = onFirstUse<typeof sharp>('sharp');

/** The largest file accepted (bytes). */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;
/** The most pixels an image may declare: more is refused before decoding (decompression bombs). */
export const MAX_PIXELS = 40_000_000;
/** The master copy is kept at most this wide and high. */
const MASTER_SIZE = 2400;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif', 'gif', 'svg']);

export type VariantFormat = 'avif' | 'webp' | 'jpeg';

/** Bytes that cannot become media: says what is wrong in the user's terms. */
export class MediaError extends MizanError {
  constructor(message: string, opts: { file?: string; status?: number; cause?: unknown } = {}) {
    super('bad-media', message, { file: opts.file, status: opts.status ?? 400, cause: opts.cause });
    this.name = 'MediaError';
  }
}

export interface CleanImage {
  data: Buffer;
  type: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head);
}

function explain(err: unknown, name: string): MediaError {
  const msg = (err as Error)?.message ?? String(err);
  if (/pixel limit/i.test(msg)) return new MediaError(`${name}: the image declares more than ${MAX_PIXELS / 1e6} megapixels; refused (a decompression bomb, or far larger than a page needs)`, { file: name, cause: err });
  if (/unsupported image format|bad seek|Input buffer is empty|corrupt header/i.test(msg))
    return new MediaError(`${name}: not an image Mizan can read (JPEG, PNG, WebP, AVIF, GIF or SVG)`, { file: name, cause: err });
  if (/premature end|truncated|unexpected end|not enough data|read error|out of order/i.test(msg)) return new MediaError(`${name}: the image is cut short (truncated or damaged)`, { file: name, cause: err });
  return new MediaError(`${name}: the image cannot be decoded (${msg.split('\n')[0]})`, { file: name, cause: err });
}

/**
 * The master copy of an image: checked, rotated upright, metadata (EXIF, GPS) dropped, at most 2400 px,
 * PNG when it has transparency and JPEG otherwise. An SVG is accepted only when plain (no script, event
 * handler or outside reference) and is kept as the picture it draws, never as SVG.
 *
 * @example await cleanImage(readFileSync('photo.jpg'), 'photo.jpg') // → { type: 'image/jpeg', width: 2400, height: 1600, data }
 * @throws MediaError for anything else: a script renamed .jpg, a truncated JPEG, a 100-megapixel bomb
 */
export async function cleanImage(bytes: Uint8Array, name: string): Promise<CleanImage> {
  if (bytes.length === 0) throw new MediaError(`${name}: the file is empty`, { file: name });
  if (bytes.length > MAX_MEDIA_BYTES) throw new MediaError(`${name}: larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB`, { file: name, status: 413 });
  const svg = looksLikeSvg(bytes);
  if (svg && !safeSvg(Buffer.from(bytes).toString('utf8')))
    throw new MediaError(`${name}: an SVG with scripts, event handlers or outside references is refused`, { file: name });
  try {
    const input = libvips()(bytes, { failOn: 'truncated', limitInputPixels: MAX_PIXELS, density: svg ? 144 : undefined });
    const meta = await input.metadata();
    if (!meta.format || !ACCEPTED.has(meta.format)) throw new MediaError(`${name}: ${meta.format ?? 'this'} files are not accepted (JPEG, PNG, WebP, AVIF, GIF or SVG)`, { file: name });
    const alpha = Boolean(meta.hasAlpha);
    const pipeline = input.rotate().resize({ width: MASTER_SIZE, height: MASTER_SIZE, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await (alpha ? pipeline.png({ compressionLevel: 8 }) : pipeline.jpeg({ quality: 90, mozjpeg: true })).toBuffer({ resolveWithObject: true });
    return { data, type: alpha ? 'image/png' : 'image/jpeg', width: info.width, height: info.height };
  } catch (err) {
    if (err instanceof MediaError) throw err;
    throw explain(err, name);
  }
}

/**
 * One responsive variant of a master copy: `format` at `width` pixels (never wider than the master).
 *
 * @example await encodeVariant(master, 'avif', 960) // → { data, width: 960, height: 640 }
 */
export async function encodeVariant(master: Uint8Array, format: VariantFormat, width: number): Promise<{ data: Buffer; width: number; height: number }> {
  let p = libvips()(master, { limitInputPixels: MAX_PIXELS }).resize({ width, withoutEnlargement: true });
  if (format === 'avif') p = p.avif({ quality: 52, effort: 2 });
  else if (format === 'webp') p = p.webp({ quality: 78, effort: 4 });
  else p = p.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true, progressive: true });
  const { data, info } = await p.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Renders an SVG we drew ourselves (social cards, demo art) to PNG at its own size. */
export async function svgToPng(svg: string, opts: { density?: number } = {}): Promise<Buffer> {
  return libvips()(Buffer.from(svg), { density: opts.density ?? 72 }).png({ compressionLevel: 8 }).toBuffer();
}

/**
 * @module The images a page names by file (front matter `image:`, Markdown `![alt](map.png)`, HTML
 * `<img src="map.png">`) or keeps beside itself (`about.md` with `about.jpg`): read from beside the
 * page, stored as media, and their addresses rewritten to `/media/<hash>` with the stored width and
 * height (a relative name is read from the page's folder). Attachments (front matter `attachments:`)
 * are read the same way and stored with their extracted text. A file that is missing or not an
 * acceptable image or PDF fails the page, naming it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { MizanError } from '../../lib/index.ts';
import type { Article, Block } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { cleanImage, MAX_MEDIA_BYTES } from './image-codec.ts';
import { addAttachment, addImage, attachmentSrc, mediaSrc } from './media-store.ts';
import { MAX_ATTACHMENT_BYTES, pdfText } from './pdf-text.ts';

const IMAGE_EXTS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg'];

/** Whether an address names a file rather than a site path or an outside address. */
function isLocal(src: string): boolean {
  return src.length > 0 && !/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(src);
}

interface Resolved {
  src: string;
  width: number;
  height: number;
}

/**
 * The article with its local images stored (or, with `dryRun`, only checked) and their addresses
 * rewritten. `pageFile` is the page's own file.
 *
 * @example await resolveLocalMedia(store, article, 'demo/en/about.md') // → { …, image: { src: '/media/9c…', width: 1600, height: 900, alt } }
 */
export async function resolveLocalMedia(store: Store | null, article: Article, pageFile: string, opts: { dryRun?: boolean } = {}): Promise<Article> {
  const dir = resolve(dirname(pageFile));
  const seen = new Map<string, Resolved>();
  const one = async (src: string): Promise<Resolved> => {
    const hit = seen.get(src);
    if (hit) return hit;
    let decoded = src;
    try {
      decoded = decodeURI(src);
    } catch {
      // keep it as written
    }
    const path = resolve(dir, decoded.split(/[?#]/)[0]);
    if (!existsSync(path) || !statSync(path).isFile()) throw new MizanError('bad-media', `the image "${src}" was not found beside the page`, { file: pageFile });
    if (statSync(path).size > MAX_MEDIA_BYTES) throw new MizanError('bad-media', `the image "${src}" is larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB`, { file: pageFile });
    const bytes = readFileSync(path);
    let out: Resolved;
    if (!store || opts.dryRun) {
      const clean = await cleanImage(bytes, src);
      out = { src: mediaSrc(createHash('sha256').update(bytes).digest('hex').slice(0, 32)), width: clean.width, height: clean.height };
    } else {
      const media = await addImage(store, bytes, basename(path));
      out = { src: media.src, width: media.width!, height: media.height! };
    }
    seen.set(src, out);
    return out;
  };

  let image = article.image;
  if (!image) {
    // A file beside the page with the page's own name: about.md + about.jpg.
    const stem = join(dir, basename(pageFile, extname(pageFile)));
    const beside = IMAGE_EXTS.map((e) => stem + e).find((p) => existsSync(p));
    if (beside) image = { src: basename(beside), alt: '', width: null, height: null };
  }
  if (image && isLocal(image.src)) {
    const r = await one(image.src);
    image = { ...image, src: r.src, width: r.width, height: r.height };
  }
  const body: Block[] = [];
  for (const block of article.body) {
    if (block.kind === 'image' && isLocal(block.src)) {
      const r = await one(block.src);
      body.push({ ...block, src: r.src, width: r.width, height: r.height });
    } else body.push(block);
  }
  const attachments: Article['attachments'] = [];
  for (const a of article.attachments) {
    if (!isLocal(a.src)) {
      attachments.push(a);
      continue;
    }
    const path = resolve(dir, a.src.split(/[?#]/)[0]);
    if (!existsSync(path) || !statSync(path).isFile()) throw new MizanError('bad-media', `the attachment "${a.src}" was not found beside the page`, { file: pageFile });
    if (statSync(path).size > MAX_ATTACHMENT_BYTES) throw new MizanError('bad-media', `the attachment "${a.src}" is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, { file: pageFile });
    const bytes = readFileSync(path);
    let src: string;
    try {
      if (!store || opts.dryRun) {
        await pdfText(bytes, a.src);
        src = attachmentSrc(createHash('sha256').update(bytes).digest('hex').slice(0, 32));
      } else {
        src = (await addAttachment(store, bytes, basename(path))).src;
      }
    } catch (err) {
      if (err instanceof MizanError) throw new MizanError(err.code, `attachment ${err.message}`, { file: pageFile, status: err.status, cause: err });
      throw err;
    }
    attachments.push({ ...a, src, type: 'application/pdf', bytes: bytes.length, title: a.title || basename(path, extname(path)), lang: a.lang ?? article.lang });
  }
  return { ...article, image, body, attachments };
}

/**
 * Stores the photos a page's front matter gives its authors (files beside the page), by author slug:
 * `{ 'sabyna-hynbrj': 'sabina.jpg' }` → `{ 'sabyna-hynbrj': '<hash>' }`. A missing or unacceptable
 * photo fails the page, naming it; with `dryRun` (or no store) they are only checked.
 */
export async function resolveAuthorPhotos(store: Store | null, photos: Record<string, string>, pageFile: string, opts: { dryRun?: boolean } = {}): Promise<Record<string, string>> {
  const dir = resolve(dirname(pageFile));
  const out: Record<string, string> = {};
  for (const [slug, src] of Object.entries(photos)) {
    if (!isLocal(src)) throw new MizanError('bad-media', `the photo of ${slug} must be a file beside the page, not "${src}"`, { file: pageFile });
    const path = resolve(dir, src);
    if (!existsSync(path) || !statSync(path).isFile()) throw new MizanError('bad-media', `the photo "${src}" was not found beside the page`, { file: pageFile });
    if (statSync(path).size > MAX_MEDIA_BYTES) throw new MizanError('bad-media', `the photo "${src}" is larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB`, { file: pageFile });
    const bytes = readFileSync(path);
    if (!store || opts.dryRun) {
      await cleanImage(bytes, src);
      out[slug] = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    } else {
      out[slug] = (await addImage(store, bytes, basename(path))).hash;
    }
  }
  return out;
}

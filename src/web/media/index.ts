/**
 * @module Media on the site: `/media/<hash>` (the image's default JPEG) and `/media/<hash>/<width>.<avif|webp|jpg>`
 * (its responsive variants, made on first request and kept), immutable for a year; `/media/<hash>.pdf`
 * (an article's attachment, as uploaded); and `<Picture>`.
 */
import type { Hono } from 'hono';
import { attachmentFile, getMedia, mediaVariant, variantWidths, type VariantFormat } from '../../app/index.ts';
import { NotFoundError } from '../../lib/index.ts';
import type { WebDeps } from '../web-deps.ts';
import { addApiRoute, BINARY_SCHEMA } from '../openapi.ts';

export { Picture, ExpertPhotoImage, srcsetOf, variantSrc } from './picture.tsx';

const FORMATS: Record<string, VariantFormat> = { avif: 'avif', webp: 'webp', jpg: 'jpeg', jpeg: 'jpeg' };

export function registerMedia(app: Hono, deps: WebDeps): void {
  const send = async (hash: string, format: VariantFormat, width: number) => {
    const v = await mediaVariant(deps.store, hash, format, width);
    return new Response(new Uint8Array(v.data), {
      headers: {
        'content-type': v.type,
        'cache-control': 'public, max-age=31536000, immutable',
        etag: `"${hash}-${width}-${format}"`,
      },
    });
  };
  app.get('/media/:hash{[0-9a-f]{32}}', async (c) => {
    const hash = c.req.param('hash');
    const media = await getMedia(deps.store, hash);
    if (!media?.width) throw new NotFoundError(`no image ${hash}`);
    const ws = variantWidths(media.width);
    return send(hash, 'jpeg', ws[ws.length - 1]);
  });
  app.get('/media/:file{[0-9a-f]{32}\\.pdf}', async (c) => {
    const hash = c.req.param('file').slice(0, 32);
    const file = await attachmentFile(deps.store, hash);
    if (!file) throw new NotFoundError(`no attachment ${hash}`);
    return new Response(new Uint8Array(file.data), {
      headers: {
        'content-type': file.type,
        // Shown in the browser's viewer under its own name; sandboxed, so a PDF's scripts reach nothing of the site.
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'content-security-policy': 'sandbox',
        'x-content-type-options': 'nosniff',
        'cache-control': 'public, max-age=31536000, immutable',
        etag: `"${hash}"`,
      },
    });
  });
  app.get('/media/:hash{[0-9a-f]{32}}/:file{[0-9]{2,4}\\.(?:avif|webp|jpe?g)}', (c) => {
    const [w, ext] = c.req.param('file').split('.');
    return send(c.req.param('hash'), FORMATS[ext], Number(w));
  });
}

addApiRoute({
  path: '/media/{hash}.pdf',
  method: 'get',
  summary: 'An article attachment (PDF) as uploaded, immutable',
  tags: ['media'],
  parameters: [{ name: 'hash', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{32}$' } }],
  responses: { 200: { description: 'The PDF', content: { 'application/pdf': BINARY_SCHEMA } }, 404: { description: 'No such attachment' } },
});
addApiRoute({
  path: '/media/{hash}/{width}.{format}',
  method: 'get',
  summary: 'One responsive variant of a stored image (made on first request, immutable)',
  tags: ['media'],
  parameters: [
    { name: 'hash', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{32}$' } },
    { name: 'width', in: 'path', required: true, description: 'One of the widths the image is offered at (480, 960, 1600, or its own width when narrower).', schema: { type: 'integer' } },
    { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['avif', 'webp', 'jpg', 'jpeg'] } },
  ],
  responses: {
    200: { description: 'The image bytes', content: { 'image/avif': BINARY_SCHEMA, 'image/webp': BINARY_SCHEMA, 'image/jpeg': BINARY_SCHEMA } },
    404: { description: 'No such image, or a width not offered' },
  },
});

/** @module The stylesheet and fonts, under content-hashed addresses kept by browsers for a year. */
import type { Hono } from 'hono';
import { cacheable } from '../http/pipeline.ts';
import { assetAt, iconPath } from '../assets.ts';
import type { WebDeps } from '../web-deps.ts';

export function registerAssets(app: Hono, _deps: WebDeps): void {
  // Browsers ask for /favicon.ico whatever the page says.
  app.get('/favicon.ico', (c) => c.redirect(iconPath(), 301));
  app.get('/assets/*', (c) => {
    const asset = assetAt(c.req.path);
    if (!asset) return c.notFound();
    cacheable(c);
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: asset.etag,
    });
  });
}

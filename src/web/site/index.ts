/**
 * @module The institute's identity on the site: the current site's name, menus and logo for views
 * (`site-context.ts`), and the route serving the assets its configuration brings.
 */
import type { Hono } from 'hono';
import { cacheable } from '../http/pipeline.ts';
import type { WebDeps } from '../web-deps.ts';
import { identityAssetAt } from './identity-assets.ts';
import { currentSite } from './site-context.ts';
import { registerIndexPages } from './index-routes.tsx';

export { currentSite, currentPath, siteText, siteMenu, isCurrent, withSite } from './site-context.ts';
export { identityAssets, logoPath } from './identity-assets.ts';
export { registerPages } from './page-routes.tsx';

/** The index pages every language has: `/experts`, `/topics`, `/regions`, `/countries` (and `/ar/…`). */
export const INDEX_PAGES = ['experts', 'topics', 'regions', 'countries'] as const;

/**
 * Serves `/assets/identity/…` (logo, accent colours) for a year, like the site's other hashed assets, and
 * the index pages (`/experts`, `/topics`, `/regions`, `/countries`).
 */
export function registerSite(app: Hono, deps: WebDeps): void {
  app.get('/assets/identity/*', (c) => {
    const asset = identityAssetAt(currentSite(), c.req.path);
    if (!asset) return c.notFound();
    cacheable(c);
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: asset.etag,
    });
  });
  registerIndexPages(app, deps);
}

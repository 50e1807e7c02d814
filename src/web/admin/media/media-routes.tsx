/**
 * @module The media routes of the editors' side (`media.upload`: editors and admins), as entries of the
 * admin route table: the library page, an upload (its own body limit, the media layer's), alt text
 * changes, and an expert's photo (`taxonomy.edit`).
 */
import type { HtmlString } from '../../jsx/html-string.ts';
import type { Context } from 'hono';
import { describeImage, MAX_MEDIA_BYTES, mediaLibrary, MediaError, setExpertPhoto, uploadImage } from '../../../app/index.ts';
import { MizanError } from '../../../lib/index.ts';
import { isLang } from '../../../model/index.ts';
import type { AdminRoute } from '../../routes/admin.tsx';
import { currentSite } from '../../site/index.ts';
import { renderPage } from '../../views/layout.tsx';
import type { Flash } from '../admin-layout.tsx';
import { mt, refusal } from './media-i18n.ts';
import { MediaPage } from './media-pages.tsx';

type Ctx = Parameters<AdminRoute['handler']>[1];

const NO_STORE = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };

async function html(c: Context, node: HtmlString, status = 200): Promise<Response> {
  return c.html(await renderPage(node), status as 200, NO_STORE);
}

/** The `alt.<lang>` fields of a form, for the site's languages. */
function altsOf(ctx: Ctx): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.form)) {
    const lang = /^alt\.([a-z]{2,3})$/.exec(k)?.[1];
    if (lang && isLang(lang) && typeof v === 'string') out[lang] = v;
  }
  return out;
}

async function page(c: Context, ctx: Ctx, flash?: Flash, status = 200, typed?: Record<string, string>): Promise<Response> {
  return html(c, <MediaPage lang={ctx.lang} user={ctx.user} languages={currentSite().languages} images={await mediaLibrary(ctx.store)} flash={flash} typed={typed} />, status);
}

function refused(ctx: Ctx, err: MizanError): Flash {
  if (err.code === 'missing-alt') return { kind: 'error', text: mt(ctx.lang, 'needAlt') };
  return { kind: 'error', text: mt(ctx.lang, 'refused', { message: refusal(ctx.lang, err.message) }) };
}

export const MEDIA_ROUTES: AdminRoute[] = [
  {
    method: 'GET',
    path: '/admin/media',
    cap: 'media.upload',
    handler: (c, ctx) => page(c, ctx, c.req.query('saved') ? { kind: 'ok', text: mt(ctx.lang, 'altSaved') } : undefined),
  },
  {
    method: 'POST',
    path: '/admin/media',
    cap: 'media.upload',
    limit: MAX_MEDIA_BYTES + 64 * 1024,
    handler: async (c, ctx) => {
      const file = ctx.form['file'];
      const alts = altsOf(ctx);
      if (!(file instanceof File) || file.size === 0) return page(c, ctx, { kind: 'error', text: mt(ctx.lang, 'noFile') }, 400, alts);
      try {
        const m = await uploadImage(ctx.store, ctx.editor, new Uint8Array(await file.arrayBuffer()), file.name, alts);
        return page(c, ctx, { kind: 'ok', text: mt(ctx.lang, m.created ? 'uploaded' : 'already', { name: m.name }) }, m.created ? 201 : 200);
      } catch (err) {
        if (!(err instanceof MizanError) || err.status >= 500) throw err;
        return page(c, ctx, refused(ctx, err), err instanceof MediaError ? err.status : 422, alts);
      }
    },
  },
  {
    method: 'POST',
    path: '/admin/media/:hash{[0-9a-f]{32}}',
    cap: 'media.upload',
    handler: async (c, ctx) => {
      try {
        await describeImage(ctx.store, ctx.editor, c.req.param('hash')!, altsOf(ctx));
      } catch (err) {
        if (!(err instanceof MizanError) || err.status >= 500 || err.status === 404) throw err;
        return page(c, ctx, refused(ctx, err), 422);
      }
      return c.redirect('/admin/media?saved=1', 303);
    },
  },
  {
    method: 'POST',
    path: '/admin/media/expert-photo',
    cap: 'taxonomy.edit',
    limit: MAX_MEDIA_BYTES + 64 * 1024,
    handler: async (c, ctx) => {
      const expert = typeof ctx.form.expert === 'string' ? ctx.form.expert : '';
      if (ctx.form.do === 'remove') {
        await setExpertPhoto(ctx.store, ctx.editor, expert, null);
        return c.redirect('/admin/experts?photo=removed', 303);
      }
      const file = ctx.form['file'];
      if (!(file instanceof File) || file.size === 0) return c.redirect('/admin/experts?photo=none', 303);
      try {
        // The photo's alt text is the expert's name, given where it is shown: the library keeps none.
        const name = typeof ctx.form.name === 'string' && ctx.form.name.trim() ? ctx.form.name.trim() : expert;
        const m = await uploadImage(ctx.store, ctx.editor, new Uint8Array(await file.arrayBuffer()), file.name, { [ctx.lang]: name });
        await setExpertPhoto(ctx.store, ctx.editor, expert, m.hash);
      } catch (err) {
        if (!(err instanceof MizanError) || err.status >= 500 || err.status === 404) throw err;
        const url = new URL('/admin/experts', 'http://x');
        url.searchParams.set('photoError', refusal(ctx.lang, err.message).slice(0, 300));
        return c.redirect(url.pathname + url.search, 303);
      }
      return c.redirect('/admin/experts?photo=saved', 303);
    },
  },
];

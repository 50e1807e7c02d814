/**
 * @module The rich-text editor's own routes: its script (content-hashed, built on first use if needed)
 * and the Markdown mode's conversions, both ways, through the importer's reader and writer.
 */
import { articleState, blocksToMarkdown, clearAutosave, formFromData, markdownToBlocks, parseBodyJson, writeAutosave } from '../../../app/index.ts';
import { MizanError } from '../../../lib/index.ts';
import { isLang } from '../../../model/index.ts';
import type { AdminRoute } from '../../routes/admin.tsx';
import { editorBundle } from './editor-bundle.ts';

const NO_STORE = { 'cache-control': 'no-store' };

/** The autosave slot's key of an edit page's article (`new` while it is being created); undefined when there is no such article. */
async function slotKey(ctx: Parameters<AdminRoute['handler']>[1], id: string): Promise<string | undefined> {
  if (id === 'new') return 'new';
  return (await articleState(ctx.store, id)) ? id : undefined;
}

export const EDITOR_ROUTES: AdminRoute[] = [
  {
    method: 'POST',
    path: '/admin/articles/:id/autosave',
    cap: 'article.write',
    handler: async (c, ctx) => {
      const key = await slotKey(ctx, c.req.param('id')!);
      if (!key) return c.json({ error: 'not found' }, 404, NO_STORE);
      const { savedAt } = await writeAutosave(ctx.store, ctx.user.id, key, formFromData(ctx.form));
      return c.json({ savedAt }, 200, NO_STORE);
    },
  },
  {
    method: 'POST',
    path: '/admin/articles/:id/autosave/discard',
    cap: 'article.write',
    handler: async (c, ctx) => {
      const id = c.req.param('id')!;
      const key = await slotKey(ctx, id);
      if (key) await clearAutosave(ctx.store, ctx.user.id, key);
      return c.redirect(id === 'new' ? '/admin/articles/new' : `/admin/articles/${id}`, 303);
    },
  },
  {
    method: 'GET',
    path: '/admin/editor/script/:name',
    cap: 'article.view',
    handler: async (c) => {
      const bundle = await editorBundle();
      if (!bundle || !bundle.path.endsWith('/' + c.req.param('name'))) return c.text('not found', 404, NO_STORE);
      return c.body(bundle.body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'private, max-age=31536000, immutable',
        etag: bundle.etag,
      });
    },
  },
  {
    method: 'POST',
    path: '/admin/editor/convert',
    cap: 'article.view',
    handler: async (c, ctx) => {
      const field = (name: string) => (typeof ctx.form[name] === 'string' ? (ctx.form[name] as string) : '');
      const lang = isLang(field('lang')) ? field('lang') : 'ar';
      try {
        if (field('to') === 'markdown') return c.json({ markdown: blocksToMarkdown(parseBodyJson(field('blocks') || '[]'), lang) }, 200, NO_STORE);
        if (field('to') === 'blocks') return c.json({ blocks: markdownToBlocks(field('markdown').replace(/\r\n?/g, '\n'), lang) }, 200, NO_STORE);
        return c.json({ error: 'to must be markdown or blocks' }, 400, NO_STORE);
      } catch (err) {
        if (!(err instanceof MizanError)) throw err;
        return c.json({ error: err.message }, 422, NO_STORE);
      }
    },
  },
];

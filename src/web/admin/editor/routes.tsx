/**
 * @module The rich-text editor's own routes: its script (content-hashed, built on first use if needed)
 * and the Markdown mode's conversions, both ways, through the importer's reader and writer.
 */
import {
  adminArticles,
  approveChange,
  articleState,
  blocksToMarkdown,
  clearAutosave,
  createExpert,
  discardChange,
  formFromData,
  listOutbox,
  listPendingChanges,
  markdownToBlocks,
  parseBodyJson,
  searchExperts,
  submitChange,
  requireOwnership,
  writeAutosave,
} from '../../../app/index.ts';
import { OutboxPage, ReviewQueuePage } from './review-pages.tsx';
import { LANGS } from '../../../model/index.ts';
import { renderPage } from '../../views/layout.tsx';
import { NewExpertPage } from './new-expert-page.tsx';
import { et } from './editor-i18n.ts';
import { errorText } from '../admin-errors.ts';
import { at } from '../admin-i18n.ts';
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

/** A pending-change step: on a refused step the edit page says why (through the guard's error page). */
function changeStep(what: 'submit' | 'approve' | 'discard', run: typeof submitChange): AdminRoute {
  return {
    method: 'POST',
    path: `/admin/articles/:id/change/${what}`,
    cap: what === 'approve' ? 'article.publish' : what === 'submit' ? 'article.submit' : 'article.write',
    handler: async (c, ctx) => {
      const id = c.req.param('id')!;
      if (!(await articleState(ctx.store, id))) return c.text('not found', 404, NO_STORE);
      // Another author's article: refused (403) before anything about its state is told.
      await requireOwnership(ctx.store, ctx.editor, id);
      await run(ctx.store, ctx.editor, id);
      return c.redirect(`/admin/articles/${id}?saved=1`, 303);
    },
  };
}

export const EDITOR_ROUTES: AdminRoute[] = [
  changeStep('submit', submitChange),
  changeStep('approve', approveChange),
  changeStep('discard', discardChange),
  {
    method: 'GET',
    path: '/admin/review',
    cap: 'article.view',
    handler: async (c, ctx) => {
      const articles = (await adminArticles(ctx.store, { status: 'review', limit: 200 })).rows;
      const changes = [];
      for (const p of await listPendingChanges(ctx.store)) changes.push({ ...p, title: p.article.title, lang: p.article.lang });
      return c.html(await renderPage(<ReviewQueuePage lang={ctx.lang} user={ctx.user} articles={articles} changes={changes} />), 200, NO_STORE);
    },
  },
  {
    method: 'GET',
    path: '/admin/outbox',
    cap: 'article.publish',
    handler: async (c, ctx) => c.html(await renderPage(<OutboxPage lang={ctx.lang} user={ctx.user} messages={await listOutbox(ctx.store, { limit: 200, lang: ctx.lang })} />), 200, NO_STORE),
  },
  {
    method: 'GET',
    path: '/admin/experts/search',
    cap: 'article.view',
    handler: async (c, ctx) => {
      const lang = c.req.query('lang') ?? ctx.lang;
      const hits = await searchExperts(ctx.store, (c.req.query('q') ?? '').slice(0, 100), isLang(lang) ? lang : 'ar');
      return c.json({ experts: hits }, 200, NO_STORE);
    },
  },
  {
    method: 'GET',
    path: '/admin/experts/new',
    cap: 'taxonomy.edit',
    handler: async (c, ctx) => c.html(await renderPage(<NewExpertPage lang={ctx.lang} user={ctx.user} />), 200, NO_STORE),
  },
  {
    method: 'POST',
    path: '/admin/experts/new',
    cap: 'taxonomy.edit',
    handler: async (c, ctx) => {
      const field = (name: string) => (typeof ctx.form[name] === 'string' ? (ctx.form[name] as string) : '');
      const per = (prefix: string) => Object.fromEntries(Object.keys(LANGS).map((l) => [l, field(`${prefix}_${l}`)]));
      try {
        await createExpert(ctx.store, ctx.editor, { names: per('name'), title: per('title'), bio: per('bio') });
      } catch (err) {
        if (!(err instanceof MizanError) || err.status >= 500 || err.code === 'forbidden') throw err;
        const values = Object.fromEntries(Object.keys(ctx.form).map((k) => [k, field(k)]));
        return c.html(await renderPage(<NewExpertPage lang={ctx.lang} user={ctx.user} values={values} flash={{ kind: 'error', text: errorText(ctx.lang, err) }} />), err.status === 409 ? 409 : 422, NO_STORE);
      }
      return c.redirect('/admin/experts?saved=1', 303);
    },
  },
  {
    method: 'POST',
    path: '/admin/articles/:id/autosave',
    cap: 'article.write',
    handler: async (c, ctx) => {
      const key = await slotKey(ctx, c.req.param('id')!);
      if (!key) return c.json({ error: 'not found' }, 404, NO_STORE);
      // Nobody keeps a draft of an article they may not change.
      if (key !== 'new') await requireOwnership(ctx.store, ctx.editor, key);
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
      if (key && key !== 'new') await requireOwnership(ctx.store, ctx.editor, key);
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
      if (!bundle) return c.text('not found', 404, NO_STORE);
      // The hashed name may be kept for a year; any other name (a page from before a rebuild) gets the
      // current script, not kept.
      const current = bundle.path.endsWith('/' + c.req.param('name'));
      return c.body(bundle.body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': current ? 'private, max-age=31536000, immutable' : 'no-store',
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

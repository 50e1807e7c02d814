/**
 * @module The editors' side at /admin. Every route is declared once in `ADMIN_ROUTES` with the
 * capability it needs; one guard runs before each: a live session (GET without one is sent to sign in,
 * anything else refused), the Origin check and the CSRF token on every POST, and the role × capability
 * table. Pages are never cached and never indexed. The same module checks, as requests arrive, for
 * scheduled articles that are due (no external cron).
 */
import type { HtmlString } from '../jsx/html-string.ts';
import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  acceptTotp,
  mayChange,
  adminArticles,
  articleFromForm,
  articleState,
  beginTotp,
  can,
  completeSignIn,
  ConflictError,
  decideSuggestion,
  deleteWithTombstone,
  entitySuggestions,
  diffArticles,
  EMPTY_FORM,
  endAllSessions,
  endSession,
  findUser,
  hasUsers,
  ForbiddenError,
  formFromArticle,
  formFromData,
  formBlocks,
  getPendingChange,
  proposeChange,
  clearAutosave,
  type ArticleForm,
  FormFieldError,
  blocksToMarkdown,
  getRevision,
  importUpload,
  isRole,
  linkTranslation,
  createTranslation,
  AlreadyTranslatedError,
  ImportConflictError,
  markUpToDate,
  outdatedAmong,
  pairings,
  PairedError,
  sourceDiff,
  translationSource,
  type SourceSide,
  listAudit,
  listRevisions,
  listUsers,
  publishDue,
  purgeSessions,
  readSession,
  recordAudit,
  renameTerm,
  resetTotp,
  restoreRevision,
  saveEdit,
  setDisabled,
  setInterfaceLanguage,
  setPassword,
  changeRelated,
  relatedItems,
  UnknownRelatedError,
  setRole,
  signIn,
  stepsFrom,
  transition,
  translationsReport,
  updateExpert,
  addUser,
  verifyPassword,
  edb,
  mediaLibrary,
  expertPhotos,
  type Action,
  type ActiveSession,
  type Capability,
  type Editor,
} from '../../app/index.ts';
import { FieldError, MizanError, wallTimeToUtc } from '../../lib/index.ts';
import { DEFAULT_SITE, dirOf, LANGS, type SiteConfig } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { ADMIN_CSS, ADMIN_CSS_PATH } from '../admin/admin-css.ts';
import { at, type AdminKey } from '../admin/admin-i18n.ts';
import { AdminLayout, type AdminUser, type Flash } from '../admin/admin-layout.tsx';
import { ArticleListPage } from '../admin/article-list-page.tsx';
import { EditPage, type EditState } from '../admin/edit-page.tsx';
import { RevisionsPage } from '../admin/revisions-page.tsx';
import { AccountPage } from '../admin/account-page.tsx';
import { AuditPage } from '../admin/audit-page.tsx';
import { ImportPage } from '../admin/import-page.tsx';
import { UsersPage } from '../admin/users-page.tsx';
import { SignInPage } from '../admin/sign-in-page.tsx';
import { registerSetup } from '../admin/setup-routes.tsx';
import { ExpertsPage } from '../admin/experts-page.tsx';
import { TermsPage } from '../admin/terms-page.tsx';
import { TranslationsPage } from '../admin/translations-page.tsx';
import { SourcePanel } from '../admin/translate-view.tsx';
import { EntitiesPage } from '../admin/entities-page.tsx';
import { clearCookie, clientIp, readCookie, sameOrigin, tokensMatch, writeCookie, securitySettings, type AdminSettings } from '../admin/admin-security.ts';
import { renderPage } from '../views/layout.tsx';
import { EDITOR_ROUTES } from '../admin/editor/routes.tsx';
import { instituteTimeZone, recoveryFor } from '../admin/editor/edit-extras.ts';
import { errorText, formFieldOf, uploadErrorText } from '../admin/admin-errors.ts';
import { sitePreview } from '../admin/editor/site-preview.tsx';
import { PendingPanel } from '../admin/editor/review-pages.tsx';
import { editorBundle } from '../admin/editor/editor-bundle.ts';
import { NEWSLETTER_ROUTES } from '../admin/newsletters/index.ts';
import { SETTINGS_ROUTES } from '../admin/settings/index.ts';
import { MEDIA_ROUTES, mt } from '../admin/media/index.ts';
import { refusal } from '../admin/media/media-i18n.ts';
import { attachFile, detachFile, MAX_ATTACHMENT_BYTES } from '../../app/index.ts';
import type { WebDeps } from '../web-deps.ts';

/** Largest form body (an article's text is far smaller). */
export const MAX_FORM_BYTES = 2 * 1024 * 1024;
/** Largest uploaded page file. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** How often, at most, a request triggers the check for due scheduled articles (and sweeps dead sessions). */
const SCHEDULE_CHECK_MS = 15_000;

export interface Ctx {
  lang: string;
  store: Store;
  settings: AdminSettings;
  active: ActiveSession;
  user: AdminUser & { id: string };
  editor: Editor;
  token: string;
  form: Record<string, string | File | (string | File)[]>;
  /** The identity from the configuration file (the defaults the settings pages change). */
  baseSite: SiteConfig;
}

export type Handler = (c: Context, ctx: Ctx) => Promise<Response>;

export interface AdminRoute {
  method: 'GET' | 'POST';
  path: string;
  /** What the route needs; every signed-in role has 'article.view'. */
  cap: Capability;
  handler: Handler;
  limit?: number;
}

const NO_STORE = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };

async function html(c: Context, node: HtmlString, status = 200): Promise<Response> {
  return c.html(await renderPage(node), status as 200, NO_STORE);
}

function see(c: Context, to: string): Response {
  return c.redirect(to, 303);
}

function str(ctx: Ctx, name: string): string {
  const v = ctx.form[name];
  return typeof v === 'string' ? v : '';
}

/** Every string value a field was sent with (a multiple select, a group of checkboxes). */
function strs(ctx: Ctx, name: string): string[] {
  const v = ctx.form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

function uiLang(c: Context, settings: AdminSettings): string {
  const v = readCookie(c, 'lang', settings);
  return v && Object.hasOwn(LANGS, v) ? v : 'ar';
}


// ---- articles -------------------------------------------------------------------------------------

async function editState(ctx: Ctx, id: string): Promise<{ state: EditState; article: NonNullable<Awaited<ReturnType<Store['getArticle']>>> } | undefined> {
  const article = await ctx.store.getArticle(id);
  const st = await articleState(ctx.store, id);
  if (!article || !st) return undefined;
  const schedule = await edb(ctx.store).selectFrom('schedule').select('publish_at').where('article_id', '=', id).executeTakeFirst();
  const translations = [];
  for (const t of article.translations) {
    const other = await ctx.store.getArticleByPath(t.path);
    translations.push({ lang: t.lang, path: t.path, id: other?.id ?? null, title: other?.title ?? null });
  }
  const outdated = await outdatedAmong(ctx.store, translations.flatMap((t) => (t.id ? [t.id] : [])));
  const found = await translationSource(ctx.store, id);
  return {
    article,
    state: {
      id,
      status: st.status,
      version: st.version,
      path: st.path,
      publishAt: schedule?.publish_at ?? null,
      translations: translations.map((t) => ({ ...t, outdated: !!t.id && outdated.has(t.id) })),
      related: await relatedItems(ctx.store, article),
      source: found && { source: found.source, sourceVersion: found.sourceVersion, outdated: found.outdated },
    },
  };
}

interface EditExtra {
  form?: ReturnType<typeof formFromData>;
  flash?: Flash;
  preview?: boolean;
  conflict?: boolean;
  status?: number;
  /** Open the side-by-side translation view. */
  translate?: boolean;
  /** The form field a refused save names, to say it beside the field too. */
  fieldError?: { field: keyof ArticleForm; text: string };
  /** Why the related items were not changed (shown beside their field). */
  relatedError?: string;
}

/**
 * Whether the signed-in account, when it may change the article at all (`mayChange`: its owner, or any
 * article's editor), may edit one in `status`. An author sees another author's article read-only (the
 * save and the workflow refuse it anyway); an owner may propose changes to a published article (they go
 * through review); a scheduled one is editors' alone. The article page's actions and the translators'
 * queue offer them by this one rule.
 */
function mayEditAs(ctx: Ctx, status: string): boolean {
  return can(ctx.user.role, 'article.write') && (status !== 'scheduled' || can(ctx.user.role, 'article.write-published'));
}

async function renderEdit(c: Context, ctx: Ctx, id: string | undefined, extra: EditExtra): Promise<Response> {
  const found = id ? await editState(ctx, id) : undefined;
  if (id && !found) return notFound(c, ctx);
  // Posted by the rich-text editor: the Markdown box (the page without script) shows the same words.
  const withMarkdown = (f: ArticleForm) => {
    const blocks = f.bodyJson.trim() ? formBlocks(f) : null;
    return blocks ? { ...f, body: blocksToMarkdown(blocks, f.lang) } : f;
  };
  // While a change to a published article waits, the editor works on the change, not the live text.
  const pending = found ? await getPendingChange(ctx.store, found.state.id) : undefined;
  let form = withMarkdown(extra.form ?? (found ? formFromArticle(pending?.article ?? found.article, found.state.version) : { ...EMPTY_FORM, lang: ctx.lang }));
  let recovery;
  if (!extra.form && c.req.method === 'GET') {
    const offer = await recoveryFor(ctx.store, ctx.user.id, id ?? 'new', form, ctx.lang, c.req.query('recover') === '1', withMarkdown);
    if (offer.form) form = offer.form;
    recovery = offer.recovery;
  }
  const bodyBlocks = formBlocks(form);
  let preview;
  let flash = extra.flash;
  if (extra.preview) {
    try {
      const article = await articleFromForm(ctx.store, form, found?.article);
      preview = { blocks: article.body, title: article.title, lang: article.lang };
    } catch (err) {
      flash = { kind: 'error', text: errorText(ctx.lang, err) };
    }
  }
  const status = found?.state.status ?? 'draft';
  const owns = found ? await mayChange(ctx.store, ctx.editor, found.state.id) : true;
  const canEdit = owns && mayEditAs(ctx, status);
  const candidates = (await adminArticles(ctx.store, { limit: 200 })).rows;
  // Candidates already paired in this article's language (with another article) are shown as such.
  const paired: Record<string, { id: string; title: string; lang: string }> = {};
  if (found) {
    const pairs = await pairings(ctx.store, candidates.map((r) => r.id));
    for (const [cid, list] of pairs) {
      const partner = list.find((p) => p.lang === found.article.lang && p.id !== found.state.id);
      if (partner) paired[cid] = partner;
    }
  }
  let beside;
  let formExtra;
  if (extra.translate && found) {
    const src = await translationSource(ctx.store, found.state.id);
    const source = src && (await ctx.store.getArticle(src.source.id));
    if (!src || !source) {
      flash = flash ?? { kind: 'error', text: at(ctx.lang, 'tr.notTranslation') };
    } else {
      beside = { dir: dirOf(source.lang), node: <SourcePanel lang={ctx.lang} csrf={ctx.user.csrf} id={found.state.id} source={source} found={src} diff={sourceDiff(src, source)} /> };
      formExtra = (
        <>
          <input type="hidden" name="sourceVersion" value={String(src.source.version)} />
          <input type="hidden" name="back" value="translate" />
        </>
      );
    }
  }
  const conflict = extra.conflict && found ? formFromArticle(found.article, found.state.version) : undefined;
  const script = await editorBundle();
  return html(
    c,
    <EditPage
      lang={ctx.lang}
      user={ctx.user}
      form={form}
      state={found?.state}
      steps={found && owns ? stepsFrom(found.state.status, (cap) => can(ctx.user.role, cap)) : []}
      canDelete={can(ctx.user.role, 'article.delete')}
      canEdit={canEdit}
      preview={preview}
      conflict={conflict}
      candidates={candidates}
      flash={flash}
      bodyBlocks={bodyBlocks}
      recovery={recovery}
      paired={paired}
      beside={beside}
      formExtra={formExtra}
      pending={pending && found ? <PendingPanel lang={ctx.lang} csrf={ctx.user.csrf} id={found.state.id} pending={pending} canPublish={can(ctx.user.role, 'article.publish')} /> : undefined}
      conflictVersion={conflict ? found?.state.version : undefined}
      editorScript={script?.path.replace('/admin/assets/', '/admin/editor/script/')}
      library={(await mediaLibrary(ctx.store)).slice(0, 200)}
      attachments={found?.article.attachments}
      fieldError={extra.fieldError}
      relatedError={extra.relatedError}
    />,
    extra.status ?? 200,
  );
}

async function notFound(c: Context, ctx: Ctx): Promise<Response> {
  return html(c, <AdminLayout lang={ctx.lang} title="404" user={ctx.user} flash={{ kind: 'error', text: '404' }} />, 404);
}

const saveArticleForm: Handler = async (c, ctx) => {
  const id = c.req.param('id');
  const form = formFromData(ctx.form);
  if (str(ctx, 'do') === 'preview') return renderEdit(c, ctx, id, { form, preview: true });
  try {
    const existing = id ? await ctx.store.getArticle(id) : undefined;
    if (id && !existing) return notFound(c, ctx);
    const article = await articleFromForm(ctx.store, form, existing);
    if (str(ctx, 'do') === 'site-preview') return sitePreview(c, ctx.store, article);
    // After a conflict the writer may choose, having seen the difference, to replace the version saved now.
    const overwrite = str(ctx, 'overwrite');
    const version = id ? Number(/^\d{1,9}$/.test(overwrite) ? overwrite : form.version) : undefined;
    if (id && !Number.isInteger(version)) throw new MizanError('bad-form', 'the form lacks its version: reload the page');
    // A published article is not changed in place: the edit becomes a change that goes through review.
    const live = id ? (await articleState(ctx.store, id))?.status === 'published' : false;
    const input = { article, version: version!, note: form.note.trim().slice(0, 300) };
    const saved = live ? await proposeChange(ctx.store, ctx.editor, input) : await saveEdit(ctx.store, ctx.editor, { ...input, version });
    await clearAutosave(ctx.store, ctx.user.id, id ?? 'new');
    // Saved from the side-by-side view: the translation now follows the source version the writer saw.
    if (id && str(ctx, 'back') === 'translate') {
      const viewed = Number(str(ctx, 'sourceVersion'));
      try {
        if (Number.isInteger(viewed) && viewed > 0) await markUpToDate(ctx.store, ctx.editor, id, viewed);
      } catch (err) {
        if (!(err instanceof MizanError) || err instanceof ForbiddenError) throw err;
        return see(c, `/admin/articles/${id}/translate?moved=1`);
      }
      return see(c, `/admin/articles/${id}/translate?saved=1`);
    }
    return see(c, `/admin/articles/${saved.id}?saved=1`);
  } catch (err) {
    if (err instanceof ConflictError) return renderEdit(c, ctx, id, { form, conflict: true, status: 409 });
    if (err instanceof ForbiddenError) throw err;
    if (!(err instanceof MizanError)) throw err;
    // A field the form sent wrong (a number that is none, a type no article has) is a bad request; a
    // value the rules refuse (a title too long) is one the server understood and could not take.
    const status = err.status === 409 ? 409 : err instanceof FormFieldError ? 400 : 422;
    const text = errorText(ctx.lang, err);
    const field = formFieldOf(err);
    return renderEdit(c, ctx, id, { form, flash: { kind: 'error', text }, status, fieldError: field && { field, text } });
  }
};

async function withArticle(c: Context, ctx: Ctx, act: (id: string) => Promise<unknown>, back?: string): Promise<Response> {
  const id = c.req.param('id')!;
  if (!(await articleState(ctx.store, id))) return notFound(c, ctx);
  try {
    await act(id);
  } catch (err) {
    if (err instanceof ForbiddenError || !(err instanceof MizanError)) throw err;
    return renderEdit(c, ctx, id, { flash: { kind: 'error', text: errorText(ctx.lang, err) }, status: err.status });
  }
  return see(c, back ?? `/admin/articles/${id}`);
}

async function revisionsPage(c: Context, ctx: Ctx, diff?: { from: number; to: number }): Promise<Response> {
  const id = c.req.param('id')!;
  const st = await articleState(ctx.store, id);
  const revisions = await listRevisions(ctx.store, id);
  if (!revisions.length && !st) return notFound(c, ctx);
  let lines;
  if (diff) {
    const a = await getRevision(ctx.store, id, diff.from);
    const b = await getRevision(ctx.store, id, diff.to);
    if (!a || !b) return notFound(c, ctx);
    lines = { ...diff, lines: diffArticles(a.article, b.article) };
  }
  const title = revisions[0]?.article.title ?? (await ctx.store.getArticle(id))?.title ?? id;
  return html(
    c,
    <RevisionsPage
      lang={ctx.lang}
      user={ctx.user}
      articleId={id}
      title={title}
      version={st?.version ?? 0}
      revisions={revisions}
      canRestore={!!st && can(ctx.user.role, 'article.write')}
      diff={lines}
    />,
  );
}

// ---- the route table ---------------------------------------------------------------------------------

export const ADMIN_ROUTES: AdminRoute[] = [
  ...EDITOR_ROUTES,
  // Before `/admin/experts/:id`, which would take `/admin/media/expert-photo` for an expert's id.
  ...MEDIA_ROUTES,
  {
    method: 'GET',
    path: '/admin',
    cap: 'article.view',
    handler: async (c, ctx) => {
      const filter = { status: c.req.query('status') || undefined, lang: c.req.query('lang') || undefined, q: c.req.query('q')?.slice(0, 200) || undefined };
      const { rows, total } = await adminArticles(ctx.store, { ...filter, limit: 100 });
      return html(c, <ArticleListPage lang={ctx.lang} user={ctx.user} rows={rows} total={total} filter={filter} />);
    },
  },
  { method: 'GET', path: '/admin/articles/new', cap: 'article.write', handler: (c, ctx) => renderEdit(c, ctx, undefined, {}) },
  { method: 'POST', path: '/admin/articles/new', cap: 'article.write', handler: saveArticleForm },
  {
    method: 'GET',
    path: '/admin/articles/:id',
    cap: 'article.view',
    handler: (c, ctx) => renderEdit(c, ctx, c.req.param('id'), c.req.query('saved') ? { flash: { kind: 'ok', text: at(ctx.lang, 'edit.saved') } } : {}),
  },
  { method: 'POST', path: '/admin/articles/:id', cap: 'article.write', handler: saveArticleForm },
  {
    // Attach a PDF (multipart `file`, `title`, `lang`) or take one off (`do=remove`, `src`); both are edits (a revision each).
    method: 'POST',
    path: '/admin/articles/:id/attachments',
    cap: 'media.upload',
    limit: MAX_ATTACHMENT_BYTES + 64 * 1024,
    handler: async (c, ctx) => {
      const id = c.req.param('id')!;
      const version = Number(str(ctx, 'version')) || undefined;
      try {
        if (str(ctx, 'do') === 'remove') {
          await detachFile(ctx.store, ctx.editor, id, str(ctx, 'src'), version);
          return renderEdit(c, ctx, id, { flash: { kind: 'ok', text: mt(ctx.lang, 'fileRemoved') } });
        }
        const file = ctx.form['file'];
        if (!(file instanceof File) || file.size === 0) return renderEdit(c, ctx, id, { flash: { kind: 'error', text: mt(ctx.lang, 'fileNone') }, status: 400 });
        const { attachment } = await attachFile(ctx.store, ctx.editor, id, new Uint8Array(await file.arrayBuffer()), file.name, { title: str(ctx, 'title'), lang: str(ctx, 'lang'), version });
        return renderEdit(c, ctx, id, { flash: { kind: 'ok', text: mt(ctx.lang, 'fileAttached', { name: attachment.title }) }, status: 201 });
      } catch (err) {
        if (!(err instanceof MizanError) || err.status >= 500 || err.status === 404 || err instanceof ForbiddenError) throw err;
        const text = err.code === 'bad-media' ? mt(ctx.lang, 'fileRefused', { message: refusal(ctx.lang, err.message) }) : errorText(ctx.lang, err);
        return renderEdit(c, ctx, id, { flash: { kind: 'error', text }, status: err.status });
      }
    },
  },
  {
    method: 'POST',
    path: '/admin/articles/:id/workflow',
    cap: 'article.submit',
    handler: (c, ctx) =>
      withArticle(c, ctx, (id) => {
        // The form's wall-clock time is the institute's; a time with its own offset is taken as written.
        const raw = str(ctx, 'publishAt');
        const publishAt = raw && !/[zZ]|[+-]\d\d:\d\d$/.test(raw) ? wallTimeToUtc(raw, instituteTimeZone()) : raw;
        if (raw && !publishAt) throw new MizanError('bad-schedule', `"${raw}" is not a time: write it as YYYY-MM-DD HH:MM`);
        return transition(ctx.store, ctx.editor, id, str(ctx, 'action') as Action, { publishAt });
      }),
  },
  { method: 'POST', path: '/admin/articles/:id/delete', cap: 'article.delete', handler: (c, ctx) => withArticle(c, ctx, (id) => deleteWithTombstone(ctx.store, ctx.editor, id), '/admin') },
  {
    method: 'POST',
    path: '/admin/articles/:id/translation',
    cap: 'article.write',
    handler: async (c, ctx) => {
      const side = str(ctx, 'source');
      const opts = {
        version: Number(str(ctx, 'version')) || undefined,
        confirm: str(ctx, 'confirm') === '1',
        source: (['this', 'other'].includes(side) ? side : 'auto') as SourceSide,
      };
      const id = c.req.param('id')!;
      if (!(await articleState(ctx.store, id))) return notFound(c, ctx);
      try {
        await linkTranslation(ctx.store, ctx.editor, id, str(ctx, 'other'), opts);
        return see(c, `/admin/articles/${id}`);
      } catch (err) {
        if (!(err instanceof PairedError)) {
          if (err instanceof ForbiddenError || !(err instanceof MizanError)) throw err;
          return renderEdit(c, ctx, id, { flash: { kind: 'error', text: errorText(ctx.lang, err) }, status: err.status });
        }
        // Refused: say in the editor's language which pairs the link would break, and how to confirm.
        const text = [...err.pairs.map((p) => at(ctx.lang, 'tr.paired', { article: p.article.title, partner: p.partner.title, lang: p.partner.lang })), at(ctx.lang, 'tr.pairedHint')].join(' ');
        return renderEdit(c, ctx, id, { flash: { kind: 'error', text }, status: 409 });
      }
    },
  },
  {
    method: 'POST',
    path: '/admin/articles/:id/create-translation',
    cap: 'article.write',
    handler: async (c, ctx) => {
      const id = c.req.param('id')!;
      if (!(await articleState(ctx.store, id))) return notFound(c, ctx);
      try {
        const made = await createTranslation(ctx.store, ctx.editor, id, str(ctx, 'lang'));
        return see(c, `/admin/articles/${made}/translate`);
      } catch (err) {
        if (err instanceof ForbiddenError || !(err instanceof MizanError)) throw err;
        const text =
          err instanceof AlreadyTranslatedError
            ? at(ctx.lang, 'tr.alreadyTranslated', { title: (await ctx.store.getArticle(id))?.title ?? '', lang: at(ctx.lang, `tr.lang.${err.translation.lang}` as AdminKey), other: err.translation.title })
            : errorText(ctx.lang, err);
        return renderEdit(c, ctx, id, { flash: { kind: 'error', text }, status: err.status });
      }
    },
  },
  {
    method: 'GET',
    path: '/admin/articles/:id/translate',
    cap: 'article.view',
    handler: (c, ctx) => {
      const moved = c.req.query('moved');
      const flash: Flash | undefined = moved
        ? { kind: 'error', text: at(ctx.lang, moved === '2' ? 'tr.sourceMovedMark' : 'tr.sourceMoved') }
        : c.req.query('saved')
          ? { kind: 'ok', text: at(ctx.lang, 'edit.saved') }
          : c.req.query('marked')
            ? { kind: 'ok', text: at(ctx.lang, 'tr.markedUpToDate') }
            : undefined;
      return renderEdit(c, ctx, c.req.param('id'), { translate: true, flash });
    },
  },
  {
    method: 'POST',
    path: '/admin/articles/:id/up-to-date',
    cap: 'article.write',
    handler: async (c, ctx) => {
      const id = c.req.param('id')!;
      if (!(await articleState(ctx.store, id))) return notFound(c, ctx);
      try {
        await markUpToDate(ctx.store, ctx.editor, id, Number(str(ctx, 'sourceVersion')) || undefined);
      } catch (err) {
        if (err instanceof ForbiddenError || !(err instanceof MizanError)) throw err;
        if (err.code === 'source-moved') return see(c, `/admin/articles/${id}/translate?moved=2`);
        return renderEdit(c, ctx, id, { translate: true, flash: { kind: 'error', text: (err.code === 'no-source' ? at(ctx.lang, 'tr.notTranslation') : errorText(ctx.lang, err)) }, status: err.status });
      }
      return see(c, `/admin/articles/${id}/translate?marked=1`);
    },
  },
  {
    method: 'POST',
    path: '/admin/articles/:id/related',
    cap: 'article.write',
    // Adds the chosen articles (`related`) and takes off the ticked items (`remove`); nothing else moves.
    handler: async (c, ctx) => {
      const id = c.req.param('id')!;
      if (!(await articleState(ctx.store, id))) return notFound(c, ctx);
      try {
        await changeRelated(ctx.store, ctx.editor, id, { add: strs(ctx, 'related'), remove: strs(ctx, 'remove') }, Number(str(ctx, 'version')) || undefined);
      } catch (err) {
        if (err instanceof ForbiddenError || !(err instanceof MizanError)) throw err;
        const text = errorText(ctx.lang, err);
        const beside = err instanceof UnknownRelatedError || (err instanceof FieldError && err.field === 'related');
        return renderEdit(c, ctx, id, { flash: { kind: 'error', text }, relatedError: beside ? text : undefined, status: err.status });
      }
      return see(c, `/admin/articles/${id}#related`);
    },
  },
  {
    method: 'GET',
    path: '/admin/articles/:id/entities',
    cap: 'article.view',
    handler: async (c, ctx) => {
      const article = await ctx.store.getArticle(c.req.param('id')!);
      if (!article) return notFound(c, ctx);
      const entities = await entitySuggestions(ctx.store, ctx.editor, article.id, ctx.lang);
      const flash: Flash | undefined = c.req.query('saved') ? { kind: 'ok', text: at(ctx.lang, 'ent.saved') } : undefined;
      return html(c, <EntitiesPage lang={ctx.lang} user={ctx.user} article={article} entities={entities} canDecide={can(ctx.user.role, 'knowledge.review')} flash={flash} />);
    },
  },
  {
    method: 'POST',
    path: '/admin/articles/:id/entities',
    cap: 'knowledge.review',
    handler: async (c, ctx) => {
      const id = c.req.param('id')!;
      if (!(await articleState(ctx.store, id))) return notFound(c, ctx);
      await decideSuggestion(ctx.store, ctx.editor, { articleId: id, kind: str(ctx, 'kind'), id: str(ctx, 'entity'), status: str(ctx, 'decision') });
      return see(c, `/admin/articles/${id}/entities?saved=1`);
    },
  },
  { method: 'GET', path: '/admin/articles/:id/revisions', cap: 'article.view', handler: (c, ctx) => revisionsPage(c, ctx) },
  {
    method: 'GET',
    path: '/admin/articles/:id/revisions/compare',
    cap: 'article.view',
    handler: async (c, ctx) => {
      const numbers = (await listRevisions(ctx.store, c.req.param('id')!)).map((r) => r.number);
      const pick = (raw: string | undefined, fallback: number) => (raw && /^\d{1,9}$/.test(raw) ? Number(raw) : fallback);
      return revisionsPage(c, ctx, { from: pick(c.req.query('from'), Math.min(...numbers, 1)), to: pick(c.req.query('to'), Math.max(...numbers, 1)) });
    },
  },
  {
    method: 'POST',
    path: '/admin/articles/:id/revisions/:n/restore',
    cap: 'article.write',
    handler: (c, ctx) => withArticle(c, ctx, (id) => restoreRevision(ctx.store, ctx.editor, id, Number(c.req.param('n')) || 0, Number(str(ctx, 'version')))),
  },
  {
    method: 'GET',
    path: '/admin/translations',
    cap: 'article.view',
    handler: async (c, ctx) => {
      const report = await translationsReport(ctx.store);
      const only = c.req.query('lang');
      // "Create the translation" where the article's own page offers it: on what this account may change.
      const creatable = new Set<string>();
      for (const m of report.missing) if (mayEditAs(ctx, m.status) && (await mayChange(ctx.store, ctx.editor, m.id))) creatable.add(m.id);
      return html(c, <TranslationsPage lang={ctx.lang} user={ctx.user} missing={report.missing} stale={report.stale} creatable={creatable} only={only && Object.hasOwn(LANGS, only) ? only : undefined} />);
    },
  },
  {
    method: 'GET',
    path: '/admin/experts',
    cap: 'taxonomy.edit',
    handler: async (c, ctx) => {
      const experts = (await Promise.all(Object.keys(LANGS).map((l) => ctx.store.listExperts(l)))).flat();
      const photo = c.req.query('photo');
      const photoError = c.req.query('photoError');
      const flash: Flash | undefined = c.req.query('saved')
        ? { kind: 'ok', text: at(ctx.lang, 'edit.saved') }
        : photoError
          ? { kind: 'error', text: mt(ctx.lang, 'refused', { message: photoError.slice(0, 300) }) }
          : photo === 'saved' || photo === 'removed'
            ? { kind: 'ok', text: mt(ctx.lang, photo === 'saved' ? 'photoSaved' : 'photoRemoved') }
            : photo === 'none'
              ? { kind: 'error', text: mt(ctx.lang, 'noFile') }
              : undefined;
      return html(c, <ExpertsPage lang={ctx.lang} user={ctx.user} experts={experts} photos={await expertPhotos(ctx.store)} flash={flash} />);
    },
  },
  {
    method: 'POST',
    path: '/admin/experts/:id',
    cap: 'taxonomy.edit',
    handler: async (c, ctx) => {
      await updateExpert(ctx.store, ctx.editor, { id: c.req.param('id')!, lang: str(ctx, 'lang'), name: str(ctx, 'name'), title: str(ctx, 'title') || null, bio: str(ctx, 'bio') });
      return see(c, '/admin/experts?saved=1');
    },
  },
  {
    method: 'GET',
    path: '/admin/terms',
    cap: 'taxonomy.edit',
    handler: async (c, ctx) => {
      const langs = Object.keys(LANGS);
      const topics = (await Promise.all(langs.map((l) => ctx.store.listTerms('topic', l)))).flat();
      const regions = (await Promise.all(langs.map((l) => ctx.store.listTerms('region', l)))).flat();
      return html(c, <TermsPage lang={ctx.lang} user={ctx.user} topics={topics} regions={regions} flash={c.req.query('saved') ? { kind: 'ok', text: at(ctx.lang, 'edit.saved') } : undefined} />);
    },
  },
  {
    method: 'POST',
    path: '/admin/terms/:id',
    cap: 'taxonomy.edit',
    handler: async (c, ctx) => {
      await renameTerm(ctx.store, ctx.editor, { id: c.req.param('id')!, lang: str(ctx, 'lang'), name: str(ctx, 'name') });
      return see(c, '/admin/terms?saved=1');
    },
  },
  { method: 'GET', path: '/admin/import', cap: 'import', handler: async (c, ctx) => html(c, <ImportPage lang={ctx.lang} user={ctx.user} />) },
  {
    method: 'POST',
    path: '/admin/import',
    cap: 'import',
    limit: MAX_UPLOAD_BYTES + 64 * 1024,
    handler: async (c, ctx) => {
      const file = ctx.form['file'];
      if (!(file instanceof File)) return html(c, <ImportPage lang={ctx.lang} user={ctx.user} flash={{ kind: 'error', text: at(ctx.lang, 'import.file') }} />, 400);
      if (file.size > MAX_UPLOAD_BYTES) return html(c, <ImportPage lang={ctx.lang} user={ctx.user} flash={{ kind: 'error', text: at(ctx.lang, 'err.too-large') }} />, 413);
      try {
        const result = await importUpload(ctx.store, ctx.editor, file.name, new Uint8Array(await file.arrayBuffer()), { force: str(ctx, 'force') === '1' });
        return html(c, <ImportPage lang={ctx.lang} user={ctx.user} result={result} />);
      } catch (err) {
        if (err instanceof ImportConflictError) {
          const text = at(ctx.lang, err.reason === 'text' ? 'import.conflict' : `import.conflict.${err.reason}`, { title: err.title, file: err.file ?? file.name });
          return html(c, <ImportPage lang={ctx.lang} user={ctx.user} flash={{ kind: 'error', text }} conflict={{ id: err.articleId, title: err.title }} />, 409);
        }
        if (!(err instanceof MizanError) || err instanceof ForbiddenError) throw err;
        // The importer's refusal names the file (the upload's name) it read.
        const text = err.file ? at(ctx.lang, 'error.inFile', { file: err.file, text: uploadErrorText(ctx.lang, err) }) : uploadErrorText(ctx.lang, err);
        return html(c, <ImportPage lang={ctx.lang} user={ctx.user} flash={{ kind: 'error', text }} />, err.status === 413 ? 413 : 422);
      }
    },
  },
  {
    method: 'GET',
    path: '/admin/audit',
    cap: 'audit.view',
    handler: async (c, ctx) => {
      const page = Math.max(1, Math.min(10_000, Number(c.req.query('page')) || 1));
      const entries = await listAudit(ctx.store, { limit: 100, offset: (page - 1) * 100 });
      return html(c, <AuditPage lang={ctx.lang} user={ctx.user} entries={entries} page={page} />);
    },
  },
  { method: 'GET', path: '/admin/users', cap: 'users.manage', handler: async (c, ctx) => usersPage(c, ctx) },
  {
    method: 'POST',
    path: '/admin/users',
    cap: 'users.manage',
    handler: async (c, ctx) => {
      try {
        await addUser(ctx.store, { email: str(ctx, 'email'), role: str(ctx, 'role'), password: str(ctx, 'password') }, { actor: ctx.editor });
      } catch (err) {
        if (!(err instanceof MizanError)) throw err;
        return usersPage(c, ctx, { kind: 'error', text: errorText(ctx.lang, err) }, 422);
      }
      return usersPage(c, ctx, { kind: 'ok', text: at(ctx.lang, 'account.done') });
    },
  },
  {
    method: 'POST',
    path: '/admin/users/:id',
    cap: 'users.manage',
    handler: async (c, ctx) => {
      const id = c.req.param('id')!;
      if (!(await findUser(ctx.store, id))) return notFound(c, ctx);
      const what = str(ctx, 'do');
      const opts = { actor: ctx.editor };
      if (what === 'disable' || what === 'enable') {
        if (id === ctx.user.id) return usersPage(c, ctx, { kind: 'error', text: at(ctx.lang, 'error.forbidden') }, 403);
        await setDisabled(ctx.store, id, what === 'disable', opts);
      } else if (what === 'role' && isRole(str(ctx, 'role'))) await setRole(ctx.store, id, str(ctx, 'role'), opts);
      else if (what === 'reset-totp') await resetTotp(ctx.store, id, opts);
      else return usersPage(c, ctx, { kind: 'error', text: at(ctx.lang, 'error.generic', { message: what }) }, 400);
      return usersPage(c, ctx, { kind: 'ok', text: at(ctx.lang, 'account.done') });
    },
  },
  {
    method: 'GET',
    path: '/admin/account',
    cap: 'article.view',
    handler: (c, ctx) => accountPage(c, ctx, c.req.query('welcome') === '1' && !ctx.active.user.totp_enabled ? { kind: 'ok', text: at(ctx.lang, 'setup.done') } : undefined),
  },
  {
    method: 'POST',
    path: '/admin/account/totp',
    cap: 'article.view',
    handler: async (c, ctx) => {
      // Once on, the factor is only removed by an admin: a stolen session must not switch it off.
      if (ctx.active.user.totp_enabled) return accountPage(c, ctx, { kind: 'error', text: at(ctx.lang, 'account.totpOn') }, 409);
      await beginTotp(ctx.store, ctx.user.id);
      return see(c, '/admin/account');
    },
  },
  {
    method: 'POST',
    path: '/admin/account/totp/confirm',
    cap: 'article.view',
    handler: async (c, ctx) => {
      const ok = !ctx.active.user.totp_enabled && (await acceptTotp(ctx.store, ctx.user.id, str(ctx, 'code'), Date.now(), ctx.editor));
      return accountPage(c, ctx, ok ? { kind: 'ok', text: at(ctx.lang, 'account.totpOn') } : { kind: 'error', text: at(ctx.lang, 'signin.codeFailed') }, ok ? 200 : 422);
    },
  },
  {
    method: 'POST',
    path: '/admin/account/password',
    cap: 'article.view',
    handler: async (c, ctx) => {
      if (!(await verifyPassword(str(ctx, 'current'), ctx.active.user.password_hash))) {
        return accountPage(c, ctx, { kind: 'error', text: at(ctx.lang, 'signin.failed') }, 422);
      }
      try {
        await setPassword(ctx.store, ctx.user.id, str(ctx, 'password'), { actor: ctx.editor });
      } catch (err) {
        if (!(err instanceof MizanError)) throw err;
        return accountPage(c, ctx, { kind: 'error', text: errorText(ctx.lang, err) }, 422);
      }
      clearCookie(c, 'session', ctx.settings);
      return see(c, '/admin/sign-in');
    },
  },
  {
    method: 'POST',
    path: '/admin/sign-out',
    cap: 'article.view',
    handler: async (c, ctx) => {
      await endSession(ctx.store, ctx.token);
      await recordAudit(ctx.store, ctx.editor, 'sign-out', ctx.user.email);
      clearCookie(c, 'session', ctx.settings);
      return see(c, '/admin/sign-in');
    },
  },
  {
    method: 'POST',
    path: '/admin/sign-out-everywhere',
    cap: 'article.view',
    handler: async (c, ctx) => {
      const n = await endAllSessions(ctx.store, ctx.user.id);
      await recordAudit(ctx.store, ctx.editor, 'sign-out.everywhere', ctx.user.email, { sessions: n });
      clearCookie(c, 'session', ctx.settings);
      return see(c, '/admin/sign-in');
    },
  },
  ...NEWSLETTER_ROUTES,
  ...SETTINGS_ROUTES,
];

async function usersPage(c: Context, ctx: Ctx, flash?: Flash, status = 200): Promise<Response> {
  return html(c, <UsersPage lang={ctx.lang} user={ctx.user} users={await listUsers(ctx.store)} flash={flash} />, status);
}

async function accountPage(c: Context, ctx: Ctx, flash?: Flash, status = 200): Promise<Response> {
  const row = await findUser(ctx.store, ctx.user.id);
  const pendingSecret = row && !row.totp_enabled && row.totp_secret ? row.totp_secret : undefined;
  return html(c, <AccountPage lang={ctx.lang} user={ctx.user} totpEnabled={!!row?.totp_enabled} pendingSecret={pendingSecret} flash={flash} />, status);
}

// ---- the guard -------------------------------------------------------------------------------------

async function readForm(c: Context): Promise<Ctx['form'] | undefined> {
  try {
    return (await c.req.parseBody({ all: true })) as Ctx['form'];
  } catch {
    return undefined;
  }
}

/** Why a body was refused unread, in the editor's language. */
function tooLargeText(lang: string, limit: number): string {
  return lang === 'en' ? `Refused: the file is larger than ${Math.floor(limit / 1024 / 1024)} MB, the most this form accepts.` : `رُفض: الملف أكبر من ${Math.floor(limit / 1024 / 1024)} ميغابايت، وهو أقصى ما يقبله هذا النموذج.`;
}

function refuse(c: Context, status: number, message: string): Response {
  // A body refused unread leaves the connection unusable: close it rather than have the client reuse it.
  return c.text(message, status as 403, status === 413 ? { ...NO_STORE, connection: 'close' } : NO_STORE);
}

function guard(route: AdminRoute, store: Store, settings: AdminSettings, baseSite: SiteConfig): (c: Context) => Promise<Response> {
  return async (c) => {
    const lang = uiLang(c, settings);
    const token = readCookie(c, 'session', settings);
    const active = await readSession(store, token);
    if (!active || active.session.pending_mfa) {
      if (route.method === 'GET') return see(c, '/admin/sign-in');
      return refuse(c, 401, 'sign in first');
    }
    let form: Ctx['form'] = {};
    if (route.method === 'POST') {
      if (!sameOrigin(c, settings)) return refuse(c, 403, 'refused: this request did not come from this site (Origin check)');
      const parsed = await readForm(c);
      if (!parsed) return refuse(c, 400, 'unreadable form');
      if (!tokensMatch(typeof parsed._csrf === 'string' ? parsed._csrf : undefined, active.session.csrf)) return refuse(c, 403, 'refused: missing or wrong CSRF token');
      form = parsed;
    }
    const user = {
      id: active.user.id,
      email: active.user.email,
      role: active.user.role,
      csrf: active.session.csrf,
      nudgeTotp: active.user.role !== 'author' && !active.user.totp_enabled,
    };
    const ctx: Ctx = { lang, store, settings, active, user, token: token!, form, baseSite, editor: { id: user.id, email: user.email, role: user.role, ip: clientIp(c, settings) } };
    if (!can(user.role, route.cap)) {
      return html(c, <AdminLayout lang={lang} title="403" user={user} flash={{ kind: 'error', text: at(lang, 'error.forbidden') }} />, 403);
    }
    try {
      return await route.handler(c, ctx);
    } catch (err) {
      if (err instanceof ForbiddenError) return html(c, <AdminLayout lang={lang} title="403" user={user} flash={{ kind: 'error', text: at(lang, 'error.forbidden') }} />, 403);
      if (err instanceof MizanError && err.status < 500) {
        return html(c, <AdminLayout lang={lang} title={String(err.status)} user={user} flash={{ kind: 'error', text: errorText(lang, err) }} />, err.status);
      }
      throw err;
    }
  };
}

// ---- signing in (no session yet) ---------------------------------------------------------------------

function signInRoutes(app: Hono, store: Store, settings: AdminSettings): void {
  const newPreToken = (c: Context) => {
    const pre = randomBytes(24).toString('base64url');
    writeCookie(c, 'signin', pre, settings);
    return pre;
  };
  const where = (c: Context) => ({ ip: clientIp(c, settings), userAgent: c.req.header('user-agent') ?? '' });

  app.get('/admin/sign-in', async (c) => {
    const active = await readSession(store, readCookie(c, 'session', settings));
    if (active && !active.session.pending_mfa) return see(c, '/admin');
    const lang = uiLang(c, settings);
    const first = (await hasUsers(store)) ? undefined : ({ kind: 'ok', text: at(lang, 'signin.noAccounts') } as const);
    return html(c, <SignInPage lang={lang} csrf={newPreToken(c)} step="password" flash={first} />);
  });

  app.post('/admin/sign-in', async (c) => {
    const lang = uiLang(c, settings);
    if (!sameOrigin(c, settings)) return refuse(c, 403, 'refused: this request did not come from this site (Origin check)');
    const form = await readForm(c);
    if (!form || !tokensMatch(typeof form._csrf === 'string' ? form._csrf : undefined, readCookie(c, 'signin', settings))) {
      return refuse(c, 403, 'refused: missing or wrong CSRF token (reload the sign-in page)');
    }
    const email = typeof form.email === 'string' ? form.email : '';
    const password = typeof form.password === 'string' ? form.password : '';
    // Whatever session cookie came with the request is dropped: a session id is only ever one we issue here.
    const old = readCookie(c, 'session', settings);
    if (old) await endSession(store, old);
    const result = await signIn(store, { email, password }, where(c));
    if (result.kind === 'ok') {
      clearCookie(c, 'signin', settings);
      writeCookie(c, 'session', result.session.token, settings);
      return see(c, result.pendingMfa ? '/admin/sign-in/code' : '/admin');
    }
    const flash: Flash =
      result.kind === 'locked'
        ? { kind: 'error', text: at(lang, 'signin.locked', { n: Math.ceil(result.retryAfterMs / 1000) }) }
        : { kind: 'error', text: at(lang, 'signin.failed') };
    const res = await html(c, <SignInPage lang={lang} csrf={newPreToken(c)} step="password" email={email.slice(0, 254)} flash={flash} />, result.kind === 'locked' ? 429 : 401);
    if (result.kind === 'locked') res.headers.set('retry-after', String(Math.ceil(result.retryAfterMs / 1000)));
    return res;
  });

  app.get('/admin/sign-in/code', async (c) => {
    const active = await readSession(store, readCookie(c, 'session', settings));
    if (!active?.session.pending_mfa) return see(c, active ? '/admin' : '/admin/sign-in');
    return html(c, <SignInPage lang={uiLang(c, settings)} csrf={active.session.csrf} step="code" />);
  });

  app.post('/admin/sign-in/code', async (c) => {
    const lang = uiLang(c, settings);
    if (!sameOrigin(c, settings)) return refuse(c, 403, 'refused: this request did not come from this site (Origin check)');
    const token = readCookie(c, 'session', settings);
    const active = await readSession(store, token);
    if (!active?.session.pending_mfa) return see(c, '/admin/sign-in');
    const form = await readForm(c);
    if (!form || !tokensMatch(typeof form._csrf === 'string' ? form._csrf : undefined, active.session.csrf)) return refuse(c, 403, 'refused: missing or wrong CSRF token');
    const result = await completeSignIn(store, token!, typeof form.code === 'string' ? form.code : '', where(c));
    if (result.kind === 'ok') {
      writeCookie(c, 'session', result.session.token, settings);
      return see(c, '/admin');
    }
    const text = result.kind === 'locked' ? at(lang, 'signin.locked', { n: Math.ceil(result.retryAfterMs / 1000) }) : at(lang, 'signin.codeFailed');
    return html(c, <SignInPage lang={lang} csrf={active.session.csrf} step="code" flash={{ kind: 'error', text }} />, result.kind === 'locked' ? 429 : 401);
  });

  // The interface language: with a session its CSRF token, before signing in the sign-in form's.
  app.post('/admin/lang', async (c) => {
    if (!sameOrigin(c, settings)) return refuse(c, 403, 'refused: this request did not come from this site (Origin check)');
    const form = await readForm(c);
    const active = await readSession(store, readCookie(c, 'session', settings));
    const expected = active ? active.session.csrf : readCookie(c, 'signin', settings);
    if (!form || !tokensMatch(typeof form._csrf === 'string' ? form._csrf : undefined, expected)) return refuse(c, 403, 'refused: missing or wrong CSRF token');
    const lang = typeof form.lang === 'string' && Object.hasOwn(LANGS, form.lang) ? form.lang : 'ar';
    writeCookie(c, 'lang', lang, settings);
    // The account remembers it too: what is mailed to it (review notices) is written in it.
    if (active) await setInterfaceLanguage(store, active.user.id, lang);
    const back = c.req.header('referer');
    let to = '/admin';
    try {
      const u = new URL(back ?? '');
      if (u.pathname.startsWith('/admin') && sameOrigin(c, settings)) to = u.pathname + u.search;
    } catch {
      // no usable referer: the article list
    }
    return see(c, to);
  });
}

/**
 * Mounts the editors' side. Settings: MIZAN_TRUST_PROXY=1 or MIZAN_TRUSTED_PROXIES (behind a TLS
 * proxy; forwarded headers count only from those peers, default loopback) and the public origin.
 *
 * @example registerAdmin(app, { store, baseUrl: 'https://example.org' })
 */
export function registerAdmin(app: Hono, deps: WebDeps & { trustProxy?: boolean; trustedProxies?: string }): void {
  const settings = securitySettings(deps);
  const store = deps.store;

  let lastCheck = 0;
  app.use('*', async (_c, next) => {
    const now = Date.now();
    if (!deps.readOnly && now - lastCheck >= SCHEDULE_CHECK_MS) {
      lastCheck = now;
      try {
        await publishDue(store);
        await purgeSessions(store);
      } catch (err) {
        console.error(`publishing scheduled articles failed: ${(err as Error)?.stack ?? err}`);
      }
    }
    await next();
  });

  app.get(ADMIN_CSS_PATH, (c) => c.body(ADMIN_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' }));
  const formLimit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => refuse(c, 413, 'request body too large') });
  // Routes with their own limit, as patterns: `/admin/articles/:id/attachments` names many paths.
  const ownLimit = ADMIN_ROUTES.filter((r) => r.limit).map((r) => new RegExp(`^${r.path.replace(/:[a-z]+(\{[^}]*\})?/gi, (_m, re: string | undefined) => (re ? `(?:${re.slice(1, -1)})` : '[^/]+'))}$`));
  app.use('/admin/*', (c, next) => (ownLimit.some((re) => re.test(c.req.path)) ? next() : formLimit(c, next)));
  registerSetup(app, { store, settings, uiLang: (c) => uiLang(c, settings) });
  signInRoutes(app, store, settings);
  for (const route of ADMIN_ROUTES) {
    const handler = guard(route, store, settings, deps.site ?? DEFAULT_SITE);
    if (route.limit) {
      app.on(route.method, route.path, bodyLimit({ maxSize: route.limit, onError: (c) => refuse(c, 413, tooLargeText(uiLang(c, settings), route.limit!)) }), handler);
    } else {
      app.on(route.method, route.path, handler);
    }
  }
  app.all('/admin/*', (c) => c.text('not found', 404, NO_STORE));
}

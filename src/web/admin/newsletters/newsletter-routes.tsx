/**
 * @module The newsletter routes of the editors' side, as entries of the admin route table (the guard,
 * CSRF and capabilities come with it): issues (write, preview as the e-mail in either language, send a
 * test to oneself, send now or schedule) need `article.publish`; the subscriber list (CSV export,
 * deletion on request) is personal data and needs `users.manage`.
 */
import type { HtmlString } from '../../jsx/html-string.ts';
import type { Context } from 'hono';
import {
  composeMail,
  countSubscribers,
  deleteSubscriber,
  findSubscriberByAddress,
  getIssue,
  listIssues,
  mailConfig,
  mailStatus,
  digestSchedule,
  recordAudit,
  saveIssue,
  sendIssue,
  smtpMailer,
  subscribersCsv,
  can,
  SendError,
  type Issue,
} from '../../../app/index.ts';
import { MizanError } from '../../../lib/index.ts';
import type { AdminRoute } from '../../routes/admin.tsx';
import { renderPage } from '../../views/layout.tsx';
import { currentSite } from '../../site/index.ts';
import type { Flash } from '../admin-layout.tsx';
import { nt } from './newsletter-i18n.ts';
import { IssueEditPage, IssueListPage, type ArticleChoice } from './newsletter-pages.tsx';

type Ctx = Parameters<AdminRoute['handler']>[1];

const NO_STORE = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };

async function html(c: Context, node: HtmlString, status = 200): Promise<Response> {
  return c.html(await renderPage(node), status as 200, NO_STORE);
}

function str(ctx: Ctx, name: string): string {
  const v = ctx.form[name];
  return typeof v === 'string' ? v : '';
}

function all(ctx: Ctx, name: string): string[] {
  const v = ctx.form[name];
  return (Array.isArray(v) ? v : v ? [v] : []).filter((x): x is string => typeof x === 'string');
}

function baseUrl(c: Context): string {
  return process.env.MIZAN_BASE_URL ?? new URL(c.req.url).origin;
}

async function choices(ctx: Ctx): Promise<ArticleChoice[]> {
  const page = await ctx.store.listArticles({ limit: 60 });
  return page.items.map((a) => ({ id: a.id, title: a.title, lang: a.lang, published: a.published }));
}

async function listPage(c: Context, ctx: Ctx, flash?: Flash, status = 200): Promise<Response> {
  const delivery = await mailStatus(ctx.store, { digest: digestSchedule(process.env, currentSite().timeZone) });
  return html(
    c,
    <IssueListPage lang={ctx.lang} user={ctx.user} issues={await listIssues(ctx.store)} counts={await countSubscribers(ctx.store)} delivery={delivery} canManageSubscribers={can(ctx.user.role, 'users.manage')} flash={flash} />,
    status,
  );
}

async function editPage(c: Context, ctx: Ctx, issue: Issue | undefined, flash?: Flash, status = 200): Promise<Response> {
  return html(c, <IssueEditPage lang={ctx.lang} user={ctx.user} issue={issue} articles={await choices(ctx)} flash={flash} />, status);
}

async function issueMail(c: Context, ctx: Ctx, issue: Issue, lang: string, test: boolean) {
  const config = mailConfig();
  const articles = [];
  for (const id of issue.articleIds) {
    const a = await ctx.store.getArticle(id);
    if (a) articles.push(a);
  }
  const settings = { from: config?.from ?? 'preview@localhost', domain: config?.domain ?? 'localhost', baseUrl: baseUrl(c) };
  const mail = composeMail(settings, {
    kind: 'newsletter',
    lang,
    messageId: `test.${issue.id}.${Date.now()}`,
    to: { email: ctx.user.email, manageToken: 'preview', unsubscribeToken: 'preview' },
    articles,
    issue: { subject: test ? `[TEST] ${issue.subject}` : issue.subject, lead: issue.lead },
  });
  return { config, mail };
}

async function withIssue(c: Context, ctx: Ctx, fn: (issue: Issue) => Promise<Response>): Promise<Response> {
  const issue = await getIssue(ctx.store, c.req.param('issue')!);
  if (!issue) return html(c, <p>404</p>, 404);
  return fn(issue);
}

function inputOf(ctx: Ctx) {
  return { lang: str(ctx, 'lang'), subject: str(ctx, 'subject'), lead: str(ctx, 'lead'), articleIds: all(ctx, 'articles') };
}

export const NEWSLETTER_ROUTES: AdminRoute[] = [
  { method: 'GET', path: '/admin/newsletters', cap: 'article.publish', handler: (c, ctx) => listPage(c, ctx) },
  { method: 'GET', path: '/admin/newsletters/new', cap: 'article.publish', handler: (c, ctx) => editPage(c, ctx, undefined) },
  {
    method: 'POST',
    path: '/admin/newsletters/new',
    cap: 'article.publish',
    handler: async (c, ctx) => {
      try {
        const issue = await saveIssue(ctx.store, inputOf(ctx), ctx.user.email);
        return c.redirect(`/admin/newsletters/${issue.id}?saved=1`, 303);
      } catch (err) {
        if (!(err instanceof MizanError)) throw err;
        return editPage(c, ctx, undefined, { kind: 'error', text: err.message }, 422);
      }
    },
  },
  {
    method: 'GET',
    path: '/admin/newsletters/:issue',
    cap: 'article.publish',
    handler: (c, ctx) => withIssue(c, ctx, (issue) => editPage(c, ctx, issue, c.req.query('saved') ? { kind: 'ok', text: nt(ctx.lang, 'saved') } : undefined)),
  },
  {
    method: 'POST',
    path: '/admin/newsletters/:issue',
    cap: 'article.publish',
    handler: (c, ctx) =>
      withIssue(c, ctx, async (issue) => {
        try {
          await saveIssue(ctx.store, { ...inputOf(ctx), id: issue.id }, ctx.user.email);
          return c.redirect(`/admin/newsletters/${issue.id}?saved=1`, 303);
        } catch (err) {
          if (!(err instanceof MizanError)) throw err;
          return editPage(c, ctx, issue, { kind: 'error', text: err.message }, err.status === 409 ? 409 : 422);
        }
      }),
  },
  {
    method: 'GET',
    path: '/admin/newsletters/:issue/preview',
    cap: 'article.publish',
    handler: (c, ctx) =>
      withIssue(c, ctx, async (issue) => {
        const lang = c.req.query('lang') === 'en' ? 'en' : c.req.query('lang') === 'ar' ? 'ar' : issue.lang;
        const { mail } = await issueMail(c, ctx, issue, lang, false);
        // The e-mail as mail clients get it: its inline styles need their own policy; nothing else may load.
        return c.html(mail.html, 200, { ...NO_STORE, 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'none'" });
      }),
  },
  {
    method: 'POST',
    path: '/admin/newsletters/:issue/test',
    cap: 'article.publish',
    handler: (c, ctx) =>
      withIssue(c, ctx, async (issue) => {
        const { config, mail } = await issueMail(c, ctx, issue, issue.lang, true);
        if (!config) return editPage(c, ctx, issue, { kind: 'error', text: nt(ctx.lang, 'mailOff') }, 409);
        const mailer = smtpMailer(config.smtpUrl, { dkim: config.dkim, timeoutMs: 15_000 });
        try {
          await mailer.send(mail);
        } catch (err) {
          if (!(err instanceof SendError)) throw err;
          return editPage(c, ctx, issue, { kind: 'error', text: err.message }, 502);
        } finally {
          mailer.close();
        }
        return editPage(c, ctx, issue, { kind: 'ok', text: nt(ctx.lang, 'tested', { email: ctx.user.email }) });
      }),
  },
  {
    method: 'POST',
    path: '/admin/newsletters/:issue/send',
    cap: 'article.publish',
    handler: (c, ctx) =>
      withIssue(c, ctx, async (issue) => {
        const raw = str(ctx, 'at');
        const at = str(ctx, 'do') === 'schedule' ? new Date(raw && !/[zZ]|[+-]\d\d:\d\d$/.test(raw) ? `${raw}Z` : raw) : undefined;
        if (at && (Number.isNaN(at.getTime()) || at.getTime() <= Date.now())) return editPage(c, ctx, issue, { kind: 'error', text: nt(ctx.lang, 'at') }, 422);
        try {
          const done = await sendIssue(ctx.store, issue.id, at);
          await recordAudit(ctx.store, ctx.editor, at ? 'newsletter.schedule' : 'newsletter.send', issue.id, { recipients: done.recipients, at: done.sendAt });
          const text = at ? nt(ctx.lang, 'scheduled', { at: done.sendAt ?? '' }) : nt(ctx.lang, 'sent', { n: done.recipients ?? 0 });
          return editPage(c, ctx, done, { kind: 'ok', text });
        } catch (err) {
          if (!(err instanceof MizanError)) throw err;
          return editPage(c, ctx, issue, { kind: 'error', text: err.message }, 409);
        }
      }),
  },
  {
    method: 'GET',
    path: '/admin/subscribers.csv',
    cap: 'users.manage',
    handler: async (c, ctx) => {
      await recordAudit(ctx.store, ctx.editor, 'subscribers.export', null);
      return c.body(await subscribersCsv(ctx.store), 200, { ...NO_STORE, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="subscribers.csv"' });
    },
  },
  {
    method: 'POST',
    path: '/admin/subscribers/delete',
    cap: 'users.manage',
    handler: async (c, ctx) => {
      const email = str(ctx, 'email');
      let sub;
      try {
        sub = await findSubscriberByAddress(ctx.store, email);
      } catch (err) {
        if (!(err instanceof MizanError)) throw err;
      }
      if (!sub) return listPage(c, ctx, { kind: 'error', text: nt(ctx.lang, 'notFound', { email: email.slice(0, 254) }) }, 404);
      await deleteSubscriber(ctx.store, sub.id);
      // The audit keeps that a deletion happened, not the address deleted.
      await recordAudit(ctx.store, ctx.editor, 'subscriber.delete', null);
      return listPage(c, ctx, { kind: 'ok', text: nt(ctx.lang, 'deleted', { email: sub.email }) });
    },
  },
];

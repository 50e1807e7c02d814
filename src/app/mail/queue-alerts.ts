/**
 * @module The publish hook: when an article goes live (by an editor, or a scheduled one coming due),
 * one outbox row is queued, in the publishing transaction, for every confirmed subscriber who reads
 * its language and follows something it has — an instant alert now, or an item of the next weekly
 * digest. One INSERT … SELECT does it, so publishing with ten thousand readers waits on the database
 * only, never on mail.
 *
 * Once per reader per piece: a row's id is `alert:SUBSCRIBER:ARTICLE`, and no row is queued for a
 * reader who already has one for the article or any of its translations, so publishing the English
 * version of an Arabic analysis already sent does not send again.
 */
import { sql } from 'kysely';
import { seriesName, type Article } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { analyze } from '../../text/index.ts';
import { mdb } from './tables.ts';
import { NEXT_DIGEST } from './digest-schedule.ts';

/** The article and every article that is its translation, either way round. */
export async function translationGroup(tx: Store, article: Pick<Article, 'id' | 'path' | 'translations'>): Promise<string[]> {
  const ids = new Set([article.id]);
  const paths = article.translations.map((t) => t.path);
  if (paths.length) for (const r of await tx.db.selectFrom('articles').select('id').where('path', 'in', paths).execute()) ids.add(r.id);
  for (const r of await tx.db.selectFrom('article_translations').select('article_id').where('path', '=', article.path).execute()) ids.add(r.article_id);
  return [...ids];
}

/** The stems a saved search needs, and whether an article's text has them all. */
function stemsOf(text: string, lang: string): Set<string> {
  return new Set(analyze(text, lang).filter((t) => !t.stop).map((t) => t.term));
}

function articleText(a: Article): string {
  const parts = [a.title, a.summary];
  for (const b of a.body) {
    if ('text' in b && typeof b.text === 'string') parts.push(b.text);
    else if (b.kind === 'list') for (const i of b.items) parts.push(i.text);
  }
  return parts.join('\n');
}

/**
 * Queues the alerts an article's publication causes; returns how many rows were queued.
 *
 * @example await queueAlerts(tx, article) // → 9874
 */
export async function queueAlerts(tx: Store, article: Article, now = new Date()): Promise<number> {
  const db = tx.db;
  const terms = (await db.selectFrom('article_terms').select('term_id').where('article_id', '=', article.id).execute()).map((r) => r.term_id);
  const experts = (await db.selectFrom('article_authors').select('expert_id').where('article_id', '=', article.id).execute()).map((r) => r.expert_id);
  const group = await translationGroup(tx, article);
  const lang = article.lang;
  const langLike = `%,${lang},%`;

  // Saved searches are matched here, with the site's own analyzer: every word of the query must be in the piece.
  const searchers: string[] = [];
  const searches = await mdb(tx)
    .selectFrom('mail_follows as f')
    .innerJoin('mail_subscribers as s', 's.id', 'f.subscriber_id')
    .select(['f.subscriber_id', 'f.ref'])
    .where('f.kind', '=', 'search')
    .where('s.status', '=', 'active')
    .where('s.langs', 'like', langLike)
    .execute();
  if (searches.length) {
    const have = stemsOf(articleText(article), lang);
    for (const s of searches) {
      const need = stemsOf(s.ref, lang);
      if (need.size && [...need].every((w) => have.has(w))) searchers.push(s.subscriber_id);
    }
  }

  const list = (xs: string[]) => (xs.length ? sql.join(xs.map((x) => sql.lit(x))) : sql`null`);
  const stamp = now.toISOString();
  // A digest item waits for the next digest time, which the worker works out in the institute's zone.
  const digestAt = NEXT_DIGEST;
  // Follows name a series in English (subscribe.ts), whatever language the article gives its name in.
  const series = article.series ? seriesName(article.series.name, 'en') : null;
  const result = await sql`
    insert into mail_outbox (id, kind, subscriber_id, to_address, article_id, issue_id, lang, message_id, status, attempts, due_at, lease_owner, lease_until, last_error, created_at, sent_at)
    select 'alert:' || s.id || ':' || ${article.id},
           case when s.frequency = 'weekly' then 'digest' else 'alert' end,
           s.id, null, ${article.id}, null, ${lang}, 'alert.' || s.id || '.' || ${article.id}, 'queued', 0,
           case when s.frequency = 'weekly' then ${digestAt} else ${stamp} end,
           null, null, null, ${stamp}, null
    from mail_subscribers s
    where s.status = 'active' and s.langs like ${langLike}
      and exists (select 1 from mail_follows f where f.subscriber_id = s.id and (
            f.kind = 'all'
         or (f.kind in ('topic', 'region') and f.ref in (${list(terms)}))
         or (f.kind = 'expert' and f.ref in (${list(experts)}))
         or (f.kind = 'series' and f.ref = ${series})
         or (f.kind = 'search' and s.id in (${list(searchers)}))))
      and not exists (select 1 from mail_outbox o where o.subscriber_id = s.id and o.article_id in (${list(group)}))`.execute(tx.db);
  return Number(result.numAffectedRows ?? 0);
}

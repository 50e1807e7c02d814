/**
 * @module The mail worker: claims due outbox rows under a lease, builds each message when it is sent
 * (so a reader who stopped or an article unpublished meanwhile sends nothing), sends through the
 * mailer at a steady rate, and records the outcome — sent exactly once (only the lease holder may mark
 * a row), a 5xx ends mail to that address, anything temporary goes back in the queue with doubling
 * delays, and an unreachable server pauses the worker instead of spending every row's attempts.
 *
 * A worker that dies leaves at most one message in doubt: the one it had handed to the SMTP server
 * without recording the answer. That one is never sent again by itself (claim.ts); every other row it
 * held goes back to the queue when its lease runs out.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { hostname } from 'node:os';
import type { Article } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { claimBatch, finish, recordProgress, release, renewLease, type OutboxRow } from './claim.ts';
import { composeMail, type MailJob, type MailSettings, type ReviewDetail } from './compose.ts';
import { SendError, type Mailer } from './smtp.ts';
import { tokenFor } from './subscribe.ts';
import { recordBounce } from './bounce.ts';
import { mdb } from './tables.ts';
import { can } from '../accounts/permissions.ts';
import { edb } from '../accounts/tables.ts';
import { purgeThrottle } from './throttle.ts';
import { queueDueIssues } from './newsletters.ts';
import { publishDue } from '../editorial/workflow.ts';
import { DEFAULT_DIGEST, releaseDigests, type DigestSchedule } from './digest-schedule.ts';

export interface WorkerOptions {
  mailer: Mailer;
  settings: MailSettings;
  /** Messages a second, at most (default 10). */
  ratePerSecond?: number;
  /** How long a claimed row is this worker's (default 5 minutes: longer than any SMTP timeout). */
  leaseMs?: number;
  /** Rows claimed at a time (default 50). */
  batch?: number;
  /** First retry delay; each further attempt doubles it (default 1 minute, at most 6 hours). */
  retryBaseMs?: number;
  /** Attempts before a message is given up (default 8). */
  maxAttempts?: number;
  /** How long to wait when the server cannot be reached (default 30 s). */
  pauseMs?: number;
  /** How often to look for due rows when the queue is empty (default 1 s). */
  pollMs?: number;
  /** When the weekly digest goes out, in the institute's time zone (default Monday 07:00 UTC). */
  digest?: DigestSchedule;
  log?: (line: string) => void;
  now?: () => Date;
}

export interface TickResult {
  claimed: number;
  sent: number;
  failed: number;
  retried: number;
  cancelled: number;
}

const MAX_RETRY_MS = 6 * 3600_000;

export class MailWorker {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  readonly #store: Store;
  readonly #o: Required<Omit<WorkerOptions, 'log' | 'now'>> & Pick<WorkerOptions, 'log'>;
  readonly #now: () => Date;
  #nextSendAt = 0;
  #pausedUntil = 0;
  #running = false;
  #loop?: Promise<void>;
  #wake?: () => void;
  #housekeptAt = 0;
  /** When the lease of the batch in hand ends (the earliest of its rows). */
  #leaseEnd = 0;

  constructor(store: Store, opts: WorkerOptions) {
    this.#store = store;
    this.#o = {
      ratePerSecond: 10,
      leaseMs: 300_000,
      batch: 50,
      retryBaseMs: 60_000,
      maxAttempts: 8,
      pauseMs: 30_000,
      pollMs: 1000,
      digest: DEFAULT_DIGEST,
      ...opts,
    };
    this.#now = opts.now ?? (() => new Date());
  }

  /**
   * Claims one batch and sends it. Each message is recorded `handed` in the same commit that records
   * the one before it `sent`, just before the server is asked to take it; those commits do not wait
   * for the disk, and one that does closes the batch (`recordProgress`).
   */
  async tick(): Promise<TickResult> {
    const result: TickResult = { claimed: 0, sent: 0, failed: 0, retried: 0, cancelled: 0 };
    const now = this.#now();
    if (now.getTime() - this.#housekeptAt > 15_000) {
      this.#housekeptAt = now.getTime();
      // Scheduled articles go live (queueing their alerts) even when no request reaches the site.
      await publishDue(this.#store, now);
      await queueDueIssues(this.#store, now);
      await releaseDigests(this.#store, this.#o.digest, now);
      await purgeThrottle(this.#store, now);
    }
    if (now.getTime() < this.#pausedUntil) return result;
    const rows = await claimBatch(this.#store, this.owner, this.#o.batch, this.#o.leaseMs, now);
    this.#leaseEnd = now.getTime() + this.#o.leaseMs;
    result.claimed = rows.length;
    if (!rows.length) return result;
    const units = groupUnits(rows);
    const batch = await loadBatch(this.#store, rows);
    const accepted: string[] = [];
    try {
      for (let i = 0; i < units.length; i++) {
        const unit = units[i];
        const ids = unit.map((r) => r.id);
        try {
          const outcome = await this.#sendUnit(unit, batch, accepted);
          if (outcome === 'cancelled') result.cancelled += ids.length;
          else result.sent += ids.length;
        } catch (err) {
          const email = unit[0].subscriber_id ? batch.subscribers.get(unit[0].subscriber_id)?.email : undefined;
          if (await this.#failed(unit, email, err, result)) {
            // The server is down: hand the rest back untouched and wait, rather than fail them one by one.
            const rest = units.slice(i + 1).flat().map((r) => r.id);
            const resume = new Date(this.#now().getTime() + this.#o.pauseMs);
            await release(this.#store, rest, this.owner, resume, null, { uncount: true });
            this.#pausedUntil = resume.getTime();
            this.#o.log?.(`mail: the SMTP server cannot be reached (${(err as Error)?.message}); pausing ${Math.round(this.#o.pauseMs / 1000)} s`);
            break;
          }
        }
      }
    } finally {
      // The batch ends with a commit that waits for the disk: every mark before it is durable too.
      await recordProgress(this.#store, this.owner, { sent: accepted.splice(0) }, { durable: true, now: this.#now() });
    }
    return result;
  }

  /** Records a failed send; true when the server cannot be reached at all. */
  async #failed(unit: OutboxRow[], email: string | undefined, err: unknown, result: TickResult): Promise<boolean> {
    const ids = unit.map((r) => r.id);
    const e = err instanceof SendError ? err : undefined;
    const message = (err as Error)?.message ?? String(err);
    const bounce = (kind: 'hard' | 'soft') =>
      email ? recordBounce(this.#store, { email, kind, source: 'smtp', status: e?.responseCode ? String(e.responseCode) : undefined, detail: message, messageId: unit[0].message_id }, this.#now()) : undefined;
    if (e?.permanent) {
      await finish(this.#store, ids, this.owner, 'failed', message);
      await bounce('hard');
      this.#o.log?.(`mail: ${unit[0].id} refused for good (${message}); no more mail to that address`);
      result.failed += ids.length;
      return false;
    }
    if (unit[0].attempts >= this.#o.maxAttempts) {
      await finish(this.#store, ids, this.owner, 'failed', `given up after ${unit[0].attempts} attempts: ${message}`);
      // A recipient's server that kept saying "later" counts as a soft bounce (a dead server or a bad login does not).
      if (e?.responseCode && e.responseCode >= 400 && e.responseCode < 500 && !e.unreachable) await bounce('soft');
      this.#o.log?.(`mail: ${unit[0].id} given up after ${unit[0].attempts} attempts (${message})`);
      result.failed += ids.length;
      return false;
    }
    const delay = Math.min(this.#o.retryBaseMs * 2 ** Math.max(0, unit[0].attempts - 1), MAX_RETRY_MS);
    await release(this.#store, ids, this.owner, new Date(this.#now().getTime() + delay), message);
    result.retried += ids.length;
    if (!e) this.#o.log?.(`mail: ${unit[0].id} failed (${(err as Error)?.stack ?? message}); retrying`);
    return Boolean(e?.unreachable);
  }

  async #sendUnit(unit: OutboxRow[], batch: Batch, accepted: string[]): Promise<'sent' | 'cancelled'> {
    const head = unit[0];
    const ids = unit.map((r) => r.id);
    const store = this.#store;
    let sub: BatchSubscriber | undefined;
    if (head.subscriber_id) {
      sub = batch.subscribers.get(head.subscriber_id);
      const wanted = head.kind === 'confirm' ? 'pending' : 'active';
      if (!sub || sub.status !== wanted) {
        await finish(store, ids, this.owner, 'cancelled', sub ? `subscriber is ${sub.status}` : 'subscriber deleted');
        return 'cancelled';
      }
    }
    const articles: Article[] = [];
    let issue: { subject: string; lead: string } | undefined;
    let review: MailJob['review'];
    if (head.kind === 'review') {
      const why = await staleReview(store, head);
      if (why) {
        await finish(store, ids, this.owner, 'cancelled', why);
        return 'cancelled';
      }
      review = { ...(JSON.parse(head.detail ?? '{}') as ReviewDetail), articleId: head.article_id! };
    } else if (head.kind === 'newsletter') {
      const row = await mdb(store).selectFrom('mail_issues').selectAll().where('id', '=', head.issue_id!).executeTakeFirst();
      if (!row) {
        await finish(store, ids, this.owner, 'cancelled', 'issue deleted');
        return 'cancelled';
      }
      issue = { subject: row.subject, lead: row.lead };
      articles.push(...(await batch.articles(JSON.parse(row.article_ids) as string[])));
    } else if (head.kind === 'alert' || head.kind === 'digest') {
      articles.push(...(await batch.articles(unit.map((r) => r.article_id!))));
      if (!articles.length) {
        await finish(store, ids, this.owner, 'cancelled', 'article no longer published');
        return 'cancelled';
      }
    }
    const email = sub?.email ?? head.to_address!;
    const to = sub
      ? {
          email,
          manageToken: await tokenFor(store, sub, 'manage'),
          unsubscribeToken: await tokenFor(store, sub, 'unsubscribe'),
          confirmToken: head.kind === 'confirm' ? await tokenFor(store, sub, 'confirm', this.#now()) : undefined,
        }
      : { email, manageToken: '', unsubscribeToken: '' };
    // A review notice without a language goes to an account that never chose one: the institute's default.
    const lang = head.kind === 'alert' || head.kind === 'digest' ? (articles[0]?.lang ?? head.lang) : head.lang || this.#o.settings.defaultLang || 'ar';
    const messageId = unit.length > 1 ? `digest.${head.subscriber_id}.${head.due_at.slice(0, 10)}` : head.message_id;
    const digest = head.kind === 'digest' ? { timeZone: this.#o.digest.timeZone, at: new Date(head.due_at) } : undefined;
    const mail = composeMail(this.#o.settings, { kind: head.kind, lang, messageId, to, articles, issue, digest, review }, this.#now());
    await this.#pace();
    // Nobody else can take a row before its lease ends, so while half of it is left there is nothing to
    // check; past that (a slow server), renew, and send only what this worker still holds.
    const at = this.#now();
    if (at.getTime() > this.#leaseEnd - this.#o.leaseMs / 2) {
      if ((await renewLease(store, ids, this.owner, this.#o.leaseMs, at)) < ids.length) return 'cancelled';
      this.#leaseEnd = Math.min(this.#leaseEnd, at.getTime() + this.#o.leaseMs);
    }
    // One commit: the message before is sent, this one is handed to the server (in doubt until the next).
    const held = await recordProgress(store, this.owner, { sent: accepted.splice(0), handed: ids }, { durable: false, now: at });
    if (held < ids.length) {
      this.#o.log?.(`mail: ${head.id} passed to another worker before it was sent (lease too short?)`);
      return 'cancelled';
    }
    await this.#o.mailer.send(mail);
    accepted.push(...ids);
    return 'sent';
  }

  async #pace(): Promise<void> {
    const gap = 1000 / this.#o.ratePerSecond;
    const wait = this.#nextSendAt - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    this.#nextSendAt = Math.max(Date.now(), this.#nextSendAt) + gap;
  }

  /** Runs until `stop()`: a batch after a batch while there is work, a look every `pollMs` when idle. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = (async () => {
      while (this.#running) {
        let busy = false;
        try {
          busy = (await this.tick()).claimed > 0;
        } catch (err) {
          this.#o.log?.(`mail worker: ${(err as Error)?.stack ?? err}`);
        }
        if (!busy && this.#running) await new Promise<void>((r) => ((this.#wake = r), setTimeout(r, this.#o.pollMs)));
      }
    })();
  }

  /** Finishes the message in hand, then stops and closes the mailer. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop;
    this.#o.mailer.close();
  }
}

/**
 * Why a review notice is no longer owed (undefined: it is): the piece left review (published, sent
 * back, the change approved or discarded), or the reviewer's account was disabled or lost the right
 * to publish. Read when it is sent, as an alert reads its article.
 */
async function staleReview(store: Store, row: OutboxRow): Promise<string | undefined> {
  const detail = JSON.parse(row.detail ?? '{}') as Partial<ReviewDetail>;
  const id = row.article_id ?? '';
  if (detail.change) {
    const p = (await sql<{ status: string }>`select status from pending_changes where article_id = ${id}`.execute(store.db)).rows[0];
    if (p?.status !== 'review') return 'the change is no longer awaiting review';
  } else {
    const a = await store.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst();
    if (a?.status !== 'review') return 'the article is no longer awaiting review';
  }
  const user = await edb(store).selectFrom('users').select(['role', 'disabled']).where('email', '=', row.to_address ?? '').executeTakeFirst();
  if (!user || user.disabled || !can(user.role, 'article.publish')) return 'the reviewer can no longer publish';
  return undefined;
}

function groupUnits(rows: OutboxRow[]): OutboxRow[][] {
  const units: OutboxRow[][] = [];
  const digests = new Map<string, OutboxRow[]>();
  for (const r of rows) {
    if (r.kind !== 'digest') units.push([r]);
    else {
      let u = digests.get(r.subscriber_id!);
      if (!u) digests.set(r.subscriber_id!, (u = []));
      if (!u.length) units.push(u);
      u.push(r);
    }
  }
  // A digest lists its pieces in the order they were published.
  for (const u of units) if (u.length > 1) u.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
  return units;
}

interface BatchSubscriber {
  id: string;
  email: string;
  status: string;
  tokenVersion: number;
}

interface Batch {
  subscribers: Map<string, BatchSubscriber>;
  /** The published ones of `ids`, in that order; each article is read once a batch. */
  articles(ids: string[]): Promise<Article[]>;
}

/** What a batch's messages need, read once: its subscribers in one query, each article once. */
async function loadBatch(store: Store, rows: OutboxRow[]): Promise<Batch> {
  const subscribers = new Map<string, BatchSubscriber>();
  const subIds = [...new Set(rows.map((r) => r.subscriber_id).filter((x): x is string => Boolean(x)))];
  for (let i = 0; i < subIds.length; i += 500) {
    const got = await mdb(store).selectFrom('mail_subscribers').select(['id', 'email', 'status', 'token_version']).where('id', 'in', subIds.slice(i, i + 500)).execute();
    for (const r of got) subscribers.set(r.id, { id: r.id, email: r.email, status: r.status, tokenVersion: Number(r.token_version) });
  }
  const cache = new Map<string, Promise<Article | undefined>>();
  const one = (id: string) => {
    let got = cache.get(id);
    if (!got) {
      got = (async () => {
        const row = await store.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst();
        return row?.status === 'published' ? await store.getArticle(id) : undefined;
      })();
      cache.set(id, got);
    }
    return got;
  };
  return {
    subscribers,
    async articles(ids) {
      const out: Article[] = [];
      for (const id of ids) {
        const a = await one(id);
        if (a) out.push(a);
      }
      return out;
    },
  };
}

/**
 * @module Checks every cited source over HTTP and records what it found: HEAD first (cheap), GET when
 * HEAD fails (many servers answer HEAD badly), redirects followed by hand so the final address is
 * known, a timeout on each request, a bounded number of hosts at a time and never two requests to
 * one host at once (the checker must not look like an attack on a small institute's server).
 */
import type { Kysely } from 'kysely';
import type { Store } from '../store/index.ts';

export type SourceStatus = 'ok' | 'redirected' | 'broken';

export interface SourceCheck {
  url: string;
  host: string;
  status: SourceStatus;
  httpStatus: number | null;
  /** Where a redirect led. */
  finalUrl: string | null;
  error: string | null;
  /** The address was cut off in the page it came from. */
  truncated: boolean;
  checkedAt: string;
}

export interface CheckOptions {
  /** Per request, in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Hosts checked at the same time (default 8). */
  concurrency?: number;
  maxRedirects?: number;
  onProgress?: (done: number, total: number, check: SourceCheck) => void;
}

interface Answer {
  status: number;
  location: string | null;
}

async function request(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Answer> {
  const res = await fetch(url, { method, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'Mizan source checker', accept: '*/*' } });
  // The body is not needed; dropping it frees the connection.
  await res.body?.cancel().catch(() => {});
  return { status: res.status, location: res.headers.get('location') };
}

/** Follows redirects by hand with one method; resolves to the last answer and the address it came from. */
async function follow(url: string, method: 'HEAD' | 'GET', opts: Required<Pick<CheckOptions, 'timeoutMs' | 'maxRedirects'>>): Promise<{ answer: Answer; at: string }> {
  let at = url;
  for (let hop = 0; ; hop++) {
    const answer = await request(at, method, opts.timeoutMs);
    if (answer.status < 300 || answer.status >= 400 || !answer.location || hop >= opts.maxRedirects) return { answer, at };
    at = new URL(answer.location, at).href;
  }
}

function describe(err: unknown): string {
  const e = err as Error & { cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  return e?.cause?.code ?? e?.message ?? String(err);
}

/**
 * Checks one address: HEAD, then GET when HEAD did not succeed.
 *
 * @example
 * await checkUrl('https://example.org/gone') // → { status: 'broken', httpStatus: 404, … }
 */
export async function checkUrl(url: string, opts: CheckOptions = {}): Promise<Omit<SourceCheck, 'truncated' | 'host'>> {
  const o = { timeoutMs: opts.timeoutMs ?? 10_000, maxRedirects: opts.maxRedirects ?? 5 };
  const checkedAt = new Date().toISOString();
  let result: { answer: Answer; at: string } | undefined;
  let error: string | null = null;
  try {
    result = await follow(url, 'HEAD', o);
  } catch (err) {
    error = describe(err);
  }
  if (!result || result.answer.status >= 400) {
    try {
      result = await follow(url, 'GET', o);
      error = null;
    } catch (err) {
      error = describe(err);
      result = undefined;
    }
  }
  if (!result) return { url, status: 'broken', httpStatus: null, finalUrl: null, error, checkedAt };
  const { answer, at } = result;
  const moved = at !== url;
  const status: SourceStatus = answer.status >= 400 || (answer.status >= 300 && answer.status < 400) ? 'broken' : moved ? 'redirected' : 'ok';
  return { url, status, httpStatus: answer.status, finalUrl: moved ? at : null, error: answer.status >= 300 && answer.status < 400 ? 'too many redirects' : null, checkedAt };
}

async function record(db: Kysely<any>, c: SourceCheck): Promise<void> {
  const row = { url: c.url, host: c.host, status: c.status, http_status: c.httpStatus, final_url: c.finalUrl, error: c.error, checked_at: c.checkedAt };
  await db
    .insertInto('source_check')
    .values(row)
    .onConflict((oc) => oc.column('url').doUpdateSet({ host: c.host, status: c.status, http_status: c.httpStatus, final_url: c.finalUrl, error: c.error, checked_at: c.checkedAt }))
    .execute();
}

/**
 * Checks every source of every stored article and records the results; resolves to them, in the
 * order of first citation.
 *
 * @example
 * const checks = await checkSources(store, { timeoutMs: 5000 });
 * checks.filter((c) => c.status === 'broken')
 */
export async function checkSources(store: Store, opts: CheckOptions = {}): Promise<SourceCheck[]> {
  const sources = new Map<string, { host: string; truncated: boolean }>();
  for await (const article of store.allArticles()) {
    for (const s of article.sources) if (!sources.has(s.url)) sources.set(s.url, { host: s.host, truncated: s.truncated });
  }
  const byHost = new Map<string, string[]>();
  for (const [url, s] of sources) byHost.set(s.host, [...(byHost.get(s.host) ?? []), url]);
  const queues = [...byHost.values()];
  const results = new Map<string, SourceCheck>();
  let done = 0;
  // Each worker takes one host's whole queue: hosts run in parallel, one host's addresses one after another.
  const worker = async () => {
    for (let q = queues.shift(); q; q = queues.shift()) {
      for (const url of q) {
        const s = sources.get(url)!;
        const check: SourceCheck = { ...(await checkUrl(url, opts)), host: s.host, truncated: s.truncated };
        await record(store.db as unknown as Kysely<any>, check);
        results.set(url, check);
        opts.onProgress?.(++done, sources.size, check);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 8, queues.length)) }, worker));
  return [...sources.keys()].map((u) => results.get(u)!);
}

/** The last recorded result of every checked source, by address: `(await recordedChecks(store))[0].status` → `'ok'`. */
export async function recordedChecks(store: Store): Promise<Omit<SourceCheck, 'truncated'>[]> {
  const rows = await (store.db as unknown as Kysely<any>).selectFrom('source_check').selectAll().orderBy('url').execute();
  return rows.map((r) => ({ url: r.url, host: r.host, status: r.status, httpStatus: r.http_status, finalUrl: r.final_url, error: r.error, checkedAt: r.checked_at }));
}

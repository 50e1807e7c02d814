/**
 * @module Webhooks other systems call: `POST /hooks/mail/bounce`, where a mail provider reports an
 * address that bounced (`{ "address": "…", "kind": "permanent" | "transient" }`), authenticated by the
 * shared secret in `MIZAN_BOUNCE_SECRET` (`Authorization: Bearer <secret>`). It does what
 * `mizan mail bounce` does with a bounce report. Without the secret set, the address does not exist.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AddressError, reportBounce } from '../../app/index.ts';
import { addApiRoute } from '../openapi.ts';
import type { WebDeps } from '../web-deps.ts';

/** A report is one or a few addresses: a few hundred bytes each. */
export const MAX_HOOK_BODY = 16 * 1024;
/** Reports in one request at most. */
const MAX_REPORTS = 100;

const Report = z.object({
  address: z.string().max(400),
  kind: z.enum(['permanent', 'transient']),
  status: z.string().max(20).optional(),
  detail: z.string().max(500).optional(),
});
const Reports = z.array(Report).min(1).max(MAX_REPORTS);

function fail(c: Context, status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return c.json({ error: { code, message } }, status as 400, { 'cache-control': 'no-store', ...headers });
}

/** Whether `given` is the secret, compared in constant time (digests of equal length). */
function secretMatches(given: string, secret: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

export function registerHooks(app: Hono, deps: WebDeps): void {
  const limit = bodyLimit({ maxSize: MAX_HOOK_BODY, onError: (c) => fail(c, 413, 'too-large', `a bounce report is at most ${MAX_HOOK_BODY / 1024} KB`, { connection: 'close' }) });
  app.post('/hooks/mail/bounce', async (c, next) => {
    const secret = deps.bounceSecret ?? process.env.MIZAN_BOUNCE_SECRET;
    if (!secret) return fail(c, 404, 'not-found', 'bounce notifications are off: set MIZAN_BOUNCE_SECRET to receive them');
    const auth = c.req.header('authorization') ?? '';
    const given = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
    if (!given) return fail(c, 401, 'unauthorized', 'send the shared secret as Authorization: Bearer <MIZAN_BOUNCE_SECRET>', { 'www-authenticate': 'Bearer realm="mizan-hooks"' });
    if (!secretMatches(given, secret)) return fail(c, 403, 'forbidden', 'wrong secret');
    return limit(c, next);
  }, async (c) => {
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) return fail(c, 415, 'bad-type', 'send JSON (Content-Type: application/json)');
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return fail(c, 400, 'bad-json', 'the body is not valid JSON');
    }
    // One report or a list: each checked by its own schema, so the error names the field that is wrong.
    const parsed = Array.isArray(raw) ? Reports.safeParse(raw) : Report.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(c, 400, 'bad-report', `${issue.path.join('.') || 'body'}: ${issue.message} (expected { "address": "…", "kind": "permanent" | "transient" }, or a list of them)`);
    }
    const reports = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
    const results = [];
    for (const [i, r] of reports.entries()) {
      try {
        const out = await reportBounce(deps.store, r, deps.now?.());
        results.push({ address: out.email, kind: out.kind, stopped: out.stopped });
      } catch (err) {
        if (!(err instanceof AddressError)) throw err;
        results.push({ address: r.address.slice(0, 80), error: `${Array.isArray(parsed.data) ? `[${i}] ` : ''}${err.message}` });
      }
    }
    const failed = results.filter((r) => 'error' in r).length;
    return c.json({ results }, failed === results.length ? 400 : 200, { 'cache-control': 'no-store' });
  });
}

addApiRoute({
  path: '/hooks/mail/bounce',
  method: 'post',
  summary: 'Report bounced addresses (a mail provider’s webhook); Authorization: Bearer <MIZAN_BOUNCE_SECRET>',
  tags: ['mail'],
  description:
    'Body (application/json, at most 16 KB): { "address": "reader@example.org", "kind": "permanent" | "transient", "status"?: "5.1.1", "detail"?: "…" }, or a list of at most 100 such. A permanent bounce stops mail to the address; the third transient one in 30 days does too (as `mizan mail bounce`).',
  parameters: [{ name: 'Authorization', in: 'header', required: true, description: 'Bearer <MIZAN_BOUNCE_SECRET>', schema: { type: 'string' } }],
  responses: {
    200: {
      description: 'What each report did',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['results'],
            properties: {
              results: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['address'],
                  properties: {
                    address: { type: 'string' },
                    kind: { type: 'string', enum: ['hard', 'soft'] },
                    stopped: { type: 'boolean' },
                    error: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
    },
    400: { description: 'Not JSON, not a report, or no report with a valid address' },
    401: { description: 'No secret given' },
    403: { description: 'Wrong secret' },
    404: { description: 'MIZAN_BOUNCE_SECRET is not set' },
    413: { description: 'Body over 16 KB' },
  },
});

/**
 * @module The subscriber list as CSV (RFC 4180: quoted fields, CRLF), for the institute to keep or move.
 * A field that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading
 * apostrophe: addresses may legally start with `=` or `+`.
 */
import type { Store } from '../../store/index.ts';
import { mdb } from './tables.ts';

function field(v: string | null): string {
  let s = v ?? '';
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== (v ?? '') ? `"${s.replace(/"/g, '""')}"` : s;
}

/** @example await subscribersCsv(store) // → 'email,status,…\r\nreader@example.org,active,…\r\n' */
export async function subscribersCsv(store: Store): Promise<string> {
  const db = mdb(store);
  const subs = await db.selectFrom('mail_subscribers').selectAll().orderBy('created_at').execute();
  const follows = await db.selectFrom('mail_follows').selectAll().execute();
  const by = new Map<string, string[]>();
  for (const f of follows) {
    const list = by.get(f.subscriber_id) ?? [];
    list.push(f.kind === 'all' ? 'all' : `${f.kind}:${f.ref}`);
    by.set(f.subscriber_id, list);
  }
  const lines = ['email,status,interface_language,languages,frequency,follows,created_at,confirmed_at'];
  for (const s of subs) {
    lines.push(
      [s.email, s.status, s.ui_lang, s.langs.split(',').filter(Boolean).join(' '), s.frequency, (by.get(s.id) ?? []).sort().join('; '), s.created_at, s.confirmed_at].map(field).join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * @module Experts as the editor picks them: a search over every expert's names in every language (typed
 * in Arabic or Latin letters, folded the way search folds), and creating an expert as its own explicit
 * act. Articles written in the admin only ever name experts that exist: an unknown name is refused
 * (see `articleFromForm`), so a typo can no longer create a public expert page.
 */
import { createHash } from 'node:crypto';
import { FieldError, MizanError } from '../../lib/index.ts';
import { expertPath, isLang } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { normalize, slugify } from '../../text/index.ts';
import { recordAudit } from '../accounts/audit.ts';
import { requireCan, type Editor } from './editor.ts';
import { sanitizeLine, sanitizeText } from './sanitize.ts';

export interface ExpertMatch {
  id: string;
  /** The name in the language asked for, or null when the expert has none in it yet. */
  name: string | null;
  /** Every name the expert has, by language. */
  names: Record<string, string>;
  title: string | null;
}

/**
 * Experts whose name in any language contains `query` (folded: hamza forms, ta marbuta, harakat, case),
 * names starting with it first. At most `limit`.
 *
 * @example await searchExperts(store, 'هين', 'ar') // → [{ id, name: 'سابينا هينبرج', names: { ar: …, en: 'Sabina Henneberg' }, … }]
 */
export async function searchExperts(store: Store, query: string, lang: string, limit = 10): Promise<ExpertMatch[]> {
  const q = normalize(query).trim();
  if (!q) return [];
  const rows = await store.db.selectFrom('expert_names').select(['expert_id', 'lang', 'name', 'title']).execute();
  const byId = new Map<string, ExpertMatch & { rank: number }>();
  for (const r of rows) {
    const m = byId.get(r.expert_id) ?? { id: r.expert_id, name: null, names: {}, title: null, rank: Infinity };
    m.names[r.lang] = r.name;
    if (r.lang === lang) {
      m.name = r.name;
      m.title = r.title;
    }
    const folded = normalize(r.name);
    const at = folded.indexOf(q);
    if (at >= 0) m.rank = Math.min(m.rank, at === 0 || folded[at - 1] === ' ' ? 0 : 1);
    byId.set(r.expert_id, m);
  }
  return [...byId.values()]
    .filter((m) => m.rank < Infinity)
    .sort((a, b) => a.rank - b.rank || Number(b.name !== null) - Number(a.name !== null) || (a.name ?? '').localeCompare(b.name ?? '', lang))
    .slice(0, limit)
    .map(({ rank: _rank, ...m }) => m);
}

export interface NewExpert {
  /** Name per language; at least one. */
  names: Record<string, string>;
  title?: Record<string, string>;
  bio?: Record<string, string>;
}

function idFor(lang: string, slug: string): string {
  // The same formula the store uses for experts it meets in articles, so both kinds of id look alike.
  return createHash('sha256').update(['expert', lang, slug].join('\u0000')).digest('hex').slice(0, 16);
}

/**
 * Creates an expert with a name in one or more languages (one identity), each with its page address.
 * A name already used by an expert in that language is refused.
 *
 * @example await createExpert(store, editor, { names: { ar: 'سابينا هينبرج', en: 'Sabina Henneberg' } }) // → { id, paths: [...] }
 */
export async function createExpert(store: Store, editor: Editor, input: NewExpert): Promise<{ id: string; paths: string[] }> {
  requireCan(editor, 'taxonomy.edit');
  const names = Object.entries(input.names)
    .filter(([lang]) => isLang(lang))
    .map(([lang, name]) => [lang, sanitizeLine(name)] as const)
    .filter(([, name]) => name);
  if (!names.length) throw new FieldError('invalid-expert', 'an expert needs a name', { field: 'names', rule: 'required' });
  for (const [, name] of names) if (name.length > 200) throw new FieldError('invalid-expert', 'an expert’s name is at most 200 characters', { field: 'names', rule: 'too-long', limit: 200 });
  return store.transaction(async (tx) => {
    const db = tx.db;
    let id: string | undefined;
    const paths: string[] = [];
    for (const [lang, name] of names) {
      const same = await db.selectFrom('expert_names').select('expert_id').where('lang', '=', lang).where('name', '=', name).executeTakeFirst();
      if (same) throw new MizanError('expert-exists', `an expert named ${name} already exists`, { status: 409 });
      const base = slugify(name) || `expert-${Date.now().toString(36)}`;
      let slug = base;
      for (let n = 1; await db.selectFrom('paths').select('path').where('path', '=', expertPath(lang, slug)).executeTakeFirst(); n++) slug = `${base}-${n}`;
      id ??= idFor(lang, slug);
      if (paths.length === 0) await db.insertInto('experts').values({ id }).execute();
      const title = input.title?.[lang] ? sanitizeLine(input.title[lang]) : null;
      const bio = input.bio?.[lang] ? sanitizeText(input.bio[lang]).trim() : '';
      await db.insertInto('expert_names').values({ expert_id: id, lang, slug, name, title, bio }).execute();
      const path = expertPath(lang, slug);
      await db.insertInto('paths').values({ path, kind: 'expert', ref_id: id, lang, redirect_to: null }).execute();
      paths.push(path);
    }
    await recordAudit(tx, editor, 'expert.create', id!, { names: Object.fromEntries(names) });
    return { id: id!, paths };
  });
}

/**
 * @module `/experts`, `/topics`, `/regions`, `/countries` and their `/ar/` forms: the site's index pages,
 * paged, public and cacheable like every reading page.
 */
import type { Context, Hono } from 'hono';
import { countryDirectory, expertDirectory, expertPhotos, termDirectory, topicBySlug } from '../../app/index.ts';
import { NotFoundError } from '../../lib/index.ts';
import { pageParam } from '../http/params.ts';
import { sendPage, sitePrefixes } from '../send.ts';
import { absoluteUrl, type WebDeps } from '../web-deps.ts';
import { ExpertsIndex, TermsIndex } from './views/index-pages.tsx';

/** Entries a page of an index shows. */
export const INDEX_PAGE_SIZE = 60;

function paged<T>(c: Context, all: T[]): { page: number; pages: number; items: T[] } {
  const page = pageParam(c.req.query('page'));
  const pages = Math.max(1, Math.ceil(all.length / INDEX_PAGE_SIZE));
  if (page > pages) throw new NotFoundError(`${c.req.path} has ${pages} page(s), not ${page}`);
  return { page, pages, items: all.slice((page - 1) * INDEX_PAGE_SIZE, page * INDEX_PAGE_SIZE) };
}

/** The index pages, in every language; experts with a photo show it. */
export function registerIndexPages(app: Hono, deps: WebDeps): void {
  const prefixes = sitePrefixes();
  const alternatesOf = (c: Context, name: string) => prefixes.map((p) => ({ lang: p.lang, href: absoluteUrl(deps, c.req.url, `${p.prefix}/${name}`) }));
  for (const { lang, prefix } of prefixes) {
    const base = `${prefix}/experts`;
    app.get(base, async (c) => {
      const slug = c.req.query('topic') || undefined;
      const topic = slug ? await topicBySlug(deps.store, lang, slug) : undefined;
      if (slug && !topic) throw new NotFoundError(`no topic "${slug.slice(0, 80)}" in ${lang}`);
      const [experts, topics, photos] = await Promise.all([expertDirectory(deps.store, lang, { topicId: topic?.id }), termDirectory(deps.store, 'topic', lang), expertPhotos(deps.store)]);
      const { page, pages, items } = paged(c, experts);
      return sendPage(
        c,
        <ExpertsIndex
          lang={lang}
          base={base}
          canonical={absoluteUrl(deps, c.req.url, base + (page > 1 ? `?page=${page}` : ''))}
          alternates={alternatesOf(c, 'experts')}
          page={page}
          pages={pages}
          experts={items}
          total={experts.length}
          topics={topics}
          topic={topic && slug ? { slug, name: topic.name } : undefined}
          photoOf={(id) => photos.get(id)}
        />,
      );
    });
    for (const kind of ['topics', 'regions', 'countries'] as const) {
      const path = `${prefix}/${kind}`;
      app.get(path, async (c) => {
        const all = kind === 'countries' ? await countryDirectory(deps.store, lang) : await termDirectory(deps.store, kind === 'topics' ? 'topic' : 'region', lang);
        const { page, pages, items } = paged(c, all);
        return sendPage(
          c,
          <TermsIndex
            lang={lang}
            kind={kind}
            base={path}
            canonical={absoluteUrl(deps, c.req.url, path + (page > 1 ? `?page=${page}` : ''))}
            alternates={alternatesOf(c, kind)}
            page={page}
            pages={pages}
            entries={items}
            total={all.length}
          />,
        );
      });
    }
  }
}

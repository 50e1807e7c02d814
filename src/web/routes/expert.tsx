/** @module `/experts/:slug` in every language: an expert's page with their articles. Former paths answer 301. */
import type { Hono } from 'hono';
import { expertPhotos } from '../../app/index.ts';
import { NotFoundError } from '../../lib/index.ts';
import { variantSrc } from '../media/index.ts';
import { pageParam } from '../http/params.ts';
import { sendPage, sitePrefixes } from '../send.ts';
import { dependsOn } from '../http/pipeline.ts';
import { expertJsonLd } from '../structured-data.ts';
import { ExpertPage } from '../views/expert-page.tsx';
import { readsOf } from '../read-cache.ts';
import { absoluteUrl, type WebDeps } from '../web-deps.ts';
import { feedLinks } from './feed-links.ts';
import { redirectIfMoved } from './policy-analysis.tsx';

export const EXPERT_PAGE_SIZE = 12;

export function registerExpert(app: Hono, deps: WebDeps): void {
  for (const { prefix } of sitePrefixes()) {
    app.get(`${prefix}/experts/:slug`, async (c) => {
      const path = c.req.path;
      const target = await readsOf(deps).resolvePath(path);
      if (!target || target.kind !== 'expert') throw new NotFoundError(`no expert at ${path}`);
      const moved = redirectIfMoved(c, target, path);
      if (moved) return moved;
      const expert = await readsOf(deps).getExpert(target.id, target.lang);
      if (!expert) throw new NotFoundError(`no expert at ${path}`);
      const page = pageParam(c.req.query('page'));
      const reads = readsOf(deps);
      const query = { expertId: expert.id, limit: EXPERT_PAGE_SIZE, offset: (page - 1) * EXPERT_PAGE_SIZE };
      // The page's own language first; an expert who wrote only in other languages still shows their work.
      const inLang = await reads.listArticles({ ...query, lang: expert.lang });
      const list = inLang.total > 0 ? inLang : await reads.listArticles(query);
      const pages = Math.max(1, Math.ceil(list.total / EXPERT_PAGE_SIZE));
      if (page > pages) throw new NotFoundError(`${path} has ${pages} page(s), not ${page}`);
      const abs = (p: string) => absoluteUrl(deps, c.req.url, p);
      const photo = (await expertPhotos(deps.store, [expert.id])).get(expert.id);
      dependsOn(c, [`expert:${expert.id}`, ...list.items.map((item) => `article:${item.id}`)]);
      return sendPage(
        c,
        <ExpertPage
          expert={expert}
          canonical={abs(page > 1 ? `${expert.path}?page=${page}` : expert.path)}
          alternates={expert.alternates.map((x) => ({ lang: x.lang, href: abs(x.path) }))}
          feeds={feedLinks(expert.lang, expert.path, expert.name)}
          jsonLd={expertJsonLd(expert, abs)}
          page={page}
          pages={pages}
          total={list.total}
          items={list.items}
          photo={photo}
          shareImage={photo ? abs(variantSrc(photo.src, photo.width, 960)) : undefined}
        />,
      );
    });
  }
}

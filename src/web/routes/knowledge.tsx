/**
 * @module The knowledge routes: a country's page (`/countries/:code`, `/ar/countries/:code`), a
 * relationship's page (`/relations/:a-:b`, codes in alphabetical order; the other order redirects), their
 * JSON (`/api/countries/:code`, `/api/relations/:pair`), an article's entities and its citation
 * (`/api/articles/:id/entities`, `/api/articles/:id/cite?format=csl|bibtex|ris`).
 */
import { feedLinks } from './feed-links.ts';
import type { Context, Hono } from 'hono';
import { MizanError, NotFoundError } from '../../lib/index.ts';
import { countryPath, relationPath } from '../../model/index.ts';
import {
  articleEntities,
  citeArticle,
  CITE_CONTENT_TYPES,
  countryKnowledge,
  defaultGazetteer,
  entityKey,
  inPageLanguage,
  readerEvents,
  relationKnowledge,
  type CiteFormat,
  type KnowledgeArticle,
  type Event,
} from '../../knowledge/index.ts';
import { formatSiteDate, t } from '../i18n/index.ts';
import { addApiRoute } from '../openapi.ts';
import { readsOf } from '../read-cache.ts';
import { sendJson, sendPage, sendText, sitePrefixes } from '../send.ts';
import { CountryPage, RelationPage } from '../views/knowledge-pages.tsx';
import { absoluteUrl, type WebDeps } from '../web-deps.ts';

const CODE = /^[a-z]{2}$/i;

// Response schemas (CONTRACTS.md: Event, Figure, the country and relation answers).
const ARTICLE_LINK = { type: 'object', required: ['id', 'title', 'path'], properties: { id: { type: 'string' }, title: { type: 'string' }, path: { type: 'string' } } };
const EVENT = {
  type: 'object',
  required: ['date', 'precision', 'actors', 'label', 'article', 'block', 'offsets', 'sources'],
  properties: {
    date: { type: 'string' },
    precision: { type: 'string', enum: ['day', 'month', 'year'] },
    actors: { type: 'array', items: { type: 'string' } },
    label: { type: 'string' },
    article: { type: 'string' },
    block: { type: 'integer' },
    offsets: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
    sources: { type: 'array', items: { type: 'string' } },
  },
};
const FIGURE = {
  type: 'object',
  required: ['value', 'unit', 'measure', 'period', 'actors', 'article', 'block', 'offsets', 'source'],
  properties: {
    value: { type: 'number' },
    unit: { type: 'string' },
    measure: { type: 'string' },
    period: { type: ['string', 'null'] },
    actors: { type: 'array', items: { type: 'string' } },
    article: { type: 'string' },
    block: { type: 'integer' },
    offsets: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
    source: { type: ['string', 'null'] },
  },
};

addApiRoute({
  path: '/api/countries/{code}',
  method: 'get',
  summary: "A country: the articles tagged with it, the events it acts in, the figures about it",
  tags: ['knowledge'],
  parameters: [{ name: 'code', in: 'path', required: true, description: 'ISO 3166 alpha-2, lower case', schema: { type: 'string', pattern: '^[a-z]{2}$' } }],
  responses: {
    200: {
      description: '{ code, names, articles, events, figures }',
      schema: {
        type: 'object',
        required: ['code', 'names', 'articles', 'events', 'figures'],
        properties: { code: { type: 'string' }, names: { type: 'object', additionalProperties: { type: 'string' } }, articles: { type: 'array', items: ARTICLE_LINK }, events: { type: 'array', items: EVENT }, figures: { type: 'array', items: FIGURE } },
      },
    },
    404: { description: 'No such country' },
  },
});
addApiRoute({
  path: '/api/relations/{pair}',
  method: 'get',
  summary: 'Two countries: the articles tagged with both and the events involving both',
  tags: ['knowledge'],
  parameters: [{ name: 'pair', in: 'path', required: true, description: 'two codes joined by -, in alphabetical order (dz-ru)', schema: { type: 'string', pattern: '^[a-z]{2}-[a-z]{2}$' } }],
  responses: {
    200: {
      description: '{ countries, articles, events }',
      schema: { type: 'object', required: ['countries', 'articles', 'events'], properties: { countries: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 }, articles: { type: 'array', items: ARTICLE_LINK }, events: { type: 'array', items: EVENT } } },
    },
    301: { description: 'The codes in alphabetical order' }, 404: { description: 'No such country' } },
});
addApiRoute({
  path: '/api/articles/{id}/entities',
  method: 'get',
  summary: "The countries, people, organizations and regions an article speaks of, with salience",
  tags: ['knowledge'],
  parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
  responses: {
    200: {
      description: '[ { kind, id, name, salience } ]',
      schema: {
        type: 'array',
        items: { type: 'object', required: ['kind', 'id', 'name', 'salience'], properties: { kind: { type: 'string', enum: ['country', 'person', 'organization', 'region'] }, id: { type: 'string' }, name: { type: 'string' }, salience: { type: 'number', minimum: 0, maximum: 1 } } },
      },
    },
    404: { description: 'No such article' } },
});
addApiRoute({
  path: '/api/articles/{id}/cite',
  method: 'get',
  summary: 'The citation of an article',
  tags: ['knowledge'],
  parameters: [
    { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'format', in: 'query', description: 'csl (CSL-JSON, the default), bibtex or ris', schema: { type: 'string', enum: ['csl', 'bibtex', 'ris'] } },
  ],
  responses: {
    200: { description: 'The citation: CSL-JSON (format=csl, shown), or BibTeX or RIS text', schema: { type: 'array', items: { type: 'object', required: ['id', 'type', 'title'] } } },
    400: { description: 'An unknown format' }, 404: { description: 'No such article' } },
});

function countryName(code: string, lang: string): string {
  const e = defaultGazetteer().entities.get(entityKey('country', code));
  return e?.label[lang] ?? e?.label.en ?? code;
}

/** The two codes of a pair, or a 404; `redirect` is set when they are not in alphabetical order. */
function parsePair(pair: string): { a: string; b: string; ordered: boolean } {
  const m = /^([a-z]{2})-([a-z]{2})$/i.exec(pair);
  if (!m || m[1].toLowerCase() === m[2].toLowerCase()) throw new NotFoundError(`'${pair.slice(0, 20)}' is not two country codes joined by -`);
  const [a, b] = [m[1].toLowerCase(), m[2].toLowerCase()];
  // Checked before any redirect to the codes' order: `zz-aa` is not found, not sent to `aa-zz` first.
  const gazetteer = defaultGazetteer();
  for (const code of [a, b]) if (!gazetteer.entities.has(entityKey('country', code.toUpperCase()))) throw new NotFoundError(`no country with code ${code}`);
  return { a, b, ordered: a < b && pair === `${a}-${b}` };
}

function formatters(lang: string) {
  const nf = new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang);
  return { formatDate: (d: string) => formatSiteDate(d, lang), formatNumber: (n: number) => nf.format(n) };
}

/** The other states in `events`, with how many events each shares with `code`, most first. */
function relationsOf(code: string, events: Event[], lang: string) {
  const counts = new Map<string, number>();
  for (const e of events) for (const a of e.actors) if (a !== code) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([other, n]) => ({ code: other, name: countryName(other, lang), path: relationPath(lang, code, other), events: n }));
}

/** The articles a page in `lang` lists: one per translation group, in `lang` where the group has it. */
async function articlesInPageLanguage(deps: WebDeps, articles: KnowledgeArticle[], lang: string): Promise<KnowledgeArticle[]> {
  const langs = new Map(articles.map((x) => [x.id, x.lang]));
  const kept = new Set((await inPageLanguage(deps.store, articles.map((a) => ({ article: a.id })), langs, lang)).map((x) => x.article));
  return articles.filter((a) => kept.has(a.id));
}

/** The entity kinds `/api/articles/:id/entities` answers with (CONTRACTS.md). */
export const CONTRACT_KINDS = ['country', 'person', 'organization', 'region'] as const;

export function registerKnowledge(app: Hono, deps: WebDeps): void {
  const abs = (c: Context, p: string) => absoluteUrl(deps, c.req.url, p);

  for (const { lang, prefix } of sitePrefixes()) {
    app.get(`${prefix}/countries/:code`, async (c) => {
      const code = c.req.param('code');
      if (!CODE.test(code)) throw new NotFoundError(`no country at ${c.req.path}`);
      if (code !== code.toLowerCase()) return c.redirect(countryPath(lang, code), 301);
      const country = await countryKnowledge(deps.store, code);
      const langs = new Map(country.articles.map((x) => [x.id, x.lang]));
      const events = await readerEvents(deps.store, country.events, langs, lang);
      return sendPage(
        c,
        <CountryPage
          lang={lang}
          country={{ ...country, articles: await articlesInPageLanguage(deps, country.articles, lang) }}
          events={events}
          figures={await inPageLanguage(deps.store, country.figures, langs, lang)}
          relations={relationsOf(country.code, events, lang)}
          canonical={abs(c, countryPath(lang, code))}
          alternates={sitePrefixes().map((p) => ({ lang: p.lang, href: abs(c, countryPath(p.lang, code)) }))}
          articleLang={(id) => (langs.get(id) !== lang ? langs.get(id) : undefined)}
          feeds={feedLinks(lang, countryPath(lang, code), lang === 'ar' ? country.names.ar : country.names.en)}
          {...formatters(lang)}
        />,
      );
    });

    app.get(`${prefix}/relations/:pair`, async (c) => {
      const { a, b, ordered } = parsePair(c.req.param('pair'));
      if (!ordered) return c.redirect(relationPath(lang, a, b), 301);
      const relation = await relationKnowledge(deps.store, a, b);
      const langs = new Map(relation.articles.map((x) => [x.id, x.lang]));
      return sendPage(
        c,
        <RelationPage
          lang={lang}
          relation={{ ...relation, articles: await articlesInPageLanguage(deps, relation.articles, lang) }}
          events={await readerEvents(deps.store, relation.events, langs, lang)}
          canonical={abs(c, relationPath(lang, a, b))}
          alternates={sitePrefixes().map((p) => ({ lang: p.lang, href: abs(c, relationPath(p.lang, a, b)) }))}
          articleLang={(id) => (langs.get(id) !== lang ? langs.get(id) : undefined)}
          {...formatters(lang)}
        />,
      );
    });
  }

  app.get('/api/countries/:code', async (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) throw new NotFoundError(`no country with code '${code.slice(0, 20)}'`);
    return sendJson(c, await countryKnowledge(deps.store, code));
  });

  app.get('/api/relations/:pair', async (c) => {
    const { a, b, ordered } = parsePair(c.req.param('pair'));
    if (!ordered) return c.redirect(`/api/relations/${a < b ? `${a}-${b}` : `${b}-${a}`}`, 301);
    const r = await relationKnowledge(deps.store, a, b);
    return sendJson(c, { countries: r.countries, names: r.names, articles: r.articles, events: r.events });
  });

  app.get('/api/articles/:id/entities', async (c) => {
    const entities = await articleEntities(deps.store, c.req.param('id'));
    // The contract's kinds only; the knowledge layer's others (laws, …) stay for editors.
    return sendJson(c, entities.filter((e) => (CONTRACT_KINDS as readonly string[]).includes(e.kind)).map(({ kind, id, name, salience }) => ({ kind, id, name, salience })));
  });

  app.get('/api/articles/:id/cite', async (c) => {
    const id = c.req.param('id');
    const article = await readsOf(deps).getArticle(id);
    if (!article) throw new NotFoundError(`no article with id '${id.slice(0, 80)}'`);
    const format = c.req.query('format') || 'csl';
    const body = citeArticle(article, format, { url: abs(c, article.path), publisher: t(article.lang, 'site.name') });
    if (!(format in CITE_CONTENT_TYPES)) throw new MizanError('bad-format', `unknown format ${format}`, { status: 400 });
    return sendText(c, body, CITE_CONTENT_TYPES[format as CiteFormat]);
  });
}

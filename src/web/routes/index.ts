/**
 * @module Every route module of the site, mounted in order. A module exports
 * `register<Name>(app, deps)`; adding one is one import and one entry in `ROUTES`.
 */
import type { Hono } from 'hono';
import type { WebDeps } from '../web-deps.ts';
import { registerAdmin } from './admin.tsx';
import { registerApi } from './api.ts';
import { registerAssets } from './assets.ts';
import { registerExpert } from './expert.tsx';
import { registerSeries } from '../series/index.ts';
import { registerFeeds } from './feeds.ts';
import { registerHome } from './home.tsx';
import { registerKnowledge } from './knowledge.tsx';
import { registerPolicyAnalysis } from './policy-analysis.tsx';
import { registerSitemap } from './sitemap.ts';
import { registerSearch } from './search.tsx';
import { registerSubscribe } from '../subscribe/index.ts';
import { registerOps } from '../ops/routes.ts';
import { registerPages, registerSite } from '../site/index.ts';
import { registerMedia } from '../media/index.ts';
import { registerCards } from '../cards/index.ts';
import { registerPdf } from '../pdf/index.ts';
import { registerHooks } from '../hooks/index.ts';

const ROUTES: ((app: Hono, deps: WebDeps) => void)[] = [
  registerAdmin, // first: its check for due scheduled articles runs before every page
  registerSite, // before the assets: the institute's logo and colours under /assets/identity/
  registerAssets,
  registerMedia,
  registerCards,
  registerPdf, // before the articles: /policy-analysis/<slug>.pdf
  registerApi,
  registerSitemap,
  registerFeeds,
  registerHome,
  registerPolicyAnalysis,
  registerExpert,
  registerSeries,
  registerSearch,
  registerKnowledge,
  registerSubscribe,
  registerHooks, // /hooks/mail/bounce
  registerOps, // /readyz, /metrics
  registerPages, // last: /<slug> and /ar/<slug> answer only what no route above claims
];

export function registerRoutes(app: Hono, deps: WebDeps): void {
  for (const register of ROUTES) register(app, deps);
}

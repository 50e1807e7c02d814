/**
 * @module web: the public reading site and its API, on Hono. `createWebApp` builds the app from a store;
 * `listen` serves it. Route modules (`routes/<name>.tsx`) render views (`views/`) in the page's language
 * (`i18n/`); everything passes through one HTTP pipeline (`http/`).
 *
 * @example
 * const app = createWebApp({ store, baseUrl: process.env.MIZAN_BASE_URL });
 * const { url, close } = await listen(app, { port: 3000, host: '127.0.0.1' });
 */
export { createWebApp, type WebAppOptions } from './create-web-app.ts';
export { listen, type Listening } from './listen.ts';
export { absoluteUrl, type WebDeps } from './web-deps.ts';
export { Layout, renderPage, jsonForScript, type LayoutProps, type Alternate, type FeedLink } from './views/layout.tsx';
export { t, formatNumber, formatSiteDate, langName, CATALOGS, type MessageKey } from './i18n/index.ts';
export { addApiRoute, apiRoutes, openApiDocument, PAGE_PARAMETERS, ERROR_SCHEMA, type ApiRoute, type ApiParameter } from './openapi.ts';
export { cacheable } from './http/pipeline.ts';
export { pageParam, limitParam, typeParam } from './http/params.ts';
export { sendPage, sendJson, sitePrefixes } from './send.ts';
export { Teaser, TeaserList, kicker } from './views/teaser.tsx';
export { Pager, pageHref } from './views/pager.tsx';
export { DateTime } from './views/date-time.tsx';
export { serveSite, warmPaths, type RunningSite } from './ops/serve-site.ts';
export { Readiness, type ReadyState } from './ops/readiness.ts';
export { QueryWatch, slowQueryMsOf, DEFAULT_SLOW_QUERY_MS } from './ops/query-watch.ts';
export { SiteMetrics } from './ops/metrics.ts';
export { ServerCluster, isServerProcess, processesOf, reportReady, type ClusterLog } from './ops/server-cluster.ts';
export { buildSite, fileForPath, type BuildOptions, type BuildReport } from './static/build-site.ts';
export { closePdfBrowser } from './pdf/index.ts';

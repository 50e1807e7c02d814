/** @module Series pages: each series readers can follow, in every language. */
export { registerSeries, seriesPath } from './series-routes.tsx';
export { seriesDirectory, type SeriesEntry } from './series-directory.ts';

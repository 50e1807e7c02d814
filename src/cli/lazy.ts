/**
 * @module The heavy layers, loaded when a command runs rather than when the CLI starts: `mizan --help`
 * or `mizan text slug …` should not pay for the web server, the importers and the search engine.
 */
export const loadApp = () => import('../app/index.ts');
export const loadWeb = () => import('../web/index.ts');
export const loadStore = () => import('../store/index.ts');
export const loadText = () => import('../text/index.ts');
export const loadLogger = () => import('../lib/logger.ts');

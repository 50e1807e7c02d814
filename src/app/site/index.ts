/** @module The institute's identity: its configuration file, found, read and validated. */
export { loadSiteConfig, readSiteConfig, findSiteConfig, safeSvg, ConfigError, CONFIG_NAMES } from './load-site-config.ts';

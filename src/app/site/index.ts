/** @module The institute's identity: its configuration file, found, read and validated. */
export { loadSiteConfig, readSiteConfig, findSiteConfig, safeSvg, ConfigError, CONFIG_NAMES } from './load-site-config.ts';
export { expertDirectory, termDirectory, countryDirectory, relationDirectory, topicBySlug, initialOf, type ExpertEntry, type DirectoryEntry } from './directory.ts';
export { checkSettings, readSettings, effectiveSite, saveSettings, SettingsError, type SettingIssue } from './site-settings.ts';

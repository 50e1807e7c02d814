/** @module lib: the few helpers every layer may use. */
export * from './errors.ts';
export * from './fill-placeholders.ts';
export * from './time-zone.ts';
export * from './read-ahead.ts';
export * from './remembered.ts';
export * from './module-worker.ts';
export * from './output-files.ts';
export * from './public-origin.ts';
export * from './on-first-use.ts';
export * from './detached.ts';

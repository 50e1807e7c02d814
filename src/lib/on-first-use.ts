/**
 * @module Packages loaded when first used, not when the code that uses them is. Parsing pasted HTML,
 * sanitizing it, encoding images and sending mail need four large packages (linkedom, sanitize-html,
 * sharp, nodemailer: about a quarter of a second to load together) that a reader's page never does,
 * while every process loads the code that calls them: each static build thread, each server, each CLI
 * command. Loaded through `require` (each has a CommonJS entry), so a synchronous caller stays synchronous.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A getter for package `name`, loaded by its first call.
 *
 * @example const sharp = onFirstUse<typeof import('sharp')>('sharp'); sharp()(bytes).metadata()
 */
export function onFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}

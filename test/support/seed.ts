/**
 * @module The real pages tests run on, read from ../shared/seeds (never copied into the repo).
 * Where that folder is absent, tests that need it skip with a visible message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
export const SEED_FILE = SEEDS_DIR + '000_5cd05298e511e9f1.txt';

export const seedAvailable = existsSync(SEED_FILE);

/** For `test(name, { skip: seedSkip }, …)`: false when the seed is there, else the reason shown. */
export const seedSkip: false | string = seedAvailable ? false : `seed page not found at ${SEED_FILE} (../shared/seeds is absent)`;

export function readSeed(): string {
  return readFileSync(SEED_FILE, 'utf8');
}

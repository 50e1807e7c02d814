/**
 * @module Chromium for browser tests, driven by playwright-core. Where /usr/bin/chromium (or
 * MIZAN_CHROMIUM) is absent, tests skip with a visible reason, unless MIZAN_REQUIRE_BROWSER=1, where
 * they fail instead.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.MIZAN_CHROMIUM ?? '/usr/bin/chromium';
export const browserRequired = process.env.MIZAN_REQUIRE_BROWSER === '1';
export const browserAvailable = existsSync(CHROMIUM);

/** For `test(name, { skip: browserSkip }, …)`: false when tests must run (Chromium there, or required), else the reason. */
export const browserSkip: false | string = browserAvailable || browserRequired ? false : `Chromium not found at ${CHROMIUM} (set MIZAN_REQUIRE_BROWSER=1 to make this a failure)`;

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Launches headless Chromium; throws a clear error when it is missing (the case MIZAN_REQUIRE_BROWSER=1 makes fatal). */
export async function launchBrowser(): Promise<Browser> {
  if (!browserAvailable) throw new Error(`MIZAN_REQUIRE_BROWSER=1 but Chromium is not at ${CHROMIUM}`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

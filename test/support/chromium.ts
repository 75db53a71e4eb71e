/**
 * Debian's Chromium for the browser tests, driven by playwright-core: where it is, how it is
 * started, and what a test does when it is missing (skip and say why; fail in CI, whose `.ci/run`
 * installs it).
 */
import { existsSync } from 'node:fs';
import type { TestContext } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const NO_CHROMIUM = `Chromium is not at ${CHROMIUM} (apt-get install -y chromium)`;
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** Skips the test when Chromium is missing, saying why; in CI a missing browser fails. */
export function needChromium(ctx: TestContext): void {
  if (HAVE_CHROMIUM) return;
  if (process.env.CI === 'true') throw new Error(`${NO_CHROMIUM}; CI runs must have it`);
  ctx.skip(NO_CHROMIUM);
}

/**
 * Debian's Chromium, driven by playwright-core, for the browser tests and the HTML benchmark
 * (`scripts/bench-html.ts`): where it is, how it is started, and what a test does when it is
 * missing (skip and say why; fail in CI, whose `.ci/run` installs it). The one place that starts
 * it, so that the tests and the benchmark measure the same browser the same way.
 */
import { existsSync } from 'node:fs';
import { type BrowserContext, chromium } from 'playwright-core';
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

/** Options of {@link launchChromium}. */
export interface LaunchOptions {
  /** The window's size (default 1280 × 900). */
  viewport?: { width: number; height: number };
  /** Pages ignore their Content-Security-Policy (to test what escaping alone protects). */
  bypassCSP?: boolean;
}

/**
 * Starts Chromium headless with `profile` (a fresh folder) as its profile. Throws, saying how to
 * install it, when it is missing.
 *
 * @example
 * const context = await launchChromium(mkdtempSync(join(tmpdir(), 'profile-')));
 */
export function launchChromium(profile: string, options: LaunchOptions = {}): Promise<BrowserContext> {
  if (!HAVE_CHROMIUM) throw new Error(NO_CHROMIUM);
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    bypassCSP: options.bypassCSP ?? false,
  });
}

/**
 * Debian's Chromium, driven by playwright-core, for the browser tests and the HTML benchmark
 * (`scripts/bench-html.ts`): where it is, how it is started, and what a test does when it is
 * missing (skip and say why; fail in CI, whose `.ci/run` installs it). The one place that starts
 * it, so that the tests and the benchmark measure the same browser the same way.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
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

/** A page opened by {@link openWatched}, with everything it did that a self-contained report must not. */
export interface WatchedPage {
  page: Page;
  /** Every request the page made, by URL (its own file first). */
  requests: string[];
  /** The messages of alerts, confirms and prompts (each dismissed). */
  dialogs: string[];
  /** Uncaught errors and console errors. */
  errors: string[];
}

/**
 * Opens a local file in a new page of `context`, recording its requests, dialogs and errors, and
 * waits until `ready` (a selector) is present, or the page has loaded when none is given.
 *
 * @example
 * const { page, requests, errors } = await openWatched(context, 'report.html', 'body[data-ready="true"]');
 */
export async function openWatched(
  context: BrowserContext | undefined,
  file: string,
  ready?: string,
): Promise<WatchedPage> {
  if (!context) throw new Error(NO_CHROMIUM);
  const page = await context.newPage();
  const watched: WatchedPage = { page, requests: [], dialogs: [], errors: [] };
  page.on('request', (r) => watched.requests.push(r.url()));
  page.on('dialog', async (d) => {
    watched.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('pageerror', (e) => watched.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') watched.errors.push(m.text());
  });
  await page.goto(pathToFileURL(file).href);
  if (ready) await page.waitForSelector(ready);
  else await page.waitForLoadState('load');
  return watched;
}

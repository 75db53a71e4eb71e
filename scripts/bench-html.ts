/**
 * The HTML report's figures for the benchmark (`docs/performance.md`): on one log, the built
 * command writes the HTML report alone (`check LOG --format html`), with its wall time and peak RSS
 * (`/usr/bin/time`); then Chromium (Debian's, driven by playwright-core as the browser test drives
 * it, headless, a fresh profile) opens the file and the page's own timings are read: first
 * contentful paint (the first render), DOMContentLoaded, and when the case list is ready (the
 * script's `report-ready` mark). A figure, never an assertion.
 *
 *   npx tsx scripts/bench-html.ts LOG [--as-of ISO] [--cli dist/cli.js] [--loads 3] [--json]
 *   npx tsx scripts/bench-html.ts --page FILE [--loads 3] [--json]   (an HTML report already written)
 *
 * `npm run bench -- --formats` hands the HTML report it wrote to {@link measureHtml}.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../test/support/chromium.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One load of the page in a fresh browser, in ms from navigation start. */
export interface PageTimings {
  firstContentfulPaint: number | null;
  domContentLoaded: number;
  listReady: number | null;
}

/** What {@link benchHtml} measures. */
export interface HtmlFigures {
  cases: number;
  listed: number;
  bytes: number;
  writeMs: number;
  peakRssMb: number;
  exitCode: number;
  /** Each load's timings; the first render is `firstContentfulPaint`. */
  loads: PageTimings[];
  /** The median first render over the loads, in ms. */
  firstRenderMs: number | null;
}

/** Opens the page `loads` times, each in a fresh headless Chromium, and reads its timings. */
export async function firstRender(file: string, loads = 3): Promise<PageTimings[]> {
  const out: PageTimings[] = [];
  for (let n = 0; n < loads; n++) {
    const profile = mkdtempSync(join(tmpdir(), 'bench-html-'));
    const context = await launchChromium(profile, { viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href, { timeout: 300_000 });
      await page.waitForSelector('body[data-ready="true"]', { timeout: 300_000 });
      if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
      out.push(
        await page.evaluate(() => {
          // The page's own clock (this script's TypeScript has no DOM library).
          const perf = (
            globalThis as unknown as {
              performance: {
                getEntriesByType(t: string): { domContentLoadedEventEnd: number }[];
                getEntriesByName(n: string): { startTime: number }[];
              };
            }
          ).performance;
          const nav = perf.getEntriesByType('navigation')[0] as { domContentLoadedEventEnd: number };
          const paint = perf.getEntriesByName('first-contentful-paint')[0];
          const ready = perf.getEntriesByName('report-ready')[0];
          return {
            firstContentfulPaint: paint ? Math.round(paint.startTime) : null,
            domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
            listReady: ready ? Math.round(ready.startTime) : null,
          };
        }),
      );
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return out;
}

/**
 * The figures of an HTML report already written (the hook `npm run bench -- --formats` calls):
 * the cases it counts and lists, and its first render and case list in Chromium (medians of
 * `loads` loads, each in a fresh browser).
 *
 * @example
 * const figures = await measureHtml('report.html'); // { firstRenderMs: 280, listReadyMs: 3100, ... }
 */
export async function measureHtml(path: string, loads = 3): Promise<Record<string, number | string>> {
  const timings = await firstRender(resolve(path), loads);
  const median = (pick: (t: PageTimings) => number | null) =>
    _median(timings.map(pick).filter((x): x is number => x !== null)) ?? 'not measured';
  return {
    ..._listed(path),
    firstRenderMs: median((t) => t.firstContentfulPaint),
    listReadyMs: median((t) => t.listReady),
    loads: timings.length,
  };
}

/** The cases the page counts and lists, from its embedded data. */
function _listed(file: string): { cases: number; listed: number } {
  const html = readFileSync(file, 'utf8');
  const at = html.indexOf('id="report-data">');
  const data = JSON.parse(html.slice(at + 'id="report-data">'.length, html.indexOf('</script>', at))) as {
    judged: number;
    cases: unknown[];
  };
  return { cases: data.judged, listed: data.cases.length };
}

const _median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : (s[Math.floor((s.length - 1) / 2)] as number);
};

/**
 * Writes the HTML report of `log` with the built command (peak RSS and wall time from
 * `/usr/bin/time`), then measures its first render in Chromium.
 *
 * @example
 * const figures = await benchHtml({ log: '.bench/log-200000-s1.ndjson', asOf: '2026-06-30T17:00:00+01:00' });
 */
export async function benchHtml(o: {
  log: string;
  asOf: string;
  cli?: string;
  extraArgs?: readonly string[];
  loads?: number;
}): Promise<HtmlFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-html-'));
  const out = join(dir, 'report.html');
  const timeFile = join(dir, 'time');
  try {
    const args = [
      resolve(ROOT, o.cli ?? 'dist/cli.js'),
      'check',
      o.log,
      ...(o.extraArgs ?? []),
      '--format',
      'html',
      '--as-of',
      o.asOf,
      '--fail-on',
      'none',
      '--quiet',
    ];
    const fd = openSync(out, 'w');
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, ...args], {
      cwd: ROOT,
      stdio: ['ignore', fd, 'inherit'],
    });
    const exitCode = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)));
    const writeMs = performance.now() - t0;
    closeSync(fd);
    const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
    const loads = await firstRender(out, o.loads ?? 3);
    return {
      ..._listed(out),
      bytes: statSync(out).size,
      writeMs: Math.round(writeMs),
      peakRssMb: Math.round(kb / 1024),
      exitCode,
      loads,
      firstRenderMs: _median(
        loads.map((l) => l.firstContentfulPaint ?? Number.NaN).filter((x) => !Number.isNaN(x)),
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function _arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const loads = Number(_arg('loads') ?? 3);
  const page = _arg('page');
  const say = (s: string) => process.stderr.write(`${s}\n`);
  if (page) {
    const timings = await firstRender(resolve(page), loads);
    const figures = { ..._listed(page), bytes: statSync(page).size, loads: timings };
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
    else say(JSON.stringify(figures, null, 2));
  } else {
    const log = process.argv[2];
    if (!log || log.startsWith('--')) throw new Error('usage: bench-html.ts LOG [--as-of ISO] | --page FILE');
    const figures = await benchHtml({
      log: resolve(log),
      asOf: _arg('as-of') ?? '2026-06-30T17:00:00+01:00',
      cli: _arg('cli'),
      loads,
    });
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
    else
      say(
        `HTML report: ${figures.cases.toLocaleString('en-GB')} cases, ${figures.listed.toLocaleString('en-GB')} listed, ` +
          `${(figures.bytes / 1024 / 1024).toFixed(1)} MiB written in ${(figures.writeMs / 1000).toFixed(1)} s, ` +
          `peak RSS ${figures.peakRssMb} MB (exit ${figures.exitCode}); in Chromium, first render (median of ${loads}) ` +
          `${figures.firstRenderMs} ms; each load: ${figures.loads.map((l) => `FCP ${l.firstContentfulPaint} ms, list ready ${l.listReady} ms`).join('; ')}`,
      );
  }
}

/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core, headless, with a
 * fresh profile. The report of the bundled sample is written by the command (in process, with a
 * fixed asOf) next to the JSON report of the same run, and the page is checked against it.
 *
 * Chromium is `/usr/bin/chromium` (or CHROMIUM_PATH). When it is missing the tests skip and say
 * why; in CI (CI=true) a missing browser fails, as `.ci/run` installs it.
 *
 * The last test measures a large report (the sample's cases repeated to 1,450) and logs its size
 * and time to first render: a measurement, not an assertion.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSummaryBuilder } from '../../src/engine/summarize.js';
import { evaluateCase, formatHtml } from '../../src/index.js';
import type { CaseResult } from '../../src/model/finding.js';
import { type Report, ReportSchema } from '../../src/model/report.js';
import { percent, type RulesetWords } from '../../src/reporters/common.js';
import { loadRuleset } from '../../src/rules/load-ruleset.js';
import { HAVE_CHROMIUM, launchChromium, needChromium, openWatched } from '../support/chromium.js';
import { runInProcess } from '../support/run-in-process.js';

// The callbacks given to page.evaluate run in the page. The project's tsconfig has no DOM library
// (and this file must not add it to the whole program), so they see the page's globals loosely.
// biome-ignore lint/suspicious/noExplicitAny: page-side global
declare const document: any;
// biome-ignore lint/suspicious/noExplicitAny: page-side global
declare const window: any;
// biome-ignore lint/suspicious/noExplicitAny: page-side global
declare function getComputedStyle(el: unknown): any;
// biome-ignore lint/suspicious/noExplicitAny: page-side global
declare const Event: any;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(ROOT, 'fixtures/sample/sample.ndjson');
const AS_OF = '2025-06-30T17:00:00+01:00';
/**
 * Where the screenshots go: the README's (`docs/img`) only when asked (`npm run docs:screenshots`),
 * else a temporary folder, so that a test run never changes checked-in files.
 */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
/** Runs the command in process and returns its exit code and what it wrote. */
const run = (argv: string[]) => runInProcess(argv);

let dir: string;
/** The page as a reader gets it: its own Content-Security-Policy in force. */
let context: BrowserContext | undefined;
/** With the page's CSP bypassed: to inject axe, and to show that escaping alone keeps hostile strings inert. */
let lax: BrowserContext | undefined;
let report: Report;
/** The same run's JSON report at --detail full: every per-item measurement, to find a late response. */
let full: Report;
let htmlFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'html-report-'));
  htmlFile = join(dir, 'report.html');
  const r = await run([
    'check',
    // Relative, as a user would type it (the report names the input as given).
    relative(process.cwd(), SAMPLE),
    '--as-of',
    AS_OF,
    '--fail-on',
    'none',
    '--quiet',
    // The default detail: the HTML report still marks the events at fault and the deadlines.
    '--format',
    'json',
    '--report',
    `html:${htmlFile}`,
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  report = ReportSchema.parse(JSON.parse(r.stdout));
  const f = await run([
    'check',
    SAMPLE,
    '--as-of',
    AS_OF,
    '--fail-on',
    'none',
    '--quiet',
    '--detail',
    'full',
    '--format',
    'json',
  ]);
  full = ReportSchema.parse(JSON.parse(f.stdout));
  if (!HAVE_CHROMIUM) return;
  const launch = (profile: string, bypassCSP: boolean) => launchChromium(join(dir, profile), { bypassCSP });
  [context, lax] = await Promise.all([launch('profile', false), launch('profile-lax', true)]);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await lax?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The report opened in Chromium (with its CSP in force unless `where` is the lax context), once its script is ready. */
const open = (file: string, where: BrowserContext | undefined = context) =>
  openWatched(where, file, 'body[data-ready="true"]');

const countText = (page: Page) => page.locator('#cases-count').textContent();
const shownCaseIds = (page: Page) => page.locator('#case-rows button.case-toggle').allTextContents();
const isFailing = (s: string) => s === 'fail' || s === 'error';
const failingOn = (ref: string) =>
  (report.cases ?? [])
    .filter((c) => c.findings.some((f) => f.ref === ref && isFailing(f.status)))
    .map((c) => c.caseId);

describe('the HTML report of the bundled sample, in Chromium', () => {
  it('is one file that makes no request beyond itself and runs without an error', async (ctx) => {
    needChromium(ctx);
    const { page, requests, errors, dialogs } = await open(htmlFile);
    expect(requests).toEqual([pathToFileURL(htmlFile).href]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    // Its own script ran under its own Content-Security-Policy (which allows no connection).
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(await page.locator('#case-rows tr').count()).toBe((report.cases ?? []).length);
    // The embedded data is one JSON block; the only other script is the page's own.
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('script[type="application/json"]').count()).toBe(1);
    await page.close();
  });

  it('shows the counts and rates of the JSON report', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(htmlFile);
    const { summary } = report;
    const num = (s: string | null) => Number((s ?? '').replace(/,/g, ''));
    for (const [status, n] of Object.entries(summary.byStatus)) {
      expect(num(await page.locator(`#overall-counts td[data-status="${status}"]`).textContent())).toBe(n);
      expect(
        num(await page.locator(`#indicator-table tfoot td[data-status="${status}"]`).textContent()),
      ).toBe(n);
    }
    expect(await page.locator('#overall-rate').textContent()).toBe(percent(summary.complianceRate));
    const rows = [...summary.commitments, ...summary.standards, ...summary.indicators];
    expect(rows.length).toBeGreaterThan(27);
    const shown = await page.$$eval('#indicator-table tbody tr[data-ref]', (trs) =>
      trs.map((tr) => ({
        ref: tr.getAttribute('data-ref'),
        counts: Object.fromEntries(
          [...tr.querySelectorAll('td[data-status]')].map((td) => [
            td.getAttribute('data-status'),
            Number((td.textContent ?? '').replace(/,/g, '')),
          ]),
        ),
        rate: tr.querySelector('td[data-rate]')?.textContent,
      })),
    );
    expect(shown).toHaveLength(rows.length);
    for (const row of rows) {
      const s = shown.find((x) => x.ref === row.ref);
      expect(s, row.ref).toBeDefined();
      expect(s?.counts, row.ref).toEqual(row.byStatus);
      expect(s?.rate, row.ref).toBe(percent(row.complianceRate));
    }
    expect(await countText(page)).toContain(
      `Showing ${(report.cases ?? []).length} of ${(report.cases ?? []).length}`,
    );
    expect(await shownCaseIds(page)).toEqual((report.cases ?? []).map((c) => c.caseId));
    await page.close();
  });

  it('filters the cases by status, indicator and case id', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(htmlFile);
    const expected = failingOn('1.2.1');
    expect(expected.length).toBeGreaterThan(0);
    await page.selectOption('#f-status', 'failing');
    await page.selectOption('#f-indicator', '1.2.1');
    await expect.poll(() => shownCaseIds(page)).toEqual(expected);
    expect(await countText(page)).toContain(
      `Showing ${expected.length} of ${expected.length} matching cases`,
    );

    await page.selectOption('#f-status', 'not_applicable');
    await page.selectOption('#f-indicator', '');
    const na = (report.cases ?? []).filter((c) => c.findings.some((f) => f.status === 'not_applicable'));
    await expect.poll(() => shownCaseIds(page)).toEqual(na.map((c) => c.caseId));

    await page.click('button[type="reset"]');
    const needle = (report.cases ?? [])[3]?.caseId.slice(-3) ?? '';
    await page.fill('#f-case', needle.toLowerCase());
    const byId = (report.cases ?? []).filter((c) => c.caseId.toLowerCase().includes(needle.toLowerCase()));
    await expect.poll(() => shownCaseIds(page)).toEqual(byId.map((c) => c.caseId));

    await page.fill('#f-case', 'no such case');
    await expect.poll(() => countText(page)).toContain('Showing 0 of 0');
    await expect.poll(() => page.locator('#case-rows').textContent()).toContain('No case matches');
    await page.close();
  });

  it('lists an indicator’s failing cases in one click', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(htmlFile);
    const ref = '1.2.3';
    const expected = failingOn(ref);
    await page.click(`#indicator-table tr[data-ref="${ref}"] a.list-failing`);
    await expect.poll(() => shownCaseIds(page)).toEqual(expected);
    expect(await page.inputValue('#f-status')).toBe('failing');
    expect(await page.inputValue('#f-indicator')).toBe(ref);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cases-h');
    await page.close();
  });

  it('opens a case: its findings with explanations, and the events a finding relied on highlighted', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(htmlFile);
    const index = (report.cases ?? []).findIndex((c) =>
      c.findings.some((f) => isFailing(f.status) && f.evidence.length >= 2),
    );
    const result = (report.cases ?? [])[index] as CaseResult;
    const row = page.locator(`#case-rows tr[data-case="${index}"]`);
    const toggle = row.locator('button.case-toggle');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const detail = page.locator(`#case-${index}-detail`);
    await expect.poll(() => detail.locator('h3').textContent()).toBe(`Case ${result.caseId}`);
    const findingRows = detail.locator('table.findings tbody tr');
    expect(await findingRows.count()).toBe(result.findings.length);
    const explanations = await findingRows.locator('td:nth-child(3)').allTextContents();
    expect(explanations).toEqual(result.findings.map((f) => f.explanation));
    const statuses = await findingRows.locator('td:nth-child(2)').allTextContents();
    expect(statuses.map((t) => t.replace(/^\W+/, '').trim())).toEqual(
      result.findings.map((f) => WORDS[f.status]),
    );

    // Show in the timeline the events the first failing finding relied on.
    const k = result.findings.findIndex((f) => isFailing(f.status) && f.evidence.length >= 2);
    const finding = result.findings[k];
    const button = findingRows.nth(k).locator('button.highlight');
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    const lit = await detail.locator('.events tbody tr.hl code').allTextContents();
    expect(new Set(lit)).toEqual(new Set(finding?.evidence));
    // Not by colour alone: a marker on each row and the words say which events are shown.
    expect(await detail.locator('.events tbody tr.hl .marker').allTextContents()).not.toContain('');
    expect(await detail.locator(`#case-${index}-hl`).textContent()).toContain(finding?.ref ?? '?');
    // The timeline lists every event of the case once, in time order, the cited ones among them.
    const listed = await detail.locator('.events tbody tr code').allTextContents();
    expect(listed).toEqual((await timelineOf(result.caseId)).map((e) => e.id));
    for (const id of result.findings.flatMap((f) => f.evidence)) expect(listed).toContain(id);
    // Pressed again, it lets go.
    await button.click();
    expect(await detail.locator('.events tbody tr.hl').count()).toBe(0);
    await toggle.click();
    expect(await page.locator(`#case-${index}-detail`).count()).toBe(0);
    await page.close();
  });

  it('is usable by keyboard, with a visible focus', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(htmlFile);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(skip).toEqual({ text: 'Skip to the report', outline: 'solid', width: '3px' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Through the page to the first case, by Tab alone.
    let guard = 0;
    while (guard++ < 400) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('case-toggle'))) break;
    }
    expect(guard).toBeLessThan(400);
    await page.keyboard.press('Enter');
    const first = page.locator('#case-rows button.case-toggle').first();
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle)).toBe('solid');
    await page.keyboard.press('Space');
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    // An indicator's words open from the keyboard too.
    const summary = page.locator('#indicator-table details.words summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#indicator-table details.words').first().getAttribute('open')).toBe('');
    await page.close();
  });

  it('has no serious or critical accessibility violation (axe-core)', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(htmlFile, lax);
    // Everything the page can show: an indicator's words, a month table, a case with a highlight.
    await page.click('#indicator-table details.words summary');
    await page.click('#months details.data summary');
    await page.click('#run-details > summary');
    const index = (full.cases ?? []).findIndex((c) => c.findings.some((f) => lateOne(f) !== undefined));
    await page.click(`#case-rows tr[data-case="${index}"] button.case-toggle`);
    const k = (full.cases ?? [])[index]?.findings.findIndex((f) => lateOne(f) !== undefined) ?? -1;
    await page.locator(`#case-${index}-detail button.highlight[data-finding="${k}"]`).click();
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = window.axe as { run: (...a: unknown[]) => Promise<AxeResults> };
      const r = await axe.run(document, {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
    });
    if (violations.length > 0)
      console.log('axe (not serious or critical):', JSON.stringify(violations, null, 2));
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });

  it('prints a summary: no controls, the provenance open', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(htmlFile);
    await page.emulateMedia({ media: 'print' });
    const shown = (sel: string) => page.$eval(sel, (el) => getComputedStyle(el).display !== 'none');
    expect(await shown('#filters')).toBe(false);
    expect(await shown('nav')).toBe(false);
    expect(await shown('#indicator-table')).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('details.provenance:not([open])').count()).toBe(0);
    expect(await page.locator('#run dl.facts').isVisible()).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('details.provenance[open]').count()).toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });

  it('prints one case alone, from its "Print this case"', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(htmlFile);
    const index = 1;
    await page.click(`#case-rows tr[data-case="${index}"] button.case-toggle`);
    // The browser's print dialog is replaced by a note that it was asked for.
    await page.evaluate(() => {
      window.print = () => {
        document.body.setAttribute('data-printed', 'true');
      };
    });
    await page.click(`#case-${index}-detail button.print-case`);
    expect(await page.getAttribute('body', 'data-printed')).toBe('true');
    await page.emulateMedia({ media: 'print' });
    const visible = (sel: string) => page.locator(sel).first().isVisible();
    expect(await visible(`#case-${index}-detail h3`)).toBe(true);
    expect(await visible(`#case-${index}-detail table.timeline`)).toBe(true);
    expect(await visible('header.page h1')).toBe(true);
    for (const sel of ['#overview', '#indicators', '#run', '#filters', `#case-rows tr[data-case="${index}"]`])
      expect(await visible(sel), sel).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.getAttribute('body', 'data-print-case')).toBeNull();
    await page.emulateMedia({ media: 'screen' });
    expect(await visible('#overview')).toBe(true);
    await page.close();
  });

  it('marks the events at fault apart from the context, and the missed deadline between the events', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(htmlFile);
    const index = (full.cases ?? []).findIndex((c) => c.findings.some((f) => lateOne(f) !== undefined));
    const result = (full.cases ?? [])[index] as CaseResult;
    const k = result.findings.findIndex((f) => lateOne(f) !== undefined);
    const finding = result.findings[k] as CaseResult['findings'][number];
    const late = lateOne(finding) as { responseId: string; deadline: string };
    await page.click(`#case-rows tr[data-case="${index}"] button.case-toggle`);
    const detail = page.locator(`#case-${index}-detail`);
    const row = detail.locator('table.findings tbody tr').nth(k);
    expect(await row.locator('ul.ids.fault code').allTextContents()).toEqual([late.responseId]);
    const context = await row.locator('ul.ids.context code').allTextContents();
    expect(context).not.toContain(late.responseId);
    expect(new Set([...context, late.responseId])).toEqual(new Set(finding.evidence));
    const deadline = readable(late.deadline);
    expect(await row.locator('.deadline-line').first().textContent()).toContain(
      `Deadline missed: ${deadline}`,
    );
    // In the timeline, the deadline is a row after the events of its day and before the next.
    const rows = await detail
      .locator('table.timeline tbody tr')
      .evaluateAll((trs) => trs.map((tr) => ({ cls: tr.className, text: tr.textContent ?? '' })));
    const at = rows.findIndex(
      (r) => r.cls.includes('deadline') && r.text.startsWith(deadline) && r.text.includes(finding.ref),
    );
    expect(at).toBeGreaterThanOrEqual(0);
    const timeline = await timelineOf(result.caseId);
    const before = rows.slice(0, at).filter((r) => r.cls.includes('event')).length;
    expect(timeline.slice(0, before).every((e) => e.date <= late.deadline)).toBe(true);
    expect(timeline.slice(before).every((e) => e.date > late.deadline)).toBe(true);
    // Shown in the timeline: the late response at fault (✗), the others as context (▶).
    await row.locator('button.highlight').click();
    expect(await detail.locator('table.timeline tr.fault code').allTextContents()).toEqual([late.responseId]);
    expect(await detail.locator('table.timeline tr.fault .marker').textContent()).toContain('✗');
    const contextRows = detail.locator('table.timeline tr.hl:not(.fault)');
    expect(new Set(await contextRows.locator('code').allTextContents())).toEqual(new Set(context));
    expect(await contextRows.locator('.marker').first().textContent()).toContain('▶');
    expect(await detail.locator('table.timeline tr.deadline.hl-deadline').count()).toBe(1);
    await page.close();
  });

  it('writes dates as people read them, in the case list and the timeline', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(htmlFile);
    const DAY = /^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}$/;
    const received = await page.locator('#case-rows tr[data-case] td:nth-child(3)').allTextContents();
    expect(received.filter((t) => DAY.test(t))).toHaveLength(
      (report.cases ?? []).filter((c) => c.receivedOn).length,
    );
    await page.click('#case-rows tr[data-case="0"] button.case-toggle');
    const dates = await page.locator('#case-0-detail table.timeline tr.event td.date').allTextContents();
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d).toMatch(DAY);
    // No ISO date left in the text a reader sees (the explanations and file names have none).
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, not the embedded JSON block
    expect(await page.locator('body').innerText()).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    await page.close();
  });

  for (const width of [1280, 1920]) {
    it(`at ${width} pixels: the headline first, the drill-down without a horizontal scroll (screenshots)`, async (ctx) => {
      needChromium(ctx);
      const { page } = await open(htmlFile);
      await page.setViewportSize({ width, height: 1000 });
      const top = (sel: string) => page.$eval(sel, (el) => el.getBoundingClientRect().top + window.scrollY);
      expect(await top('#overview')).toBeLessThan(await top('#indicators'));
      expect(await top('#overview')).toBeLessThan(await top('#run'));
      expect(await page.locator('#run-details').getAttribute('open')).toBeNull();
      const IMG = SCREENSHOTS ? join(ROOT, 'docs/img') : join(dir, 'img');
      mkdirSync(IMG, { recursive: true });
      await page.screenshot({ path: join(IMG, `report-${width}.png`) });
      const index = (full.cases ?? []).findIndex((c) => c.findings.some((f) => lateOne(f) !== undefined));
      const k = (full.cases ?? [])[index]?.findings.findIndex((f) => lateOne(f) !== undefined) ?? -1;
      await page.click(`#case-rows tr[data-case="${index}"] button.case-toggle`);
      await page.locator(`#case-${index}-detail button.highlight[data-finding="${k}"]`).click();
      const layout = await page.evaluate((i: number) => {
        const over = (el: { scrollWidth: number; clientWidth: number }) =>
          el.scrollWidth > el.clientWidth + 1;
        const detail = document.getElementById(`case-${i}-detail`);
        const boxes = [...document.querySelectorAll('#cases .table-wrap, .case-detail, .case-detail table')];
        const heads = [...detail.querySelectorAll('table.timeline thead th, table.findings thead th')];
        const right = (el: { getBoundingClientRect(): { right: number } }) =>
          el.getBoundingClientRect().right;
        return {
          page: document.documentElement.scrollWidth > window.innerWidth,
          overflowing: boxes.filter(over).length,
          offscreen: heads.filter((th) => right(th) > window.innerWidth).map((th) => th.textContent),
          heads: heads.map((th) => th.textContent),
        };
      }, index);
      expect(layout.page).toBe(false);
      expect(layout.overflowing).toBe(0);
      expect(layout.offscreen).toEqual([]);
      expect(layout.heads).toEqual(
        expect.arrayContaining(['Local date', 'Working days since receipt', 'Cited by']),
      );
      const box = await page.locator(`#case-${index}-detail`).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
      });
      const height = Math.min(box.height, 1200);
      await page.screenshot({
        path: join(IMG, `case-${width}.png`),
        fullPage: true,
        clip: { ...box, height },
      });
      for (const f of [`report-${width}.png`, `case-${width}.png`])
        expect(statSync(join(IMG, f)).size).toBeGreaterThan(10_000);
      // No text spills out of its cell (the longest status, "Insufficient evidence", wraps).
      const other = (report.cases ?? []).findIndex((c) =>
        c.findings.some((f) => f.status === 'insufficient_evidence'),
      );
      if (other !== index) await page.click(`#case-rows tr[data-case="${other}"] button.case-toggle`);
      const spilling = await page.evaluate(
        (ids: number[]) =>
          ids.flatMap((i) =>
            [...document.querySelectorAll(`#case-${i}-detail td .status, #case-${i}-detail td code`)]
              .filter(
                (el) => el.getBoundingClientRect().right > el.closest('td').getBoundingClientRect().right + 1,
              )
              .map((el) => el.textContent),
          ),
        [index, other],
      );
      expect(spilling).toEqual([]);
      await page.close();
    });
  }
});

/** A case's timeline: the JSON report has none (only the audit report shows them); the library gives it. */
async function timelineOf(caseId: string): Promise<NonNullable<CaseResult['timeline']>> {
  const input = readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { caseId: string })
    .find((c) => c.caseId === caseId);
  const judged = await evaluateCase(input, {
    untrusted: true,
    ruleset: await loadRuleset(),
    asOf: AS_OF,
    timeline: true,
  });
  return judged.timeline ?? [];
}

/** A finding's first response that came late (with a date-only deadline), when it has one. */
function lateOne(f: CaseResult['findings'][number]): { responseId: string; deadline: string } | undefined {
  if (f.status !== 'fail') return undefined;
  for (const fact of Object.values(f.measured ?? {})) {
    const items = (fact as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) continue;
    const late = items.find((i) => i?.state === 'late' && typeof i.responseId === 'string');
    if (late && typeof late.deadline === 'string' && late.deadline.length === 10) return late;
  }
  return undefined;
}

const _DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const _MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2024-11-05" as "Tue 5 Nov 2024". */
function readable(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return `${_DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

const WORDS: Record<string, string> = {
  pass: 'Pass',
  fail: 'Fail',
  error: 'Error',
  insufficient_evidence: 'Insufficient evidence',
  pending: 'Pending',
  not_applicable: 'Not applicable',
};

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

const HOSTILE = {
  caseScript: '</script><script>alert(1)</script>',
  caseImg: '<img src=x onerror=alert(2)>',
  explanation: '<img src=x onerror="window.__xss=1;alert(3)"> \u2028 \u2029 </script><!-- <script>',
  evidence: '"><svg onload=alert(4)>',
  file: '<script>alert(5)</script>.ndjson',
  words: '<b onmouseover=alert(6)>words</b>',
  title: "' onfocus='alert(7)' x='",
  activity: '<iframe src=javascript:alert(8)>',
};

/** The sample report with hostile strings where a report can hold text. */
function hostileReport(): Report {
  const r = structuredClone(report);
  const [a, b] = r.cases as [CaseResult, CaseResult];
  a.caseId = HOSTILE.caseScript;
  b.caseId = HOSTILE.caseImg;
  const f = a.findings.find((x) => x.evidence.length > 0);
  if (!f) throw new Error('the sample has no finding with evidence');
  f.explanation = HOSTILE.explanation;
  f.evidence = [...f.evidence, HOSTILE.evidence];
  f.status = 'fail';
  a.status = 'fail';
  r.meta.inputs = [{ file: HOSTILE.file, sha256: 'c'.repeat(64) }];
  a.source = { file: HOSTILE.file, line: 1 };
  (r.summary.commitments[0] as { title: string }).title = HOSTILE.title;
  r.summary.unmappedActivities = { [HOSTILE.activity]: 1 };
  r.summary.rejected = [
    {
      caseId: HOSTILE.caseScript,
      events: 1,
      problems: [
        { code: 'x', path: ['events', 0], message: HOSTILE.explanation, file: HOSTILE.file, line: 2 },
      ],
    },
  ];
  return r;
}

describe('the HTML report with hostile strings, in Chromium', () => {
  it('shows them as text and runs nothing', async (ctx) => {
    needChromium(ctx);
    const ruleset = await loadRuleset();
    const words: RulesetWords = {
      rules: ruleset.rules.map((r) => ({ ...r, words: r.ref === '1.2.1' ? HOSTILE.words : r.words })),
    };
    const r = hostileReport();
    const html = formatHtml(r, words);
    // Nothing hostile is in the markup as a tag (booleans, to keep a failure's message short).
    for (const tag of ['<img', '<svg onload', '<iframe', '<b ']) expect(html.includes(tag), tag).toBe(false);
    expect(html.match(/<script\b/g)).toHaveLength(2);
    // The data block has no `<` and no raw U+2028 or U+2029, and parses back to the same strings.
    const block =
      /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(/[<\u2028\u2029]/.test(block)).toBe(false);
    const data = JSON.parse(block) as { cases: [string, number, string, number, number, unknown[][]][] };
    expect(data.cases.slice(0, 2).map((c) => c[0])).toEqual([HOSTILE.caseScript, HOSTILE.caseImg]);
    // A failing finding's explanation is embedded as its own text.
    expect(data.cases[0]?.[5].map((f) => f[2])).toContain(HOSTILE.explanation);
    const file = join(dir, 'hostile.html');
    writeFileSync(file, html);
    // With the page's CSP bypassed (escaping alone must hold) and with it in force.
    for (const where of [lax, context]) {
      await expectInert(file, where);
    }
  });
});

/** Opens the hostile report and checks every hostile string shows as text and nothing ran. */
async function expectInert(file: string, where: BrowserContext | undefined): Promise<void> {
  const { page, dialogs, errors, requests } = await open(file, where);
  expect(await page.locator('script').count()).toBe(2);
  expect(await page.locator('img, iframe, b').count()).toBe(0);
  const body = (await page.locator('body').textContent()) ?? '';
  for (const s of [HOSTILE.file, HOSTILE.title, HOSTILE.activity, HOSTILE.caseScript])
    expect(body).toContain(s);
  expect(await page.locator('#case-rows button.case-toggle').first().textContent()).toBe(HOSTILE.caseScript);
  expect(await page.locator('#case-rows button.case-toggle').nth(1).textContent()).toBe(HOSTILE.caseImg);
  // Find it by its id, open it and read the explanation and the evidence as text.
  await page.fill('#f-case', '</script>');
  await expect.poll(() => shownCaseIds(page)).toEqual([HOSTILE.caseScript]);
  await page.click('#case-rows button.case-toggle');
  const detail = page.locator('#case-0-detail');
  const explanation = detail.locator('table.findings tbody td:nth-child(3)', { hasText: 'window.__xss' });
  expect(await explanation.textContent()).toBe(HOSTILE.explanation);
  expect(await detail.locator('.events code').allTextContents()).toContain(HOSTILE.evidence);
  await page.click('#indicator-table tr[data-ref="1.2.1"] summary');
  expect(await page.locator('#indicator-table tr[data-ref="1.2.1"] .leaflet').textContent()).toBe(
    `“${HOSTILE.words}”`,
  );
  await page.hover('#indicator-table tr[data-ref="1.2.1"] .leaflet');
  await page.locator('#f-status').focus();
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  expect(requests).toHaveLength(1);
  await page.close();
}

describe('a large report (measured, not asserted)', () => {
  it('logs the file size and the time to first render of 1,450 cases', async (ctx) => {
    needChromium(ctx);
    const ruleset = await loadRuleset();
    const copies = 29;
    const cases: CaseResult[] = [];
    for (let k = 0; k < copies; k++) {
      for (const c of report.cases ?? [])
        cases.push({ ...c, caseId: `${c.caseId}-${String(k).padStart(2, '0')}` });
    }
    const builder = createSummaryBuilder(ruleset);
    for (const c of cases) builder.addResult(c);
    const big: Report = { meta: report.meta, summary: builder.result(), cases };
    const t0 = performance.now();
    const html = formatHtml(big, ruleset);
    const formatMs = performance.now() - t0;
    const file = join(dir, 'large.html');
    writeFileSync(file, html);
    const { page, errors } = await open(file);
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation' as 'mark')[0] as unknown as {
        domContentLoadedEventEnd: number;
      };
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const ready = performance.getEntriesByName('report-ready')[0];
      return {
        firstContentfulPaint: paint ? Math.round(paint.startTime) : null,
        domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
        listReady: ready ? Math.round(ready.startTime) : null,
      };
    });
    const filterMs = await page.evaluate(async () => {
      const select = document.getElementById('f-status');
      const t = performance.now();
      select.value = 'failing';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return Math.round(performance.now() - t);
    });
    const openMs = await page.evaluate(() => {
      const t = performance.now();
      document.querySelector('#case-rows button.case-toggle').click();
      return Math.round(performance.now() - t);
    });
    console.log(
      `large HTML report: ${cases.length} cases, ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MiB, ` +
        `formatHtml ${Math.round(formatMs)} ms; in Chromium: first contentful paint ${timing.firstContentfulPaint} ms, ` +
        `DOMContentLoaded ${timing.domContentLoaded} ms, case list ready ${timing.listReady} ms, ` +
        `filter ${filterMs} ms, open a case ${openMs} ms`,
    );
    expect(errors).toEqual([]);
    expect(readFileSync(file, 'utf8').length).toBe(html.length);
    await page.close();
  }, 60_000);
});

/**
 * The printable self-assessment form in a real browser: Debian's Chromium driven by
 * playwright-core, headless, as the audit report's test does. The form is written by the command
 * (in process) with statements holding hostile text, beside its JSON, and the page is checked
 * against it: each row's answer as the JSON gives it, no request, no script, nothing from a
 * statement run or rendered as markup (with the page's CSP and without it), no serious
 * accessibility violation, and a printed copy.
 *
 * Chromium is `/usr/bin/chromium` (or CHROMIUM_PATH). When it is missing the tests skip and say
 * why; in CI (CI=true) a missing browser fails, as `.ci/run` installs it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complyParts } from '../../src/reporters/self-assessment/words.js';
import { type SelfAssessment, SelfAssessmentSchema } from '../../src/self-assessment/document.js';
import { AS_OF, makeWorkspace, ROOT, runSelfAssessmentCommand } from '../self-assessment/_command.js';
import { HAVE_CHROMIUM, launchChromium, needChromium, openWatched } from '../support/chromium.js';

// biome-ignore lint/suspicious/noExplicitAny: page-side global
declare const document: any;
// biome-ignore lint/suspicious/noExplicitAny: page-side global
declare const window: any;

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const HOSTILE = `<img src=x onerror="window.__hit=1"><script>window.__hit=2</script></td></tr><a href="javascript:alert(1)">x</a>`;

let ws: ReturnType<typeof makeWorkspace>;
let htmlFile: string;
let doc: SelfAssessment;
let context: BrowserContext | undefined;
let lax: BrowserContext | undefined;

beforeAll(async () => {
  ws = makeWorkspace();
  const statements = join(ws.dir, 'statements.json');
  writeFileSync(
    statements,
    JSON.stringify({
      provisions: {
        '1.1': { comply: 'yes', evidence: HOSTILE, commentary: `Line one\nLine two ${HOSTILE}` },
      },
    }),
  );
  htmlFile = join(ws.dir, 'form.html');
  const r = await runSelfAssessmentCommand([
    ws.log,
    '--ruleset',
    ws.rules,
    '--period',
    '2024-04-01..2025-03-31',
    '--as-of',
    AS_OF,
    '--statements',
    statements,
    '--quiet',
    '--format',
    'json',
    '--report',
    `html:${htmlFile}`,
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  doc = SelfAssessmentSchema.parse(JSON.parse(r.stdout));
  if (!HAVE_CHROMIUM) return;
  const launch = (profile: string, bypassCSP: boolean) =>
    launchChromium(join(ws.dir, profile), { bypassCSP });
  [context, lax] = await Promise.all([launch('profile', false), launch('profile-lax', true)]);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await lax?.close();
  ws?.remove();
});

/** The form opened in Chromium, once loaded. */
const open = (where: BrowserContext | undefined) => openWatched(where, htmlFile);

describe('the self-assessment form, in Chromium', () => {
  it('is one static file: no request beyond itself, no script, no error', async (ctx) => {
    needChromium(ctx);
    const { page, requests, errors, dialogs } = await open(context);
    expect(requests).toEqual([pathToFileURL(htmlFile).href]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(
      await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
    ).toContain("script-src 'none'");
    await page.close();
  });

  it('shows each provision with the answer, evidence and commentary of the JSON', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(context);
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Section 1: Stage 1',
      'Section 2: Stage 2',
      'Summary',
      'How this was made',
    ]);
    for (const row of doc.rows) {
      const tr = page.locator(`tr#p-${row.provision.replace('.', '-')}`);
      expect(await tr.locator('th').textContent()).toBe(row.provision);
      expect(await tr.locator('td.comply strong').textContent()).toBe(complyParts(row).answer);
      expect(await tr.locator('td.commentary').textContent()).toBe(row.commentary);
      expect(await tr.locator('td.evidence').textContent()).toContain(row.evidence);
    }
    // The log's failing case is listed beside its row.
    expect(await page.locator('tr#p-1-2 td.evidence').textContent()).toContain('Failed: M2.');
    await page.close();
  });

  it('keeps hostile statements as text, even with its Content-Security-Policy bypassed', async (ctx) => {
    needChromium(ctx);
    for (const where of [context, lax]) {
      const { page, dialogs, errors } = await open(where);
      expect(await page.evaluate(() => window.__hit)).toBeUndefined();
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(await page.locator('tr#p-1-1 td.evidence').textContent()).toBe(HOSTILE);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      // Every provision still has its own row: nothing was closed early by the text.
      expect(await page.locator('tbody tr').count()).toBe(doc.rows.length);
      await page.close();
    }
  });

  it('has no serious or critical accessibility violation (axe-core)', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(lax);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        },
        resultTypes: ['violations'],
      });
      return r.violations.map((v: { id: string; impact: string }) => ({ id: v.id, impact: v.impact }));
    });
    expect(
      violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
    await page.close();
  });

  it('prints: the table headers repeat on each page and a PDF comes out', async (ctx) => {
    needChromium(ctx);
    const { page } = await open(context);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => window.getComputedStyle(document.querySelector('thead')).display)).toBe(
      'table-header-group',
    );
    expect(
      await page.evaluate(() => window.getComputedStyle(document.querySelector('tbody tr')).breakInside),
    ).toBe('avoid');
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });
});

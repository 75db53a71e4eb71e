/**
 * Chromium is started in one place, `test/support/chromium.ts`: the browser tests and the HTML
 * benchmark (`scripts/bench-html.ts`) use its `launchChromium`, so that a change to how the browser
 * runs (its path, its flags) reaches every one of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LAUNCHER = 'test/support/chromium.ts';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** What only the launcher may hold: playwright's launch calls, the browser's path and flags. */
const OWN =
  /\b(launchPersistentContext|launchServer|chromium\.launch)\b|process\.env\.CHROMIUM_PATH|'--no-sandbox'/;
const SELF = 'test/browser/one-launcher.test.ts';

describe('the Chromium launcher', () => {
  it('is the only code that starts Chromium, and the tests and the benchmark use it', () => {
    const files = [...sources('test'), ...sources('scripts')].filter((f) => f !== SELF);
    const starting = files.filter((f) => OWN.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(starting).toEqual([LAUNCHER]);
    for (const user of [
      'test/browser/html-report.test.ts',
      'test/browser/self-assessment-form.test.ts',
      'scripts/bench-html.ts',
    ])
      expect(readFileSync(join(ROOT, user), 'utf8'), user).toMatch(/\blaunchChromium\(/);
  });
});

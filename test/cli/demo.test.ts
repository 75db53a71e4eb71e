/**
 * The README's first command: `npm run demo` builds the package and judges the bundled sample.
 *
 * It runs in a scratch copy of the package (its sources, rules and node_modules linked, its own
 * dist/), because the build empties dist/ first: done in place, it would pull dist/cli.js from
 * under the other tests of this folder while they run.
 */
import { copyFile, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoStack, ROOT, spawnCommand } from './_cli.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm run demo', () => {
  let scratch: string | undefined;
  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('builds, judges the sample and prints the summary, exit 0', { timeout: 180_000 }, async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.demo).toContain('node dist/cli.js check fixtures/sample/sample.ndjson');

    scratch = await mkdtemp(join(tmpdir(), 'service-standards-demo-'));
    for (const name of ['package.json', 'tsconfig.json', 'tsup.config.ts']) {
      await copyFile(join(ROOT, name), join(scratch, name));
    }
    for (const name of ['src', 'rules', 'fixtures', 'node_modules']) {
      await symlink(join(ROOT, name), join(scratch, name), 'dir');
    }

    const r = await spawnCommand(NPM, ['run', 'demo'], { cwd: scratch });
    expectNoStack(r);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Overall\s+\d+/m);
    expect(r.stdout).toContain('As of     2025-06-30T17:00:00.000+01:00 (given)');
    expect(r.stdout).toContain('Cases     50 judged, 0 rejected');
  });
});

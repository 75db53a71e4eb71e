/**
 * Start-up (issue 5): a run of the command loads only what it needs. One case on one thread
 * loads neither piscina (only `--workers N` does), nor json-rules-engine (the compiled evaluator
 * falls back to it only for what it does not cover), nor date-holidays (the shipped ruleset's
 * holidays are precomputed for the installed version); and the CommonJS build of the library,
 * whose `import()` of json-rules-engine stays lazy, still judges a case with either evaluator.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, CLI_TIMEOUT, ROOT, spawnCommand, useCliSuite } from './_cli.js';

const CASE = 'fixtures/cases/frontline-resolved/case.json';
const AS_OF = '2026-06-30T17:00:00+01:00';
const LAZY = ['date-holidays', 'json-rules-engine', 'piscina'];

/** Preloaded with `--import`: at exit, lists the packages whose CommonJS modules were loaded. */
const REPORTER = `import { createRequire } from 'node:module';
import { writeSync } from 'node:fs';
const require = createRequire(import.meta.url);
process.on('exit', () => {
  const names = Object.keys(require.cache)
    .map((k) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)[\\\\/]/.exec(k)?.[1])
    .filter(Boolean);
  writeSync(2, 'LOADED ' + JSON.stringify([...new Set(names)].sort()) + '\\n');
});
`;

function loaded(stderr: string): string[] {
  const line = stderr.split('\n').find((l) => l.startsWith('LOADED '));
  expect(line, stderr).toBeDefined();
  return JSON.parse((line as string).slice('LOADED '.length)) as string[];
}

describe.concurrent('start-up', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();
  const reporter = async () => {
    const path = join(suite.dir(), 'report-loaded.mjs');
    await writeFile(path, REPORTER);
    return path;
  };

  it('one case on one thread loads neither piscina, json-rules-engine nor date-holidays', async () => {
    const r = await spawnCommand(process.execPath, [
      '--import',
      await reporter(),
      CLI,
      'check',
      CASE,
      '--as-of',
      AS_OF,
      '--format',
      'json',
      '--fail-on',
      'none',
      '--quiet',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).cases).toHaveLength(1);
    const names = loaded(r.stderr);
    for (const name of LAZY) expect(names).not.toContain(name);
  });

  it('--workers 2 loads piscina (and the same output as one thread)', async () => {
    const args = ['check', CASE, '--as-of', AS_OF, '--format', 'ndjson', '--fail-on', 'none', '--quiet'];
    const path = await reporter();
    const [one, two] = await Promise.all([
      spawnCommand(process.execPath, ['--import', path, CLI, ...args]),
      spawnCommand(process.execPath, ['--import', path, CLI, ...args, '--workers', '2']),
    ]);
    expect(two.code, two.stderr).toBe(0);
    expect(loaded(two.stderr)).toContain('piscina');
    const blank = (s: string) => s.replace(/"generatedAt":"[^"]*"/, '"generatedAt":""');
    expect(blank(two.stdout)).toBe(blank(one.stdout));
  });

  it('the CommonJS build judges a case with either evaluator, loading json-rules-engine only for the reference', async () => {
    const script = `
      const lib = require(${JSON.stringify(join(ROOT, 'dist', 'index.cjs'))});
      const input = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(join(ROOT, CASE))}, 'utf8'));
      const engineLoaded = () => Object.keys(require.cache).some((k) => /json-rules-engine/.test(k));
      (async () => {
        const ruleset = await lib.loadRuleset();
        const compiled = await lib.evaluateCase(input, { ruleset, asOf: ${JSON.stringify(AS_OF)} });
        const before = engineLoaded();
        const evaluator = lib.createJsonRulesEngineEvaluator();
        const reference = await lib.evaluateCase(input, { ruleset, asOf: ${JSON.stringify(AS_OF)}, evaluator });
        console.log(JSON.stringify({
          findings: compiled.findings.length,
          same: JSON.stringify(compiled) === JSON.stringify(reference),
          before,
          after: engineLoaded(),
        }));
      })().catch((e) => { console.error(e); process.exit(1); });
    `;
    const r = await spawnCommand(process.execPath, ['-e', script]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: number; same: boolean; before: boolean; after: boolean };
    expect(out.findings).toBeGreaterThan(20);
    expect(out.same).toBe(true);
    expect(out.before).toBe(false);
    expect(out.after).toBe(true);
  });
});

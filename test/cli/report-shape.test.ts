/**
 * The JSON report's shape (`interface.md`): summary last, `--detail`, compact unless `--pretty`;
 * and every report the same whichever other reports the run writes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/schemas.js';
import { CLI_TIMEOUT, type CliResult, cli, expectNoStack, SMALL, SMALL_AS_OF, useCliSuite } from './_cli.js';

const base = ['check', SMALL, '--as-of', SMALL_AS_OF, '--fail-on', 'none', '--quiet'];
const FORMATS = ['text', 'json', 'ndjson', 'junit', 'sarif', 'markdown', 'html'] as const;
/** `generatedAt` is the only field that may differ between two runs (`interface.md`). */
const stable = (text: string) =>
  text
    // The HTML report also prints it for a reader ("Sun 6 Dec 2026, 03:51 (UTC)"): a minute may turn between runs.
    .replace(/(<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z">)[^<]*<\/time>/g, '$1</time>')
    // And in its footer ("Written by ... on Sun 6 Dec 2026, 03:51 (UTC).").
    .replace(
      /(Written by [^<]*? on )[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d \([^)]*\)/g,
      '$1GENERATED-AT',
    )
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'GENERATED-AT');

/** Equal, or where they first differ (not two whole documents). */
function expectSame(actual: string, expected: string, what: string) {
  if (actual === expected) return;
  let i = 0;
  while (actual[i] === expected[i]) i++;
  expect(`${what} at ${i}: ${actual.slice(i - 80, i + 80)}`).toBe(
    `${what} at ${i}: ${expected.slice(i - 80, i + 80)}`,
  );
}

describe('the JSON report', { timeout: CLI_TIMEOUT }, () => {
  it('is compact, reads meta, cases, summary, keeps parameters in meta and only what findings read', async () => {
    const r = await cli([...base, '--format', 'json']);
    expectNoStack(r);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['meta', 'cases', 'summary']);
    expect(report.meta.detail).toBe('findings');
    expect(report.meta.parameters['1.2.1']).toEqual({ processExplainedWithin: 5 });
    const findings = (report.cases ?? []).flatMap((c) => c.findings);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      if (f.status === 'not_applicable') expect(f.measured, f.ref).toBeUndefined();
      else expect(f.measured ?? {}, f.ref).not.toHaveProperty('parameters');
    }
    const pretty = await cli([...base, '--format', 'json', '--pretty']);
    expect(pretty.stdout).toContain('\n  "meta": {');
    expect(stable(JSON.stringify(JSON.parse(pretty.stdout)))).toBe(stable(JSON.stringify(report)));
  });

  it('keeps every measurement at --detail full, and only meta and summary at --detail summary', async () => {
    const [full, summary, ndjson] = await Promise.all([
      cli([...base, '--format', 'json', '--detail', 'full']),
      cli([...base, '--format', 'json', '--detail', 'summary']),
      cli([...base, '--format', 'ndjson', '--detail', 'summary']),
    ]);
    const f = ReportSchema.parse(JSON.parse(full.stdout));
    expect(f.meta.detail).toBe('full');
    expect((f.cases ?? []).every((c) => c.findings.every((x) => x.measured !== undefined))).toBe(true);
    expect((f.cases ?? [])[0]?.findings.find((x) => x.ref === '1.2.1')?.measured).toHaveProperty(
      'parameters',
    );
    const s = JSON.parse(summary.stdout) as Record<string, unknown>;
    expect(Object.keys(s)).toEqual(['meta', 'summary']);
    expect(s.summary).toEqual(f.summary);
    const lines = ndjson.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ type: 'summary' });
  });

  it('rejects an unknown detail as a usage error', async () => {
    const r = await cli([...base, '--detail', 'everything']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--detail');
  });
});

describe('every report', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();
  // Each format written alone, once for both tests.
  let aloneRuns: Promise<CliResult[]> | undefined;
  const runAlone = () => {
    aloneRuns ??= Promise.all(FORMATS.map((format) => cli([...base, '--format', format])));
    return aloneRuns;
  };

  it('is the same written beside any one other format (every pair)', {
    timeout: CLI_TIMEOUT * 3,
  }, async () => {
    const alone = await runAlone();
    const dir = suite.dir();
    const pairs = FORMATS.flatMap((a, i) => FORMATS.slice(i + 1).map((b) => [a, b] as const));
    expect(pairs).toHaveLength(21);
    const runs = await Promise.all(
      pairs.map(([a, b]) =>
        cli([...base, '--format', a, '--report', `${b}:${join(dir, `${a}-${b}`, `${b}.out`)}`]),
      ),
    );
    for (const [k, [a, b]] of pairs.entries()) {
      const r = runs[k];
      expectNoStack(r as CliResult);
      expectSame(
        stable(r?.stdout ?? ''),
        stable(alone[FORMATS.indexOf(a)]?.stdout ?? ''),
        `${a} beside ${b}`,
      );
      const file = await readFile(join(dir, `${a}-${b}`, `${b}.out`), 'utf8');
      expectSame(stable(file), stable(alone[FORMATS.indexOf(b)]?.stdout ?? ''), `${b} beside ${a}`);
    }
  });

  it('is the same written alone as written beside every other format, and beside html', async () => {
    const alone = await runAlone();
    for (const r of alone) expectNoStack(r);
    const dir = suite.dir();
    const others = (format: string, tag: string, with_: readonly string[]) =>
      with_.filter((x) => x !== format).flatMap((x) => ['--report', `${x}:${join(dir, tag, `${x}.out`)}`]);
    const together = await Promise.all(
      FORMATS.flatMap((format) => [
        cli([...base, '--format', format, ...others(format, `${format}-all`, FORMATS)]),
        cli([...base, '--format', format, ...others(format, `${format}-html`, ['html', 'json'])]),
      ]),
    );
    for (const [i, format] of FORMATS.entries()) {
      const expected = stable(alone[i]?.stdout ?? '');
      expect(expected.length, format).toBeGreaterThan(0);
      expectSame(stable(together[2 * i]?.stdout ?? ''), expected, `${format} beside every format`);
      expectSame(stable(together[2 * i + 1]?.stdout ?? ''), expected, `${format} beside html and json`);
      // And the files the other runs wrote in this format are the same too.
      for (const other of FORMATS.filter((x) => x !== format)) {
        const file = await readFile(join(dir, `${other}-all`, `${format}.out`), 'utf8');
        expectSame(stable(file), expected, `${format} written beside ${other}`);
      }
    }
  });
});

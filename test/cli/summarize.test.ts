/**
 * `summarize`: the NDJSON outputs of runs over shards of a log merge into the report one run over
 * the whole log gives.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/index.js';
import { ReportSchema } from '../../src/schemas.js';
import {
  CLI_TIMEOUT,
  type CliResult,
  checkSample,
  cli,
  expectNoStack,
  ROOT,
  SAMPLE,
  SAMPLE_AS_OF,
  useCliSuite,
} from './_cli.js';

describe('service-standards summarize', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();
  // One run over the whole sample, for the tests to compare merged shards with.
  let wholeRun: Promise<CliResult> | undefined;
  const wholeSample = () => {
    wholeRun ??= cli(checkSample('--format', 'json'));
    return wholeRun;
  };

  it('merges check --format ndjson over two shards into the report of one run over the whole', async () => {
    const dir = suite.dir();
    const lines = (await readFile(join(ROOT, SAMPLE), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    const cut = 21;
    const shards = [lines.slice(0, cut), lines.slice(cut)];
    const inputs = shards.map((_, i) => join(dir, `shard-${i + 1}.ndjson`));
    const outputs = shards.map((_, i) => join(dir, `shard-${i + 1}.out.ndjson`));
    await Promise.all(shards.map((s, i) => writeFile(inputs[i] ?? '', `${s.join('\n')}\n`)));

    const common = ['--as-of', SAMPLE_AS_OF, '--fail-on', 'none'];
    const [whole, ...judged] = await Promise.all([
      wholeSample(),
      ...inputs.map((input) => cli(['check', input, ...common, '--format', 'ndjson'])),
    ]);
    for (const r of [whole, ...judged]) {
      expectNoStack(r);
      expect(r.code).toBe(0);
    }
    await Promise.all(judged.map((r, i) => writeFile(outputs[i] ?? '', r.stdout)));

    const merged = await cli(['summarize', ...outputs, '--format', 'json', '--fail-on', 'none']);
    expectNoStack(merged);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);

    const one = ReportSchema.parse(JSON.parse(whole?.stdout ?? ''));
    const two = ReportSchema.parse(JSON.parse(merged.stdout));
    expect(two.summary).toEqual(one.summary);
    expect(two.summary.cases).toBe(50);

    // The cases are the same, in the same order; only where each was read from differs: line n
    // of the second shard is line cut + n of the sample.
    const place = (c: CaseResult) =>
      c.source?.file === inputs[1]
        ? { file: SAMPLE, line: (c.source?.line ?? 0) + cut }
        : { ...c.source, file: SAMPLE };
    expect((two.cases ?? []).map(place)).toEqual((one.cases ?? []).map((c) => c.source));
    const judgement = ({ source: _, ...c }: CaseResult) => c;
    expect((two.cases ?? []).map(judgement)).toEqual((one.cases ?? []).map(judgement));

    // And meta: the same run facts, with both shards as the inputs.
    expect(two.meta.inputs.map((i) => i.file)).toEqual(inputs);
    const { inputs: _a, generatedAt: _b, ...facts } = one.meta;
    expect(two.meta).toMatchObject(facts);
  });

  it('keeps the run facts of every shard: a shard of 2025 cases only still lists 2024 holidays', async () => {
    const dir = suite.dir();
    const lines = (await readFile(join(ROOT, SAMPLE), 'utf8')).trimEnd().split('\n');
    const only2025 = (line: string) =>
      (JSON.parse(line) as { events: { at: string }[] }).events.every((e) => e.at.startsWith('2025'));
    const shards = [lines.filter(only2025), lines.filter((l) => !only2025(l))];
    expect(shards.map((s) => s.length > 0)).toEqual([true, true]);
    const outputs = await Promise.all(
      shards.map(async (shard, i) => {
        const input = join(dir, `by-year-${i + 1}.ndjson`);
        await writeFile(input, `${shard.join('\n')}\n`);
        const r = await cli([
          'check',
          input,
          '--as-of',
          SAMPLE_AS_OF,
          '--fail-on',
          'none',
          '--format',
          'ndjson',
        ]);
        expect(r.code).toBe(0);
        const out = join(dir, `by-year-${i + 1}.out.ndjson`);
        await writeFile(out, r.stdout);
        return out;
      }),
    );
    const [whole, merged] = await Promise.all([
      wholeSample(),
      cli(['summarize', ...outputs, '--format', 'json', '--fail-on', 'none']),
    ]);
    expect(merged.code).toBe(0);
    const one = ReportSchema.parse(JSON.parse(whole.stdout));
    const two = ReportSchema.parse(JSON.parse(merged.stdout));
    expect(two.summary).toEqual(one.summary);
    expect(one.meta.calendar.holidays.map((h) => h.date)).toContain('2024-12-25');
    expect(two.meta.calendar).toEqual(one.meta.calendar);
  });

  it('writes an HTML report that lists at most --html-max-cases cases and says how many it left out', async () => {
    const dir = suite.dir();
    const run = await cli(checkSample('--format', 'ndjson'));
    expect(run.code).toBe(0);
    const shard = join(dir, 'whole.out.ndjson');
    await writeFile(shard, run.stdout);
    const html = await cli([
      'summarize',
      shard,
      '--format',
      'html',
      '--html-max-cases',
      '3',
      '--fail-on',
      'none',
    ]);
    expectNoStack(html);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('This page lists 3 of the 50 cases judged');
    const bad = await cli(['summarize', shard, '--format', 'html', '--html-max-cases', '0']);
    expect(bad.code).toBe(2);
  });

  it('refuses shards judged as of different instants', async () => {
    const dir = suite.dir();
    const [first] = (await readFile(join(ROOT, SAMPLE), 'utf8')).split('\n');
    const input = join(dir, 'one.ndjson');
    await writeFile(input, `${first}\n`);
    const runs = await Promise.all(
      [SAMPLE_AS_OF, '2025-07-31T17:00:00+01:00'].map((asOf) =>
        cli(['check', input, '--as-of', asOf, '--fail-on', 'none', '--format', 'ndjson']),
      ),
    );
    const outputs = await Promise.all(
      runs.map(async (r, i) => {
        const out = join(dir, `asof-${i}.ndjson`);
        await writeFile(out, r.stdout);
        return out;
      }),
    );
    const r = await cli(['summarize', ...outputs]);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: .*asof-1\.ndjson: judged with another asOf than .*asof-0\.ndjson \(2025-07-31/,
    );
  });
});

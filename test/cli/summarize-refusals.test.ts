/**
 * `summarize` refuses what would merge into a wrong report (a case in two shards, a shard given
 * twice, shards of different runs, an unfinished shard), writes every format `check` writes
 * (NDJSON included, so a merge can be merged again) and exits on thresholds as `check` does.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/schemas.js';
import { CLI_TIMEOUT, cli, expectNoStack, ROOT, SAMPLE, SAMPLE_AS_OF, useCliSuite } from './_cli.js';

describe('service-standards summarize: refusals, formats and thresholds', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();
  let dir = '';
  /** The sample judged in three shards (cases 1-20, 21-35, 36-50) and whole, all as NDJSON. */
  let out: string[] = [];
  let whole = '';
  let lines: string[] = [];
  const judge = async (input: string, output: string, extra: string[] = []) => {
    const r = await cli([
      'check',
      input,
      '--as-of',
      SAMPLE_AS_OF,
      '--fail-on',
      'none',
      '--format',
      'ndjson',
      ...extra,
    ]);
    expect(r.code).toBe(0);
    await writeFile(output, r.stdout);
    return output;
  };
  beforeAll(async () => {
    dir = suite.dir();
    lines = (await readFile(join(ROOT, SAMPLE), 'utf8')).trimEnd().split('\n');
    const parts = [lines.slice(0, 20), lines.slice(20, 35), lines.slice(35)];
    const inputs = parts.map((_, i) => join(dir, `part-${i}.ndjson`));
    await Promise.all(parts.map((p, i) => writeFile(inputs[i] ?? '', `${p.join('\n')}\n`)));
    [whole, ...out] = await Promise.all([
      judge(join(ROOT, SAMPLE), join(dir, 'whole.out.ndjson')),
      ...inputs.map((input, i) => judge(input, join(dir, `part-${i}.out.ndjson`))),
    ]);
  }, CLI_TIMEOUT);
  const summaryOf = async (file: string) =>
    JSON.parse((await readFile(file, 'utf8')).trimEnd().split('\n').at(-1) ?? '').summary;

  it('refuses a case that is in two shards, naming both files and the line', async () => {
    const overlap = join(dir, 'overlap.ndjson');
    const shard = await judge(await _write(overlap, lines.slice(18, 22)), join(dir, 'overlap.out.ndjson'));
    const r = await cli(['summarize', out[0] ?? '', shard, '--fail-on', 'none']);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/overlap\.out\.ndjson: line 1: case "[^"]+" is also in .*part-0\.out\.ndjson/);
  });

  it('refuses the same shard given twice', async () => {
    const r = await cli(['summarize', out[0] ?? '', out[1] ?? '', out[0] ?? '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/part-0\.out\.ndjson: given twice/);
  });

  it('refuses a shard judged with another config, naming both files, before writing anything', async () => {
    const config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ calendar: { countReceiptDay: true } }));
    const other = await judge(join(dir, 'part-1.ndjson'), join(dir, 'config.out.ndjson'), [
      '--config',
      config,
    ]);
    const r = await cli(['summarize', out[0] ?? '', other, '--format', 'ndjson']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config\.out\.ndjson: judged with another config than .*part-0\.out\.ndjson/);
    expect(r.stdout).toBe('');
  });

  it('refuses a shard with a case line missing or without its summary line', async () => {
    const text = await readFile(out[1] ?? '', 'utf8');
    const [first, ...rest] = text.trimEnd().split('\n');
    const short = join(dir, 'short.ndjson');
    await writeFile(short, `${rest.join('\n')}\n`);
    const cut = join(dir, 'cut.ndjson');
    await writeFile(cut, `${first}\n`);
    const [a, b] = await Promise.all([cli(['summarize', out[0] ?? '', short]), cli(['summarize', cut])]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(
      /short\.ndjson: line 15: the summary counts 15 cases but 14 case lines precede it/,
    );
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/cut\.ndjson: no summary line at the end: the output is incomplete/);
  });

  it('writes NDJSON that merges again: three shards in two levels give the whole run', async () => {
    const level1 = join(dir, 'level1.ndjson');
    const a = await cli(['summarize', out[0] ?? '', out[1] ?? '', '--format', 'ndjson', '--fail-on', 'none']);
    expect(a.code).toBe(0);
    await writeFile(level1, a.stdout);
    const b = await cli(['summarize', level1, out[2] ?? '', '--format', 'json', '--fail-on', 'none']);
    expect(b.code).toBe(0);
    const merged = ReportSchema.parse(JSON.parse(b.stdout));
    expect(merged.summary).toEqual(await summaryOf(whole));
    const caseLines = async (file: string) =>
      (await readFile(file, 'utf8'))
        .trimEnd()
        .split('\n')
        .slice(0, -1)
        .map((l) => {
          const { source: _, ...rest } = JSON.parse(l);
          return JSON.stringify(rest);
        })
        .sort();
    const wholeCases = await caseLines(whole);
    expect(
      merged.cases
        ?.map((c) => {
          const { source: _, ...rest } = c;
          return JSON.stringify({ type: 'case', ...rest });
        })
        .sort(),
    ).toEqual(wholeCases);
  });

  it('fails on findings as check does (--fail-on fail by default, --min-compliance) and writes --report files', async () => {
    const report = join(dir, 'reports', 'merged.json');
    const [dflt, none, min] = await Promise.all([
      cli(['summarize', ...out, '--format', 'markdown', '--report', `json:${report}`]),
      cli(['summarize', ...out, '--fail-on', 'none']),
      cli(['summarize', ...out, '--fail-on', 'none', '--min-compliance', '99.9']),
    ]);
    const summary = await summaryOf(whole);
    expect(summary.byStatus.fail).toBeGreaterThan(0);
    expect(dflt.code).toBe(1);
    expect(dflt.stderr).toMatch(/findings at or above --fail-on fail/);
    expect(ReportSchema.parse(JSON.parse(await readFile(report, 'utf8'))).summary).toEqual(summary);
    expect(none.code).toBe(0);
    expect(min.code).toBe(1);
    expect(min.stderr).toMatch(/compliance is .*%, under 99\.9%/);
  });
});

async function _write(file: string, lines: string[]): Promise<string> {
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * `shard`: a log split by a stable hash of the case id, every case in exactly one shard, the
 * same input giving the same shards, for case-per-line and flat logs alike; and the shards,
 * judged and merged, give the report of one run over the whole log.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../scripts/generate-log.js';
import { fnv1a32, shardOf } from '../../src/cli/shard-hash.js';
import { ReportSchema } from '../../src/schemas.js';
import { CLI_TIMEOUT, cli, expectNoStack, ROOT, SAMPLE, useCliSuite } from './_cli.js';

describe('shard hash', () => {
  it('is 32-bit FNV-1a over UTF-8 (the published test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    // UTF-8 bytes, not UTF-16 code units: "é" is 0xc3 0xa9.
    expect(fnv1a32('é')).toBe(Math.imul(Math.imul(0x811c9dc5 ^ 0xc3, 0x01000193) ^ 0xa9, 0x01000193) >>> 0);
    expect(shardOf('foobar', 8)).toBe(0xbf9cf968 % 8);
  });
});

describe('service-standards shard', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();
  const caseIds = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { caseId: string }).caseId);

  it('puts every case of a case-per-line log in exactly one shard, by the hash, the same every time', async () => {
    const dir = suite.dir();
    const [a, b] = await Promise.all([
      cli(['shard', SAMPLE, '--shards', '4', '--out', join(dir, 'a')]),
      cli(['shard', SAMPLE, '--shards', '4', '--out', join(dir, 'b')]),
    ]);
    for (const r of [a, b]) {
      expectNoStack(r);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const files = a.stdout.trimEnd().split('\n');
    expect(files.map((f) => f.slice(dir.length + 3))).toEqual([
      'shard-001-of-004.ndjson',
      'shard-002-of-004.ndjson',
      'shard-003-of-004.ndjson',
      'shard-004-of-004.ndjson',
    ]);
    const sample = await readFile(join(ROOT, SAMPLE), 'utf8');
    const byId = new Map(
      sample
        .trimEnd()
        .split('\n')
        .map((l) => [(JSON.parse(l) as { caseId: string }).caseId, l]),
    );
    const seen: string[] = [];
    for (const [i, file] of files.entries()) {
      const text = await readFile(file, 'utf8');
      expect(await readFile(join(dir, 'b', file.slice(dir.length + 3)), 'utf8')).toBe(text);
      for (const line of text.trimEnd().split('\n')) {
        const kase = JSON.parse(line) as { caseId: string };
        expect(shardOf(kase.caseId, 4)).toBe(i);
        expect(kase).toEqual(JSON.parse(byId.get(kase.caseId) ?? 'null'));
        seen.push(kase.caseId);
      }
    }
    expect(seen.sort()).toEqual([...byId.keys()].sort());
  });

  it('shards a flat CSV log sorted by case with its mapping; judged and merged, the shards give the whole run', async () => {
    const dir = suite.dir();
    const log = await generateLog({ cases: 300, format: 'csv', out: join(dir, 'log.csv'), seed: 7 });
    const mapping = log.mapping ?? '';
    const asOf = '2026-06-30T17:00:00+01:00';
    const r = await cli([
      'shard',
      log.file,
      '--mapping',
      mapping,
      '--sorted-by-case',
      '--shards',
      '3',
      '--out',
      join(dir, 'shards'),
    ]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const shards = r.stdout.trimEnd().split('\n');
    expect(shards).toHaveLength(3);
    const ids = (await Promise.all(shards.map((f) => readFile(f, 'utf8')))).flatMap(caseIds);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    const common = ['--as-of', asOf, '--fail-on', 'none', '--quiet'];
    const [whole, ...judged] = await Promise.all([
      cli(['check', log.file, '--mapping', mapping, '--sorted-by-case', ...common, '--format', 'json']),
      ...shards.map((f) => cli(['check', f, ...common, '--format', 'ndjson'])),
    ]);
    const outs = await Promise.all(
      judged.map(async (j, i) => {
        expect(j.code).toBe(0);
        const out = join(dir, `out-${i}.ndjson`);
        await writeFile(out, j.stdout);
        return out;
      }),
    );
    const merged = await cli(['summarize', ...outs, '--format', 'json', '--fail-on', 'none']);
    expect(merged.code).toBe(0);
    const one = ReportSchema.parse(JSON.parse(whole.stdout));
    const many = ReportSchema.parse(JSON.parse(merged.stdout));
    expect(many.summary).toEqual(one.summary);
    // Each lists the cases in the order it read them (the whole log's, the shards'): compared by id.
    const judgements = (cases: typeof one.cases) =>
      [...(cases ?? [])].sort((a, b) => (a.caseId < b.caseId ? -1 : 1)).map(({ source: _, ...c }) => c);
    expect(judgements(many.cases)).toEqual(judgements(one.cases));
  });

  it('refuses a folder that already holds shards, and a shard count out of range', async () => {
    const dir = join(suite.dir(), 'held');
    await mkdir(dir);
    await writeFile(join(dir, 'shard-001-of-002.ndjson'), '');
    const [held, zero] = await Promise.all([
      cli(['shard', SAMPLE, '--shards', '4', '--out', dir]),
      cli(['shard', SAMPLE, '--shards', '0', '--out', join(dir, 'x')]),
    ]);
    expect(held.code).toBe(2);
    expect(held.stderr).toMatch(/already holds shard-001-of-002\.ndjson .*remove them first/);
    expect(await readdir(dir)).toEqual(['shard-001-of-002.ndjson']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/--shards/);
  });

  it('lists cases the reader rejects in rejected.ndjson and exits 2, the other cases sharded', async () => {
    const dir = suite.dir();
    const input = join(dir, 'bad.ndjson');
    const lines = (await readFile(join(ROOT, SAMPLE), 'utf8')).trimEnd().split('\n').slice(0, 5);
    await writeFile(input, `${[...lines, '{"caseId": "broken", "events": '].join('\n')}\n`);
    const r = await cli(['shard', input, '--shards', '2', '--out', join(dir, 'out')]);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /1 case\(s\) rejected as invalid: listed with their problems in .*rejected\.ndjson/,
    );
    const rejected = (await readFile(join(dir, 'out', 'rejected.ndjson'), 'utf8')).trimEnd().split('\n');
    expect(rejected).toHaveLength(1);
    expect(JSON.parse(rejected[0] ?? '').source.line).toBe(6);
    const shards = r.stdout.trimEnd().split('\n');
    expect((await Promise.all(shards.map((f) => readFile(f, 'utf8')))).flatMap(caseIds)).toHaveLength(5);
  });
});

/**
 * `meta.generatedAt` is the only field that may differ between two runs on the same inputs: not
 * the machine's time zone. Cases are reported as they are judged, in input order
 * (`interface.md`), so a log in another order lists them in that order, each the same, with the
 * same summary, whatever the order of the events within them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/index.js';
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
  withoutGeneratedAt,
} from './_cli.js';

/** A small seeded generator (mulberry32): the shuffle is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Byte for byte; on a difference, says where rather than print two large documents. */
function expectSameBytes(actual: string, expected: string, actualName: string, expectedName: string) {
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  const at = Math.max(
    0,
    a.findIndex((line, n) => line !== e[n]),
  );
  expect(`${actualName} line ${at + 1}: ${a[at]}`).toBe(`${expectedName} line ${at + 1}: ${e[at]}`);
  expect(actual.length).toBe(expected.length);
}

const checkJson = (input: string, env: Record<string, string> = {}) =>
  cli(['check', input, '--as-of', SAMPLE_AS_OF, '--fail-on', 'none', '--format', 'json'], { env });

describe('service-standards check: the same inputs give the same report', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();
  // The sample judged under UTC, for both tests (each run of the sample costs a second or two).
  let utc: Promise<CliResult> | undefined;
  const sampleUnderUtc = () => {
    utc ??= checkJson(SAMPLE, { TZ: 'UTC' });
    return utc;
  };

  it('whatever the time zone of the machine', async () => {
    const zones = ['UTC', 'Pacific/Auckland', 'America/Sao_Paulo'];
    const runs = await Promise.all(
      zones.map((TZ) => (TZ === 'UTC' ? sampleUnderUtc() : checkJson(SAMPLE, { TZ }))),
    );
    for (const r of runs) {
      expectNoStack(r);
      expect(r.code).toBe(0);
    }
    const [utc, ...others] = runs.map((r) => withoutGeneratedAt(r.stdout));
    expect(JSON.parse(utc ?? '').summary.cases).toBe(50);
    for (const [i, other] of others.entries())
      expectSameBytes(other ?? '', utc ?? '', zones[i + 1] ?? '', 'UTC');
  });

  it('whichever evaluator decides the conditions, on one thread or two', async () => {
    const [compiled, reference, referenceOnTwo] = await Promise.all([
      sampleUnderUtc(),
      cli(checkSample('--format', 'json', '--evaluator', 'json-rules-engine'), { env: { TZ: 'UTC' } }),
      cli(checkSample('--format', 'json', '--evaluator', 'json-rules-engine', '--workers', '2'), {
        env: { TZ: 'UTC' },
      }),
    ]);
    for (const r of [compiled, reference, referenceOnTwo]) {
      expectNoStack(r);
      expect(r.code).toBe(0);
    }
    const expected = withoutGeneratedAt(compiled.stdout);
    expectSameBytes(withoutGeneratedAt(reference.stdout), expected, 'json-rules-engine', 'compiled');
    expectSameBytes(
      withoutGeneratedAt(referenceOnTwo.stdout),
      expected,
      'json-rules-engine, 2 threads',
      'compiled',
    );
  });

  it('whatever the order of the events; the cases in the order the input gives them', async () => {
    const next = random(20250630);
    const lines = (await readFile(join(ROOT, SAMPLE), 'utf8')).trimEnd().split('\n');
    const shuffled = shuffle(lines, next).map((line) => {
      const c = JSON.parse(line) as { events: unknown[] };
      return JSON.stringify({ ...c, events: shuffle(c.events, next) });
    });
    expect(shuffled).not.toEqual(lines);
    const copy = join(suite.dir(), 'shuffled.ndjson');
    await writeFile(copy, `${shuffled.join('\n')}\n`);

    const [original, reordered] = await Promise.all([sampleUnderUtc(), checkJson(copy, { TZ: 'UTC' })]);
    for (const r of [original, reordered]) {
      expectNoStack(r);
      expect(r.code).toBe(0);
    }
    // What names the input differs, as it should: its file, its hash, and each case's line.
    // Everything else is the same, byte for byte.
    const comparable = (json: string, lineOf: (line: number) => number) => {
      ReportSchema.parse(JSON.parse(json));
      // Not the parsed report: a field the schema does not know must be compared too.
      const report = JSON.parse(json) as Report;
      expect(report.meta.inputs).toHaveLength(1);
      report.meta.generatedAt = '';
      report.meta.inputs = [];
      const byId = [...(report.cases ?? [])].sort((x, y) => (x.caseId < y.caseId ? -1 : 1));
      const sources = byId.map((c) => lineOf(c.source?.line ?? Number.NaN));
      return {
        text: JSON.stringify({ ...report, cases: byId.map(({ source: _, ...c }) => c) }, null, 2),
        sources,
        order: (report.cases ?? []).map((c) => c.caseId),
      };
    };
    // Line n of the copy holds the case of line copyLineToOriginal(n) of the sample.
    const lineOfCase = new Map(lines.map((l, i) => [(JSON.parse(l) as { caseId: string }).caseId, i + 1]));
    const copyLineToOriginal = new Map(
      shuffled.map((l, i) => [i + 1, lineOfCase.get((JSON.parse(l) as { caseId: string }).caseId) ?? -1]),
    );
    const a = comparable(original.stdout, (n) => n);
    const b = comparable(reordered.stdout, (n) => copyLineToOriginal.get(n) ?? -1);
    expect(b.sources).toEqual(a.sources);
    expectSameBytes(b.text, a.text, 'shuffled', 'sample');
    // Each report lists the cases in the order its input gives them.
    const idOf = (line: string) => (JSON.parse(line) as { caseId: string }).caseId;
    expect(a.order).toEqual(lines.map(idOf));
    expect(b.order).toEqual(shuffled.map(idOf));
  });
});

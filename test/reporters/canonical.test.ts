import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  evaluateCase,
  formatJson,
  formatNdjsonCase,
  formatNdjsonSummary,
  loadRuleset,
  prepareEvaluation,
} from '../../src/index.js';
import { type CaseResult, CaseResultSchema, FindingSchema } from '../../src/model/finding.js';
import { type Report, ReportMetaSchema, ReportSchema } from '../../src/model/report.js';
import { SummarySchema } from '../../src/model/summary.js';
import { canonicalCase, canonicalize, canonicalPlan } from '../../src/reporters/canonical.js';
import { compare } from '../../src/reporters/common.js';
import { caseArb } from '../support/case-arbitrary.js';
import { deepFreeze, FIXTURES_DIR } from '../support/fixtures.js';
import { sampleReport } from '../support/report.js';

/**
 * The first implementation of `canonicalize`, kept as the oracle: a key-sorted copy of everything,
 * walking the zod schema at every value. The compiled one must print exactly the same bytes.
 */
function oracle(value: unknown, schema: z.core.$ZodType | undefined): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return oracle(value, schema.unwrap());
  if (Array.isArray(value)) {
    const element = schema instanceof z.ZodArray ? schema.element : undefined;
    return value.map((v) => oracle(v, element));
  }
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.core.$ZodType> = schema.shape;
    for (const key of Object.keys(shape)) {
      if (object[key] !== undefined) out[key] = oracle(object[key], shape[key]);
    }
    for (const key of Object.keys(object).sort(compare)) {
      if (!(key in shape) && object[key] !== undefined) out[key] = oracle(object[key], undefined);
    }
    return out;
  }
  const element = schema instanceof z.ZodRecord ? schema.valueType : undefined;
  for (const key of Object.keys(object).sort(compare)) {
    if (object[key] !== undefined) out[key] = oracle(object[key], element);
  }
  return out;
}

/** The NDJSON case line as it was first written: the canonical copy spread after `type`. */
const oracleLine = (result: unknown) =>
  `${JSON.stringify({ type: 'case', ...(oracle(result, CaseResultSchema) as object) })}\n`;

const SCHEMAS: [string, z.core.$ZodType | undefined][] = [
  ['CaseResultSchema', CaseResultSchema],
  ['FindingSchema', FindingSchema],
  ['ReportSchema', ReportSchema],
  ['ReportMetaSchema', ReportMetaSchema],
  ['SummarySchema', SummarySchema],
  ['no schema', undefined],
];

/** Both printed, or both thrown with the same message. */
function printed(f: () => unknown): string {
  try {
    return `ok ${JSON.stringify(f())}`;
  } catch (e) {
    return `throws ${(e as Error).message}`;
  }
}

/** Expects `canonicalize` and the oracle to print the same bytes under every schema. */
function expectSame(value: unknown): void {
  for (const [name, schema] of SCHEMAS) {
    expect(
      printed(() => canonicalize(value, canonicalPlan(schema))),
      name,
    ).toBe(printed(() => oracle(value, schema)));
  }
  // formatNdjsonCase refuses anything but an object at its entry (a UsageError; see misuse.test.ts).
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    expect(printed(() => formatNdjsonCase(value as CaseResult))).toBe(printed(() => oracleLine(value)));
  }
}

/** A small deterministic generator, so that one fast-check integer drives a whole rearrangement. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

const AWKWARD_KEYS = ['__proto__', 'toJSON', 'constructor', 'type', '0', '10', '9', 'zz', 'Z', 'é', ''];

/**
 * A deep copy with the keys shuffled and, depending on `level`, undefined values, extra keys
 * (among them `__proto__`, `type`, array indices), null-prototype objects, holes, a `toJSON`
 * method or a Date mixed in: everything a result parsed back, built by hand or sent from a
 * worker might hold.
 */
function mess(value: unknown, seed: number, level: number): unknown {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const go = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const out = v.map(go) as unknown[] & Record<string, unknown>;
      if (level > 1 && random() < 0.05) out.length += 1; // a trailing hole
      if (level > 1 && random() < 0.05) delete out[0];
      if (level > 2 && random() < 0.05) out[pick(['type', 'extra'])] = pick(['x', undefined]);
      if (level > 2 && random() < 0.02) out.toJSON = () => 'replaced';
      return out;
    }
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v).map(([k, x]): [string, unknown] => [k, go(x)]);
    if (random() < 0.6) {
      for (let i = entries.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]];
      }
    }
    if (level > 0 && random() < 0.15)
      entries.splice(Math.floor(random() * (entries.length + 1)), 0, ['u', undefined]);
    if (level > 1 && random() < 0.1)
      entries.push([pick(AWKWARD_KEYS), pick([1, 'x', null, undefined, { b: 1, a: 2 }, [2, 1]])]);
    const out: Record<string, unknown> = level > 1 && random() < 0.1 ? Object.create(null) : {};
    for (const [k, x] of entries)
      Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    if (level > 2 && random() < 0.02) out.toJSON = () => 'replaced';
    if (level > 2 && random() < 0.02) return new Date(0);
    return out;
  };
  return go(value);
}

/** Every result of the sample log, and of some generated case histories, judged by the shipped rules. */
async function judgeAll(): Promise<CaseResult[]> {
  const ruleset = deepFreeze(await loadRuleset());
  const prepared = prepareEvaluation(ruleset);
  const out: CaseResult[] = [];
  const lines = readFileSync(join(FIXTURES_DIR, 'sample/sample.ndjson'), 'utf8').trim().split('\n');
  for (const line of lines)
    out.push(await evaluateCase(JSON.parse(line), { ruleset, prepared, asOf: '2025-06-30T17:00:00+01:00' }));
  for (const { input, asOf } of fc.sample(caseArb, { numRuns: 40, seed: 5 })) {
    try {
      out.push(await evaluateCase(input, { untrusted: true, ruleset, prepared, asOf, timeline: true }));
    } catch {
      // A generated case the engine rejects has no result to print.
    }
  }
  return out;
}
let _results: Promise<CaseResult[]> | undefined;
const realResults = () => {
  _results ??= judgeAll();
  return _results;
};

describe('canonicalize (compiled) against the first implementation', () => {
  it('prints real results identically, as built and rearranged in every way', async () => {
    const results = await realResults();
    expect(results.length).toBeGreaterThan(40);
    for (const [i, result] of results.entries()) {
      expect(formatNdjsonCase(result)).toBe(oracleLine(result));
      for (const level of [0, 1, 2, 3]) expectSame(mess(result, i * 31 + level, level));
    }
    const report: Report = { ...sampleReport(), cases: results };
    expect(formatJson(report)).toBe(`${JSON.stringify(oracle(report, ReportSchema), null, 2)}\n`);
    expect(formatJson(mess(report, 1, 1) as Report, { indent: 0 })).toBe(
      `${JSON.stringify(oracle(report, ReportSchema))}\n`,
    );
  });

  it('returns a result already in canonical order as it is, without copying', async () => {
    for (const result of await realResults()) {
      const canonical = JSON.parse(JSON.stringify(oracle(result, CaseResultSchema)));
      expect(canonicalCase(canonical)).toBe(canonical);
    }
    const report = JSON.parse(formatJson(sampleReport()));
    expect(canonicalize(report, canonicalPlan(ReportSchema))).toBe(report);
  });

  it('copies only what is out of order, and leaves the input untouched', () => {
    const finding = {
      ref: '1',
      id: 'a',
      status: 'pass',
      explanation: '',
      evidence: [],
      measured: { a: 1, b: { y: 1, x: 2 } },
    };
    const other = {
      ref: '2',
      id: 'b',
      status: 'pass',
      explanation: '',
      evidence: ['e1'],
      measured: { a: [1] },
    };
    const result = deepFreeze({
      caseId: 'C',
      status: 'pass',
      events: 1,
      eventsAfterAsOf: 0,
      findings: [finding, other],
    });
    const before = JSON.stringify(result);
    const canonical = canonicalCase(result) as typeof result;
    expect(JSON.stringify(result)).toBe(before);
    expect(canonical).not.toBe(result);
    expect(canonical.findings[1]).toBe(other);
    expect(canonical.findings[0]?.evidence).toBe(finding.evidence);
    expect(JSON.stringify(canonical.findings[0]?.measured)).toBe('{"a":1,"b":{"x":2,"y":1}}');
  });

  it('prints the same for fast-check values of any shape, under every schema', () => {
    const key = fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.constantFrom(...AWKWARD_KEYS, 'caseId', 'findings', 'measured', 'meta'),
    );
    const anything = fc.anything({
      key,
      maxDepth: 4,
      withNullPrototype: true,
      withSparseArray: true,
      withDate: true,
      withMap: true,
      withBoxedValues: true,
      withTypedArray: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(anything, fc.integer(), fc.integer({ min: 0, max: 3 }), (value, seed, level) => {
        expectSame(value);
        expectSame(mess(value, seed, level));
      }),
      { numRuns: Number(process.env.RUNS ?? 1500), seed: Number(process.env.SEED ?? 11) },
    );
  });

  it('prints the same for fast-check values shaped like results and reports', () => {
    const status = fc.constantFrom('pass', 'fail', 'pending', 'not_applicable');
    const free = fc.jsonValue({ maxDepth: 3 });
    const finding = fc.record(
      {
        ref: fc.string(),
        id: fc.string(),
        status,
        explanation: fc.string(),
        evidence: fc.array(fc.string(), { maxLength: 3 }),
        measured: fc.dictionary(fc.string({ maxLength: 4 }), free, { maxKeys: 6 }),
        dueAt: fc.string(),
        extra: free,
      },
      { requiredKeys: ['ref', 'status', 'measured'] },
    );
    const result = fc.record(
      {
        caseId: fc.string(),
        status,
        events: fc.nat(),
        eventsAfterAsOf: fc.nat(),
        findings: fc.array(finding, { maxLength: 4 }),
        receivedOn: fc.string(),
        timeline: fc.array(
          fc.record({
            id: fc.string(),
            type: fc.string(),
            at: fc.string(),
            workingDaysSinceReceipt: fc.option(fc.nat()),
          }),
          { maxLength: 3 },
        ),
        source: fc.record({ file: fc.string(), line: fc.nat() }),
        type: fc.string(),
        '0': fc.nat(),
      },
      { requiredKeys: ['caseId', 'findings'] },
    );
    fc.assert(
      fc.property(result, fc.integer(), fc.integer({ min: 0, max: 3 }), (value, seed, level) => {
        expectSame(value);
        expectSame(mess(value, seed, level));
        expectSame(
          mess(
            { meta: { dependencies: value }, summary: { unmappedActivities: value }, cases: [value] },
            seed,
            level,
          ),
        );
      }),
      { numRuns: Number(process.env.RUNS ?? 500), seed: Number(process.env.SEED ?? 12) },
    );
  });

  it('prints the summary line as before', () => {
    const { meta, summary } = sampleReport();
    const line = `${JSON.stringify({ type: 'summary', meta: oracle(meta, ReportMetaSchema), summary: oracle(summary, SummarySchema) })}\n`;
    expect(formatNdjsonSummary(meta, summary)).toBe(line);
    expect(formatNdjsonSummary(mess(meta, 3, 1) as typeof meta, mess(summary, 4, 1) as typeof summary)).toBe(
      line,
    );
  });
});

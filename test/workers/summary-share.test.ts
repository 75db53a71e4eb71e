/**
 * The summary's share of a judged case as a worker thread sends it back (`summary-share.ts`):
 * packed and unpacked, it is the share itself, for every case of the sample and of a generated
 * log; a case whose findings do not follow the batch's refs, and an outcome that is not a
 * judged case, cross as they are; the packed batch is a fraction of the bytes to clone.
 */
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { makeCase, rng } from '../../scripts/generate-log.js';
import { packShares, summaryShare, unpackShares } from '../../src/cli/summary-share.js';
import { evaluateCase } from '../../src/engine/evaluate-case.js';
import { type CaseOutcome, evaluateCases } from '../../src/engine/evaluate-cases.js';
import { prepareEvaluation } from '../../src/engine/prepare.js';
import type { CaseResult } from '../../src/model/finding.js';
import { STATUSES } from '../../src/model/vocabulary.js';
import { readCases } from '../../src/readers/read-cases.js';
import { loadRuleset } from '../../src/rules/load-ruleset.js';

const ruleset = await loadRuleset();
const prepared = prepareEvaluation(ruleset, {});

/** The sample's judged cases. */
async function sample(): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  for await (const o of evaluateCases(readCases(['fixtures/sample/sample.ndjson']), {
    ruleset,
    prepared,
    asOf: Date.parse('2025-06-30T16:00:00Z'),
  }) as AsyncGenerator<CaseOutcome>)
    if (o.kind === 'judged') out.push(o.result);
  return out;
}

/** Cases of the bench's generator, judged from their lines as the bench's log gives them. */
async function generated(cases: number): Promise<CaseResult[]> {
  const r = rng(3);
  const asOf = Date.parse('2026-06-30T17:00:00+01:00');
  return Promise.all(
    Array.from({ length: cases }, (_, n) =>
      evaluateCase(JSON.parse(JSON.stringify(makeCase(n, r))), { ruleset, prepared, asOf }),
    ),
  );
}

const asJudged = (results: readonly CaseResult[]) =>
  results.map((result, i) => ({ kind: 'judged' as const, result: summaryShare(result), lineBytes: 100 + i }));

describe('packShares and unpackShares', () => {
  it('give back each case’s summary share, on the sample and a generated log', async () => {
    const results = [...(await sample()), ...(await generated(200))];
    expect(results.length).toBeGreaterThan(200);
    // Every status a finding can have is among them, each packed and unpacked alike.
    const seen = new Set(results.flatMap((r) => r.findings.map((f) => f.status)));
    expect(seen.size).toBeGreaterThanOrEqual(4);
    const outcomes = asJudged(results);
    const packed = packShares(outcomes);
    expect(packed.refs).toEqual(prepared.rules.map((r) => r.ref));
    expect(packed.outcomes.every((o) => o.kind === 'packed')).toBe(true);
    expect(unpackShares(structuredClone(packed))).toEqual(outcomes);
    // What crosses the threads: a fraction of the bytes.
    expect(serialize(packed).length).toBeLessThan(serialize(outcomes).length / 5);
  });

  it('lets a case whose findings do not follow the refs, and any other outcome, cross as they are', () => {
    const a: CaseResult = {
      caseId: 'A',
      status: 'fail',
      events: 3,
      eventsAfterAsOf: 1,
      findings: STATUSES.map((status, i) => ({ ref: `r${i}`, status })) as CaseResult['findings'],
    };
    const reordered: CaseResult = { ...a, caseId: 'B', findings: [...a.findings].reverse() };
    const shorter: CaseResult = { ...a, caseId: 'C', findings: a.findings.slice(1) };
    const rejected = { kind: 'rejected' as const, caseId: 'D' };
    const outcomes = [...asJudged([a, reordered, shorter]), rejected];
    const packed = packShares(outcomes);
    expect(packed.outcomes.map((o) => o.kind)).toEqual(['packed', 'judged', 'judged', 'rejected']);
    expect(unpackShares(structuredClone(packed))).toEqual(outcomes);
  });

  it('keep nothing of a result but its summary share', async () => {
    const [whole] = await sample();
    const result = whole as CaseResult;
    const [back] = unpackShares(packShares([{ kind: 'judged', result }]));
    expect(back).toEqual({ kind: 'judged', result: summaryShare(result) });
    expect(Object.keys((back as { result: object }).result)).toEqual([
      'caseId',
      'status',
      'events',
      'eventsAfterAsOf',
      'findings',
    ]);
  });
});

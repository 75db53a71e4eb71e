import { describe, expect, it } from 'vitest';
import type { RejectedCase } from '../../src/engine/evaluate-cases.js';
import { complianceRate, createSummaryBuilder, summarize, zeroCounts } from '../../src/engine/summarize.js';
import type { CaseResult, Status } from '../../src/model/finding.js';
import { loadRuleset } from '../../src/rules/load-ruleset.js';

const ruleset = await loadRuleset();

/** A judged case as the summary reads it: its counts of events and its findings' refs and statuses. */
const judged = (caseId: string, findings: [string, Status][], events = 3, eventsAfterAsOf = 0): CaseResult =>
  ({
    caseId,
    status: 'pass',
    events,
    eventsAfterAsOf,
    findings: findings.map(([ref, status]) => ({ ref, status })),
  }) as unknown as CaseResult;
const rejectedCase = (caseId: string, events: number): RejectedCase => ({
  caseId,
  events,
  problems: [{ code: 'invalid_instant', path: ['events', 0, 'at'], message: 'bad' }],
});

const results = [
  judged('A', [
    ['1.2.1', 'pass'],
    ['1.2.2', 'fail'],
    ['1.3.1', 'pending'],
  ]),
  judged(
    'B',
    [
      ['1.2.1', 'pass'],
      ['1.2.2', 'pass'],
      ['1.3.1', 'not_applicable'],
      ['2.1.1', 'error'],
    ],
    5,
    2,
  ),
];

describe('complianceRate', () => {
  it('is pass / (pass + fail), other statuses left out, and null with neither', () => {
    expect(complianceRate({ ...zeroCounts(), pass: 3, fail: 1, pending: 7 })).toBe(0.75);
    expect(complianceRate({ ...zeroCounts(), pass: 0, fail: 2 })).toBe(0);
    expect(complianceRate({ ...zeroCounts(), pass: 2 })).toBe(1);
    expect(complianceRate({ ...zeroCounts(), pending: 4, error: 1 })).toBeNull();
  });

  it('counts every status from zero', () => {
    expect(zeroCounts()).toEqual({
      error: 0,
      fail: 0,
      insufficient_evidence: 0,
      pending: 0,
      pass: 0,
      not_applicable: 0,
    });
  });
});

describe('summarize', () => {
  // Summarized inside each test, so that each test is known to reach the code it checks.
  const summary = () =>
    summarize(results, { ruleset, rejected: [rejectedCase('Z', 4), rejectedCase('M', 2)] });

  it('counts cases, events, findings and events after asOf over the judged cases', () => {
    const s = summary();
    expect(s).toMatchObject({ cases: 2, events: 8, findings: 7, eventsAfterAsOf: 2 });
    expect(s.byStatus).toEqual({
      ...zeroCounts(),
      pass: 3,
      fail: 1,
      pending: 1,
      not_applicable: 1,
      error: 1,
    });
    expect(s.complianceRate).toBe(0.75);
  });

  it('gives each indicator with findings its counts and rate, in the ruleset order', () => {
    const s = summary();
    expect(s.indicators.map((i) => [i.ref, i.id, i.standard, i.commitment, i.complianceRate])).toEqual([
      ['1.2.1', 'process-explained', '1.2', '1', 1],
      ['1.2.2', 'progress-updates', '1.2', '1', 0.5],
      ['1.3.1', expect.any(String), '1.3', '1', null],
      ['2.1.1', expect.any(String), '2.1', '2', null],
    ]);
    expect(s.indicators[1]?.byStatus).toEqual({ ...zeroCounts(), pass: 1, fail: 1 });
  });

  it('rolls the counts up by standard and commitment, every one listed, rates null without a verdict', () => {
    const s = summary();
    const standard = (ref: string) => s.standards.find((x) => x.ref === ref);
    expect(s.standards.map((x) => x.ref)).toEqual(
      ruleset.manifest.commitments.flatMap((c) => c.standards.map((x) => x.ref)),
    );
    expect(standard('1.2')).toEqual({
      ref: '1.2',
      title: 'Keeping you informed',
      commitment: '1',
      byStatus: { ...zeroCounts(), pass: 3, fail: 1 },
      complianceRate: 0.75,
    });
    expect(standard('1.3')?.byStatus).toEqual({ ...zeroCounts(), pending: 1, not_applicable: 1 });
    expect(standard('1.1')).toMatchObject({ byStatus: zeroCounts(), complianceRate: null });
    expect(
      s.commitments.map((c) => [c.ref, c.byStatus.pass, c.byStatus.fail, c.byStatus.error, c.complianceRate]),
    ).toEqual([
      ['1', 3, 1, 0, 0.75],
      ['2', 0, 0, 1, null],
      ['3', 0, 0, 0, null],
      ['L', 0, 0, 0, null],
    ]);
    expect(s.commitments[0]?.title).toBe('We will communicate effectively with you');
  });

  it('lists the rejected cases by case id, with their events and problems', () => {
    const s = summary();
    expect(s.rejected.map((r) => [r.caseId, r.events])).toEqual([
      ['M', 2],
      ['Z', 4],
    ]);
    expect(s.rejected[0]?.problems[0]?.message).toBe('bad');
  });

  it('summarizes nothing as zeros', () => {
    const none = summarize([], { ruleset });
    expect(none).toMatchObject({
      cases: 0,
      events: 0,
      findings: 0,
      complianceRate: null,
      indicators: [],
      rejected: [],
    });
    expect(none.standards.every((x) => x.complianceRate === null)).toBe(true);
  });
});

describe('createSummaryBuilder', () => {
  it('adds up unmapped activities, listed by name', () => {
    const b = createSummaryBuilder(ruleset);
    b.addUnmapped('Phone call');
    b.addUnmapped('Audit', 3);
    b.addUnmapped('Phone call', 2);
    expect(b.result().unmappedActivities).toEqual({ Audit: 3, 'Phone call': 3 });
    expect(Object.keys(b.result().unmappedActivities)).toEqual(['Audit', 'Phone call']);
  });

  it("merges shards' summaries into the summary of all their cases", () => {
    const whole = createSummaryBuilder(ruleset);
    for (const r of results) whole.addResult(r);
    whole.addRejected(rejectedCase('R', 1));
    whole.addUnmapped('Audit', 2);
    whole.addUnmapped('Visit');

    const first = createSummaryBuilder(ruleset);
    first.addResult(results[0] as CaseResult);
    first.addUnmapped('Audit');
    const second = createSummaryBuilder(ruleset);
    second.addResult(results[1] as CaseResult);
    second.addRejected(rejectedCase('R', 1));
    second.addUnmapped('Audit');
    second.addUnmapped('Visit');
    const merged = createSummaryBuilder(ruleset);
    merged.addSummary(first.result());
    merged.addSummary(second.result());
    expect(merged.result()).toEqual(whole.result());
  });

  it('refuses a missing ruleset, naming the call', () => {
    expect(() => createSummaryBuilder(undefined as never)).toThrow(
      /^createSummaryBuilder: its argument is missing/,
    );
    expect(() => summarize([], undefined as never)).toThrow(/^summarize: the options are missing/);
  });
});

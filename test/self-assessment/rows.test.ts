/**
 * The self-assessment's core on a small provision list and hand-made findings: what is counted
 * in the period, the pooled figures of a row, the suggestion against the bar, and how a
 * person's statement fills or overrides a row.
 */
import { describe, expect, it } from 'vitest';
import type { CaseResult, Finding } from '../../src/model/finding.js';
import { buildRows, suggestComply } from '../../src/self-assessment/rows.js';
import { createSelfAssessmentTally } from '../../src/self-assessment/tally.js';
import { testForm } from './_doc.js';

const zone = 'Europe/London';
const period = { from: '2024-04-01', to: '2025-03-31' };

const list = testForm;

const finding = (
  ref: string,
  status: Finding['status'],
  anchor?: string,
  measured?: Finding['measured'],
): Finding => ({
  ref,
  id: ref,
  status,
  explanation: '',
  evidence: [],
  ...(anchor ? { periodAnchor: anchor } : {}),
  ...(measured ? { measured } : {}),
});

const result = (caseId: string, findings: Finding[]): CaseResult => ({
  caseId,
  status: 'pass',
  events: 1,
  eventsAfterAsOf: 0,
  findings,
});

const inYear = '2024-06-03T10:00:00.000+01:00';
const answered = (date: string, state = 'met') => ({ clock: { state, endDate: date } });

function tallied(results: CaseResult[]) {
  const tally = createSelfAssessmentTally(list, period, zone);
  for (const r of results) tally.add(r);
  return tally.counts();
}

describe('the tally', () => {
  it('counts only findings whose anchor is in the period, by its local date', () => {
    const counts = tallied([
      result('c1', [finding('S1.1', 'pass', inYear)]),
      // 00:30 BST on 1 April 2025 is 23:30 UTC on 31 March: out of the period in London.
      result('c2', [finding('S1.1', 'fail', '2025-04-01T00:30:00.000+01:00')]),
      result('c3', [finding('S1.1', 'fail', '2025-03-31T23:30:00.000+01:00')]),
      // No anchor: in no period.
      result('c4', [finding('S1.1', 'fail')]),
    ]);
    const s11 = counts.indicators.get('S1.1');
    expect(s11?.byStatus.pass).toBe(1);
    expect(s11?.byStatus.fail).toBe(1);
    expect(s11?.failedCases).toEqual(['c3']);
  });

  it('counts a stage response dated in the period, and whether its timeliness finding passed', () => {
    const counts = tallied([
      result('c1', [finding('S1.2', 'pass', '2024-03-25T09:00:00Z', answered('2024-04-02'))]),
      result('c2', [finding('S1.2', 'fail', inYear, answered('2024-07-01', 'late'))]),
      result('c3', [finding('S1.2', 'pass', inYear, answered('2025-04-01'))]),
      // Open, or ended without a response: not a response.
      result('c4', [finding('S1.2', 'pending', inYear, { clock: { state: 'open', endDate: '2024-07-01' } })]),
      result('c6', [
        finding('S1.2', 'fail', inYear, { clock: { state: 'closedLate', endDate: '2024-07-02' } }),
      ]),
      result('c5', [finding('S2.4', 'pass', inYear, answered('2024-09-09'))]),
    ]);
    expect(counts.timescales).toEqual({
      stage1: { responses: 2, withinCode: 1 },
      stage2: { responses: 1, withinCode: 1 },
    });
  });
});

describe('the rows', () => {
  const counts = tallied([
    result('c1', [
      finding('S1.1', 'pass', inYear),
      finding('S1.2', 'pass', inYear),
      finding('S1.3', 'not_applicable', inYear),
    ]),
    result('c2', [
      finding('S1.1', 'fail', inYear),
      finding('S1.2', 'pending', inYear),
      finding('S1.3', 'insufficient_evidence', inYear),
    ]),
    result('c3', [
      finding('S1.1', 'pass', inYear),
      finding('S1.2', 'fail', inYear),
      finding('S1.3', 'fail', inYear),
    ]),
  ]);
  const options = { period, asOfDate: '2025-04-30', complyAt: 100 };

  it('gives every provision a row in order, pooling the findings of its indicators', () => {
    const { rows } = buildRows(list, counts, options);
    expect(rows.map((r) => r.provision)).toEqual(['3.1', '6.2', '6.4', '6.13']);
    const r64 = rows[2];
    expect(r64?.log).toEqual({
      byStatus: { error: 0, fail: 2, insufficient_evidence: 1, pending: 1, pass: 1, not_applicable: 1 },
      judged: 3,
      complianceRate: 1 / 3,
      failedCases: ['c3'],
      pendingCases: ['c2'],
      reviewCases: ['c2'],
    });
    expect(r64?.stillToState).toBe('that extensions were decided on complexity');
    expect(rows[0]?.log).toBeNull();
  });

  it('suggests yes or no against the bar, and shows the suggestion only on log rows', () => {
    const { rows, summary } = buildRows(list, counts, options);
    const [r31, r62, r64, r613] = rows;
    expect(r62).toMatchObject({ suggestedComply: 'no', comply: 'no', complySource: 'suggested' });
    // A mixed row waits for a person even when the log suggests an answer.
    expect(r64).toMatchObject({ suggestedComply: 'no', comply: null, complySource: null });
    // Nothing judged: no suggestion, so nothing to show.
    expect(r613).toMatchObject({ suggestedComply: null, comply: null });
    expect(r31).toMatchObject({ suggestedComply: null, comply: null, evidence: '', commentary: '' });
    expect(summary.statementsNeeded).toEqual(['3.1', '6.4', '6.13']);
    expect(summary.bySource).toEqual({ log: 2, log_and_statement: 1, statement: 1 });
    expect(buildRows(list, counts, { ...options, complyAt: 60 }).rows[1]?.suggestedComply).toBe('yes');
  });

  it('writes the evidence with the period, counts, rate and target, naming no case', () => {
    const { rows } = buildRows(list, counts, { ...options, titles: new Map([['S1.1', 'Acknowledged']]) });
    expect(rows[1]?.evidence).toBe(
      'S1.1 (Acknowledged), 1 Apr 2024 to 31 Mar 2025: 2 of 3 judged met it (66.7%); 1 did not (listed). Target 100%.',
    );
    expect(rows[2]?.evidence).toBe(
      'S1.2, 1 Apr 2024 to 31 Mar 2025: 1 of 2 judged met it (50.0%); 1 did not (listed); 1 pending at 30 Apr 2025. Target 100%. ' +
        'S1.3, 1 Apr 2024 to 31 Mar 2025: 0 of 1 judged met it (0.0%); 1 did not (listed); 1 needs review (listed); 1 not applicable. Target 100%.',
    );
    expect(rows[3]?.evidence).toBe('S2.3, 1 Apr 2024 to 31 Mar 2025: no case in the period it applied to.');
  });

  it("lets a person's statement decide what the form shows, keeping the figures beside it", () => {
    const statements = {
      provisions: {
        '3.1': { comply: 'yes' as const, evidence: 'Policy section 4.', commentary: 'Reviewed in May.' },
        '6.2': { comply: 'yes' as const, commentary: 'The late one was a system outage.' },
        '6.4': { evidence: 'Extension log reviewed.' },
      },
    };
    const { rows, summary } = buildRows(list, counts, { ...options, statements });
    expect(rows[0]).toMatchObject({
      comply: 'yes',
      complySource: 'statement',
      evidence: 'Policy section 4.',
      commentary: 'Reviewed in May.',
    });
    expect(rows[1]).toMatchObject({ suggestedComply: 'no', comply: 'yes', complySource: 'statement' });
    expect(rows[1]?.log?.failedCases).toEqual(['c2']);
    expect(rows[2]?.comply).toBeNull();
    expect(rows[2]?.evidence).toMatch(/Target 100%\. Extension log reviewed\.$/);
    expect(summary.statementsNeeded).toEqual(['6.4', '6.13']);
  });
});

describe('an indicator switched off in the configuration', () => {
  it('gives its rows no figures and says why, rather than an empty count', () => {
    const counts = tallied([
      result('c1', [finding('S1.1', 'pass', inYear), finding('S1.3', 'fail', inYear)]),
    ]);
    const { rows } = buildRows(list, counts, {
      period,
      asOfDate: '2025-04-30',
      complyAt: 100,
      judged: new Set(['S1.1', 'S1.3']),
    });
    const [, r62, r64, r613] = rows;
    expect(r62?.log?.judged).toBe(1);
    // 6.4 pools S1.2 (off) and S1.3 (judged): the figures are S1.3's alone, and the sentence says so.
    expect(r64?.log?.byStatus.fail).toBe(1);
    expect(r64?.evidence).toMatch(
      /^S1\.2: not judged in this run \(switched off\), so the log gives no figures for it\. S1\.3, /,
    );
    expect(r613).toMatchObject({ log: null, suggestedComply: null, comply: null });
  });
});

describe('suggestComply', () => {
  const log = (pass: number, fail: number) => ({
    byStatus: { error: 0, fail, insufficient_evidence: 0, pending: 0, pass, not_applicable: 0 },
    judged: pass + fail,
    complianceRate: pass + fail === 0 ? null : pass / (pass + fail),
    failedCases: [],
    pendingCases: [],
    reviewCases: [],
  });
  it('compares in whole numbers, so a rate exactly at the bar is yes', () => {
    expect(suggestComply(log(19, 1), 95)).toBe('yes');
    expect(suggestComply(log(18, 1), 95)).toBe('no');
    expect(suggestComply(log(93, 7), 93)).toBe('yes');
    expect(suggestComply(log(37, 3), 93)).toBe('no');
    expect(suggestComply(log(0, 0), 0)).toBeNull();
  });
});

/**
 * The period report on a small log worked by hand (`fixtures/mchp-scotland-2020/period`), year
 * 1 Apr 2024 to 31 Mar 2025, as of 30 Apr 2025, in Europe/London with Scottish holidays:
 * A stage 1 received Wed 1 May 2024, upheld, answered Wed 8 May: 4 working days (Mon 6 May a holiday).
 * B stage 1 received Mon 3 Jun, extended, not upheld, answered Thu 13 Jun: 8 working days; escalated
 *   Thu 20 Jun, partly upheld, answered Tue 16 Jul: 18 working days.
 * C received at stage 2 Thu 28 Nov, resolved, answered Mon 6 Jan 2025: 22 working days (2 Dec,
 *   25 and 26 Dec, 1 and 2 Jan holidays).
 * D stage 1 received Thu 20 Mar 2025, withdrawn Mon 24 Mar: a closure without response.
 * E received Mon 25 Mar 2024 (before the period), answered Tue 2 Apr 2024: 5 working days (Good
 *   Friday a holiday, Easter Monday not in Scotland), no outcome recorded.
 * F stage 1 received Thu 27 Mar 2025, transferred as complex Fri 28 Mar, answered after the period.
 * G invalid (a misspelt event type): rejected, listed, not counted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRuleset, periodReport, UsageError } from '../../src/index.js';
import { FIXTURES_DIR } from '../support/fixtures.js';

const log = readFileSync(`${FIXTURES_DIR}mchp-scotland-2020/period/year-2024-25.ndjson`, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as unknown);
const ruleset = await loadRuleset({ id: 'mchp-scotland-2020' });
const options = { ruleset, period: '2024-04-01..2025-03-31', asOf: '2025-04-30T17:00:00+01:00' };

describe('periodReport', async () => {
  const report = await periodReport(log, { ...options, population: 2500 });
  const figure = (id: string) => {
    const f = report.figures.find((x) => x.id === id);
    if (!f) throw new Error(`no figure ${id}`);
    return {
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      cases: f.cases.map((c) => c.caseId),
    };
  };

  it('K.4: receipts in the period by the stage received, escalations beside them', () => {
    expect(figure('received')).toMatchObject({ value: 5, cases: ['A', 'B', 'C', 'D', 'F'] });
    expect(figure('received-stage1')).toMatchObject({ value: 4, cases: ['A', 'B', 'D', 'F'] });
    expect(figure('received-stage2')).toMatchObject({ value: 1, cases: ['C'] });
    expect(figure('escalated')).toMatchObject({ value: 1, cases: ['B'] });
    expect(figure('received-per-1000')).toMatchObject({ value: 2, numerator: 5, denominator: 2500 });
  });

  it('K.5: stage closures by label, closures without response apart, a transfer not a closure', () => {
    expect(figure('closed')).toMatchObject({ value: 5, cases: ['A', 'B', 'B', 'C', 'E'] });
    expect(figure('closed-stage1')).toEqual({
      value: 60,
      numerator: 3,
      denominator: 5,
      cases: ['A', 'B', 'E'],
    });
    expect(figure('closed-stage2direct')).toEqual({ value: 20, numerator: 1, denominator: 5, cases: ['C'] });
    expect(figure('closed-stage2escalated')).toEqual({
      value: 20,
      numerator: 1,
      denominator: 5,
      cases: ['B'],
    });
    expect(figure('closed-without-response-stage1')).toMatchObject({ value: 1, cases: ['D'] });
    expect(report.closuresWithoutResponse).toEqual([
      { caseId: 'D', label: 'stage1', at: '2025-03-24', outcome: 'not_pursued', evidence: ['d2'] },
    ]);
  });

  it('K.6: outcomes per label, an unrecorded one listed as such', () => {
    expect(figure('outcome-stage1-upheld')).toEqual({
      value: 33.3,
      numerator: 1,
      denominator: 3,
      cases: ['A'],
    });
    expect(figure('outcome-stage1-not-upheld')).toMatchObject({ value: 33.3, cases: ['B'] });
    expect(figure('outcome-stage1-not-recorded')).toMatchObject({ value: 33.3, cases: ['E'] });
    expect(figure('outcome-stage1-resolved')).toMatchObject({ value: 0, cases: [] });
    expect(figure('outcome-stage2direct-resolved')).toMatchObject({ value: 100, cases: ['C'] });
    expect(figure('outcome-stage2escalated-partly-upheld')).toMatchObject({ value: 100, cases: ['B'] });
  });

  it('K.7: mean working days rounded half-up, with sum and count', () => {
    expect(figure('average-working-days-stage1')).toMatchObject({
      value: 5.7,
      numerator: 17,
      denominator: 3,
    });
    expect(figure('average-working-days-stage2direct')).toMatchObject({
      value: 22,
      numerator: 22,
      denominator: 1,
    });
    expect(figure('average-working-days-stage2escalated')).toMatchObject({ value: 18, numerator: 18 });
    const a = report.figures.find((f) => f.id === 'closed-stage1')?.cases[0];
    expect(a).toEqual({
      caseId: 'A',
      label: 'stage1',
      stageStart: '2024-05-01',
      stageEnd: '2024-05-08',
      workingDays: 4,
      outcome: 'upheld',
      withinTimescale: true,
      extended: false,
      evidence: ['a1', 'a2', 'a3'],
    });
  });

  it('K.8 against the base timescale, K.9 extensions', () => {
    expect(figure('within-timescale-stage1')).toEqual({
      value: 66.7,
      numerator: 2,
      denominator: 3,
      cases: ['A', 'E'],
    });
    expect(figure('within-timescale-stage2direct')).toMatchObject({ value: 0, cases: [] });
    expect(figure('within-timescale-stage2escalated')).toMatchObject({ value: 100, cases: ['B'] });
    expect(figure('extended-stage1')).toEqual({ value: 33.3, numerator: 1, denominator: 3, cases: ['B'] });
  });

  it('lists what the log cannot give, the rejected case, and the period as complete', () => {
    expect(report.notFromLog.map((n) => n.ref)).toEqual(['K.1', 'K.2', 'K.3']);
    expect(report.rejected.map((r) => r.caseId)).toEqual(['G']);
    expect(report.meta.period).toEqual({ from: '2024-04-01', to: '2025-03-31', complete: true });
  });

  it('a zero denominator gives null with the reason; an early asOf marks the period incomplete', async () => {
    const early = await periodReport(log, {
      ...options,
      period: '2024-05-01..2024-05-31',
      asOf: '2024-05-02T12:00:00+01:00',
    });
    const f = early.figures.find((x) => x.id === 'closed-stage2direct');
    expect(f).toMatchObject({ value: null, reason: 'no stage closure in the period' });
    expect(early.meta.period.complete).toBe(false);
  });

  it('is offered only by a ruleset declaring it', async () => {
    await expect(periodReport(log, { ...options, ruleset: await loadRuleset() })).rejects.toThrow(UsageError);
  });
});

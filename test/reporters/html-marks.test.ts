/**
 * What the audit report marks in a case, read from the findings' public shape and the rule files:
 * the events at fault apart from the context, the deadlines missed or due and where they sit in
 * the timeline; how it names indicators and writes dates.
 */
import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/index.js';
import type { Finding, Status } from '../../src/model/finding.js';
import { readableDate, readableInstant } from '../../src/reporters/html/dates.js';
import { deadlinePosition, findingMarks } from '../../src/reporters/html/faults.js';
import { decidingFacts, indicatorNames, titleFromSlug } from '../../src/reporters/html/words.js';
import { loadRuleset } from '../../src/rules/load-ruleset.js';
import { sampleReport, sampleRuleset } from '../support/report.js';

const finding = (
  status: Status,
  evidence: string[],
  measured: Record<string, unknown>,
  dueAt?: string,
): Finding => ({
  ref: '1.2.1',
  id: 'process-explained',
  status,
  explanation: '',
  evidence,
  measured,
  ...(dueAt ? { dueAt } : {}),
});

const responses = (items: Record<string, unknown>[]) => ({ items });

describe('the events at fault and the deadlines', () => {
  it('a late response is at fault, its trigger is context, and its deadline was missed', () => {
    const f = finding('fail', ['e1', 'e2'], {
      explained: responses([
        { state: 'late', triggerId: 'e1', responseId: 'e2', deadline: '2024-02-06', startDate: '2024-01-30' },
      ]),
    });
    expect(findingMarks(f, [{ fact: 'explained', path: '$.late' }])).toEqual({
      faults: ['e2'],
      deadlines: [{ at: '2024-02-06', missed: true }],
    });
  });

  it('a missing step marks its deadline, and no event', () => {
    const f = finding('fail', ['e1'], {
      replies: responses([{ state: 'missing', triggerId: 'e1', deadline: '2024-09-05' }]),
    });
    expect(findingMarks(f, [{ fact: 'replies', path: '$.notMet' }])).toEqual({
      faults: [],
      deadlines: [{ at: '2024-09-05', missed: true }],
    });
  });

  it('looks only at the facts and states the rule tests for that status', () => {
    const f = finding('fail', ['e1', 'e2', 'e3', 'e4'], {
      needs: responses([{ state: 'late', triggerId: 'e1', responseId: 'e2', deadline: '2024-05-23' }]),
      formatNeeds: responses([{ state: 'late', triggerId: 'e3', responseId: 'e4', deadline: '2024-05-20' }]),
    });
    expect(findingMarks(f, [{ fact: 'needs', path: '$.notMet' }]).faults).toEqual(['e2']);
    // Asked about missing ones only: the late one is not at fault.
    expect(findingMarks(f, [{ fact: 'needs', path: '$.missing' }]).faults).toEqual([]);
    // No rule to go by: every fact.
    expect(findingMarks(f, undefined).faults).toEqual(['e2', 'e4']);
  });

  it('reads conformance, readability, precedence, gaps and the timeliness clock by their shape', () => {
    const f = finding('fail', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], {
      contact: { violatingItems: [{ id: 'a', date: '2024-02-01' }] },
      readability: { below: [{ id: 'b', score: 30 }] },
      conflicts: { withoutPriorIds: ['c'], items: [{ triggerId: 'd', priorIds: ['e'] }] },
      late: { withoutPriorIds: [], items: [{ triggerId: 'd', priorIds: ['e'] }] },
      gaps: { exceededRuns: [{ fromId: 'f', toId: 'g', days: 25 }] },
      time: { receiptDate: '2024-01-12', state: 'late', endId: 'h', deadline: '2024-02-09' },
    });
    const marks = findingMarks(f, [
      { fact: 'contact', path: '$.violating' },
      { fact: 'readability', path: '$.belowCount' },
      { fact: 'conflicts', path: '$.withoutPrior' },
      { fact: 'late', path: '$.withPrior' },
      { fact: 'gaps', path: '$.exceeded' },
      { fact: 'time', path: '$.state' },
    ]);
    expect(marks.faults.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'g', 'h']);
    expect(marks.deadlines).toEqual([{ at: '2024-02-09', missed: true }]);
  });

  it('a pending finding marks when it is due and holds nothing at fault', () => {
    const open = finding('pending', ['e1'], {
      explained: responses([{ state: 'open', triggerId: 'e1', deadline: '2025-07-04' }]),
    });
    expect(findingMarks(open, [{ fact: 'explained', path: '$.open' }])).toEqual({
      faults: [],
      deadlines: [{ at: '2025-07-04', missed: false }],
    });
    const due = finding('pending', [], {}, '2025-07-08T23:59:59.999+01:00');
    expect(findingMarks(due, undefined).deadlines).toEqual([
      { at: '2025-07-08T23:59:59.999+01:00', missed: false },
    ]);
  });

  it('marks nothing for a pass, a not-applicable finding, trimmed measurements, or an id it did not cite', () => {
    const late = {
      x: responses([{ state: 'late', triggerId: 'e1', responseId: 'e2', deadline: '2024-02-06' }]),
    };
    expect(findingMarks(finding('pass', ['e1', 'e2'], late), undefined)).toEqual({
      faults: [],
      deadlines: [],
    });
    expect(findingMarks(finding('not_applicable', [], {}), undefined)).toEqual({ faults: [], deadlines: [] });
    expect(findingMarks(finding('fail', ['e1', 'e2'], {}), undefined)).toEqual({ faults: [], deadlines: [] });
    expect(findingMarks(finding('fail', ['e1'], late), undefined).faults).toEqual([]);
  });

  it('sits a deadline after the events of its day, or after the events before its instant', () => {
    const events = [
      { date: '2024-11-04', at: '2024-11-04T10:00:00Z' },
      { date: '2024-11-05', at: '2024-11-05T09:00:00Z' },
      { date: '2024-11-05', at: '2024-11-05T15:00:00Z' },
      { date: '2024-11-08', at: '2024-11-08T10:00:00Z' },
    ];
    expect(deadlinePosition('2024-11-05', events)).toBe(3);
    expect(deadlinePosition('2024-11-05T12:00:00.000+00:00', events)).toBe(2);
    expect(deadlinePosition('2024-10-01', events)).toBe(0);
    expect(deadlinePosition('2025-01-28', events)).toBe(4);
    expect(deadlinePosition('2024-11-05', [{ date: '' }, { date: '2024-11-06' }])).toBe(1);
  });
});

describe('the facts a rule tests for a status, from the rule files', () => {
  it('names the facts and paths of the outcomes of that status', async () => {
    const deciding = decidingFacts(await loadRuleset());
    expect(deciding('1.2.1', 'fail')).toEqual([
      { fact: 'explained', path: '$.late' },
      { fact: 'explained', path: '$.missing' },
      { fact: 'case', path: '$.closed' },
    ]);
    expect(deciding('1.2.1', 'pending')).toEqual([{ fact: 'explained', path: '$.open' }]);
    expect(deciding('no-such-ref', 'fail')).toBeUndefined();
  });
});

describe('indicator names and dates', () => {
  it('takes the rule file’s title, else one made from the slug', async () => {
    const ruleset = await loadRuleset();
    expect(ruleset.rules.every((r) => typeof r.title === 'string' && r.title.length > 0)).toBe(true);
    const [known, unknown] = indicatorNames(
      [
        { ref: '1.2.3', id: 'contact-named' },
        { ref: '9.9.9', id: 'my-own_rule' },
      ],
      ruleset,
    );
    expect(known).toEqual({
      ref: '1.2.3',
      id: 'contact-named',
      title: 'Named contact given',
      words: 'We will always tell you who to contact if you have any questions.',
    });
    expect(unknown).toEqual({ ref: '9.9.9', id: 'my-own_rule', title: 'My own rule', words: '' });
    expect(titleFromSlug('contact-named')).toBe('Contact named');
  });

  it('writes dates as the explanations do', () => {
    expect(readableDate('2024-12-05')).toBe('Thu 5 Dec 2024');
    expect(readableDate('2024-02-30')).toBe('2024-02-30');
    expect(readableInstant('2025-06-30T17:00:00.000+01:00')).toBe('Mon 30 Jun 2025, 17:00 (UTC+01:00)');
    expect(readableInstant('2026-01-02T08:05:00Z')).toBe('Fri 2 Jan 2026, 08:05 (UTC)');
    expect(readableInstant('yesterday')).toBe('yesterday');
  });
});

describe('the page’s order', () => {
  it('puts the headline first and the run’s provenance last, in a closed section', () => {
    const html = formatHtml(sampleReport(), sampleRuleset());
    const at = (s: string) => html.indexOf(s);
    expect(at('id="overview"')).toBeGreaterThan(0);
    expect(at('id="overview"')).toBeLessThan(at('id="indicators"'));
    expect(at('id="cases"')).toBeLessThan(at('id="run"'));
    expect(at('id="run"')).toBeLessThan(at('SHA-256'));
    expect(html).toMatch(/<details class="provenance" id="run-details">/);
  });
});

/**
 * What every fact template leans on: working days given by parameter, anchor bounds, paused days
 * and the events that paused the clock, the evidence ids in time order, and the events a filter
 * is tried on. Events use local times, read in Europe/London.
 */
import { describe, expect, it } from 'vitest';
import { indexCase } from '../../src/engine/case-index.js';
import {
  candidateEvents,
  type FactContext,
  idsInTimeOrder,
  resolveWorkingDays,
} from '../../src/engine/fact-context.js';
import { compileFilter } from '../../src/engine/filter.js';
import { normalizeCase } from '../../src/engine/normalize.js';
import type { ParameterValue } from '../../src/model/config.js';
import type { FactSpec, Filter } from '../../src/model/rule.js';
import { parseInstant } from '../../src/time/instant.js';
import { calendar, type Ev, ev, measure, ZONE } from './templates.helpers.js';

const asOfText = '2024-09-30T17:00';
const asOf = parseInstant(asOfText, ZONE);
if ('error' in asOf) throw new Error(asOf.error);
const asOfMs = asOf.epochMs;

function context(events: Ev[]): FactContext {
  const n = normalizeCase({ caseId: 'F', events }, { zone: ZONE, asOfMs });
  if (!n.success) throw new Error(JSON.stringify(n.issues));
  return { index: indexCase(n.case, calendar, asOfMs), calendar, asOfMs, facts: {} };
}

const rcv = ev('rcv', 'complaint.received', '2024-05-01T10:00');
const sent = (id: string, at: string) => ev(id, 'communication.sent', at, { to: 'complainant' });

describe('resolveWorkingDays', () => {
  it('takes a number as given, or the named parameter, zero included', () => {
    expect(resolveWorkingDays(5, {})).toBe(5);
    expect(resolveWorkingDays({ param: 'within' }, { within: 20 })).toBe(20);
    expect(resolveWorkingDays({ param: 'within' }, { within: 0 })).toBe(0);
  });

  it('refuses a parameter that is missing or not a whole number of days, naming it', () => {
    const message = 'parameter "within" must be a whole number of working days';
    const cases: Record<string, ParameterValue>[] = [
      {},
      { within: '5' },
      { within: 2.5 },
      { within: -1 },
      { other: 5 },
    ];
    for (const params of cases) {
      expect(() => resolveWorkingDays({ param: 'within' }, params)).toThrow(message);
    }
    // Not a parameter set by the ruleset, but a property every object has.
    expect(() => resolveWorkingDays({ param: 'toString' }, {})).toThrow('parameter "toString"');
  });
});

describe('anchor bounds (occurrences)', () => {
  const occ = (bounds: object): FactSpec => ({
    template: 'occurrences',
    filter: { type: 'communication.sent' },
    ...bounds,
  });
  const events = [rcv, sent('s1', '2024-05-03T10:00'), sent('s2', '2024-05-08T10:00')];
  const opts = { asOf: asOfText };

  it('nothing is after a stage point the case never reached', () => {
    for (const after of ['stage1Response', 'stage2Start', 'stage2Response']) {
      expect(measure(occ({ after }), events, opts)).toMatchObject({ count: 0, exists: false });
    }
  });

  it('events after each stage point the case reached', () => {
    const decision = (id: string, at: string) =>
      ev(id, 'communication.sent', at, { to: 'complainant', covers: ['decision'] });
    const staged = [
      rcv,
      decision('s1', '2024-05-03T10:00'),
      ev('q', 'escalation.requested', '2024-05-08T10:00'),
      sent('n', '2024-05-09T10:00'),
      decision('s2', '2024-05-20T10:00'),
      sent('m', '2024-05-21T10:00'),
    ];
    const eventsAfter = (anchor: string) => measure(occ({ after: anchor }), staged, opts).ids;
    expect(eventsAfter('stage1Start')).toEqual(['s1', 'n', 's2', 'm']);
    expect(eventsAfter('stage1Response')).toEqual(['n', 's2', 'm']);
    expect(eventsAfter('stage2Start')).toEqual(['n', 's2', 'm']);
    expect(eventsAfter('stage2Response')).toEqual(['m']);
  });

  it('other anchors the case lacks impose no bound, after as before', () => {
    expect(measure(occ({ after: 'firstDecision' }), events, opts).ids).toEqual(['s1', 's2']);
    expect(measure(occ({ after: 'stage1Start' }), events, opts).ids).toEqual(['s1', 's2']);
    expect(measure(occ({ after: 'receipt', before: 'closure' }), events, opts).ids).toEqual(['s1', 's2']);
  });
});

describe('paused days (longestGap)', () => {
  it('cites both pauses of a run that crossed two, and leaves out both', () => {
    // Thu 9 May → Fri 31 May: 15 working days (Mon 27 a holiday); paused Mon 13 → Mon 20 (4:
    // 14-17 May) and Tue 21 → Fri 24 (2: 22-23 May): 9 left.
    const f = measure(
      {
        template: 'longestGap',
        from: 'receipt',
        until: 'end',
        marks: { type: 'communication.sent' },
        interval: 8,
      },
      [
        rcv,
        sent('m1', '2024-05-09T10:00'),
        ev('p1', 'case.paused', '2024-05-13T09:00'),
        ev('u1', 'case.resumed', '2024-05-20T09:00'),
        ev('p2', 'case.paused', '2024-05-21T09:00'),
        ev('u2', 'case.resumed', '2024-05-24T09:00'),
        ev('cl', 'case.closed', '2024-05-31T10:00'),
      ],
      { asOf: asOfText },
    );
    expect(f.longest).toMatchObject({ fromId: 'm1', toId: 'cl', days: 9, pausedWorkingDays: 6 });
    expect(f.eventIds).toEqual(['rcv', 'm1', 'p1', 'u1', 'p2', 'u2', 'cl']);
  });
});

describe('idsInTimeOrder', () => {
  const ctx = context([
    rcv,
    sent('s1', '2024-05-03T10:00'),
    sent('s2', '2024-05-08T10:00'),
    sent('s3', '2024-05-09T10:00'),
    sent('late', '2024-10-01T10:00'),
  ]);
  const order = (...lists: string[][]) => idsInTimeOrder(ctx.index, lists);

  it('keeps lists already in time order as they are, leaving out unknown and later ids', () => {
    expect(order(['rcv', 's1'], ['s2', 's3'])).toEqual(['rcv', 's1', 's2', 's3']);
    expect(order(['rcv', 'nope', 's2'], ['late', 's3'])).toEqual(['rcv', 's2', 's3']);
    expect(order([], ['nope'])).toEqual([]);
  });

  it('puts ids out of order into time order, each once', () => {
    expect(order(['s3', 's1'], ['s1'])).toEqual(['s1', 's3']);
    expect(order(['s2'], ['rcv', 's2', 'nope', 's1'])).toEqual(['rcv', 's1', 's2']);
    expect(order(['s1', 's1'])).toEqual(['s1']);
    expect(order(['s1'], ['s1'], ['late', 's1'])).toEqual(['s1']);
  });

  it('sorts a long list too', () => {
    const many = Array.from({ length: 70 }, (_, i) =>
      sent(`m${i}`, `2024-06-${String(1 + Math.floor(i / 10)).padStart(2, '0')}T1${i % 10}:00`),
    );
    const long = context([rcv, ...many]);
    const ids = many.map((e) => e.id);
    expect(idsInTimeOrder(long.index, [[...ids].reverse(), ['rcv', 'm5']])).toEqual(['rcv', ...ids]);
  });
});

describe('candidateEvents', () => {
  const ctx = context([
    rcv,
    sent('s1', '2024-05-03T10:00'),
    ev('p', 'case.paused', '2024-05-06T10:00'),
    sent('s2', '2024-05-08T10:00'),
  ]);
  const ids = (filter: Filter) =>
    candidateEvents(ctx, compileFilter(filter, { named: {}, params: {} })).map((e) => e.id);

  it('of one type: the case events of that type', () => {
    expect(ids({ type: 'communication.sent' })).toEqual(['s1', 's2']);
    expect(ids({ type: ['decision.issued', 'communication.sent'] })).toEqual(['s1', 's2']);
    expect(ids({ type: 'decision.issued' })).toEqual([]);
  });

  it('of several types the case has, or of any type: every event', () => {
    expect(ids({ type: ['case.paused', 'communication.sent'] })).toEqual(['rcv', 's1', 'p', 's2']);
    expect(ids({ where: { 'data.to': 'complainant' } })).toEqual(['rcv', 's1', 'p', 's2']);
  });
});

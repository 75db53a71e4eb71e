import { describe, expect, it } from 'vitest';
import { type NormalizeResult, normalizeCase } from '../../src/engine/normalize.js';
import { parseInstant } from '../../src/time/instant.js';

const ZONE = 'Europe/London';
const at = (text: string): number => {
  const p = parseInstant(text, ZONE);
  if ('error' in p) throw new Error(p.error);
  return p.epochMs;
};
const ASOF = at('2024-06-28T17:00');
const normalize = (input: unknown, asOfMs = ASOF): NormalizeResult =>
  normalizeCase(input, { zone: ZONE, asOfMs });

const received = { id: 'r', type: 'complaint.received', at: '2024-05-01T09:00' };
const accepted = (input: unknown, asOfMs = ASOF) => {
  const n = normalize(input, asOfMs);
  if (!n.success) throw new Error(JSON.stringify(n.issues));
  return n.case;
};
const rejected = (input: unknown) => {
  const n = normalize(input);
  if (n.success) throw new Error('the case was accepted');
  return n;
};
const problems = (input: unknown) =>
  rejected(input).issues.map((i) => `${i.path.join('.')} [${i.code}] ${i.message}`);

describe('normalizeCase: the envelope', () => {
  it('names a case whose envelope is invalid by its id, or as unknown when it has none', () => {
    expect(rejected({ caseId: 'C1', events: null }).caseId).toBe('C1');
    expect(rejected({ caseId: 7, events: [] }).caseId).toBe('(unknown case)');
    expect(rejected(null).caseId).toBe('(unknown case)');
    expect(rejected(undefined).caseId).toBe('(unknown case)');
    expect(rejected('C1').caseId).toBe('(unknown case)');
    expect(rejected(['C1']).caseId).toBe('(unknown case)');
    expect(problems({ caseId: 'C1', events: null })).toEqual([
      'events [invalid_type] `events` must be array',
    ]);
  });

  it('reads the attributes as given, and none as none', () => {
    expect(accepted({ caseId: 'C1', events: [received] }).attributes).toEqual({});
    expect(accepted({ caseId: 'C1', attributes: { channel: 'web' }, events: [received] }).attributes).toEqual(
      {
        channel: 'web',
      },
    );
  });

  it('accepts a case with no events', () => {
    const c = accepted({ caseId: 'C1', events: [] });
    expect(c).toMatchObject({
      caseId: 'C1',
      events: [],
      eventsRead: 0,
      eventsAfterAsOf: 0,
      receivedAfterAsOf: false,
    });
  });
});

describe('normalizeCase: events', () => {
  it('reads each event: its id (or one given by position), instant, local day and input position', () => {
    const c = accepted({
      caseId: 'C1',
      events: [received, { type: 'complaint.acknowledged', at: '2024-05-02', actor: { role: 'staff' } }],
    });
    expect(c.events.map((e) => [e.id, e.type, e.at, e.atMs, e.seq, e.actor])).toEqual([
      ['r', 'complaint.received', '2024-05-01T09:00', at('2024-05-01T09:00'), 0, undefined],
      ['C1#2', 'complaint.acknowledged', '2024-05-02', at('2024-05-02T00:00'), 1, { role: 'staff' }],
    ]);
    expect(c.events[1]?.day).toBe((c.events[0]?.day as number) + 1);
    expect(c.events[0]?.data).toEqual({});
    expect(Object.isFrozen(c.events[0])).toBe(true);
    expect([...c.inputIndexById]).toEqual([
      ['r', 0],
      ['C1#2', 1],
    ]);
  });

  it('keeps the data of an event as given', () => {
    const c = accepted({
      caseId: 'C1',
      events: [
        { ...received, data: { channel: 'web' } },
        { type: 'x-note', at: '2024-05-02', data: { n: 1 } },
      ],
    });
    expect(c.events.map((e) => e.data)).toEqual([{ channel: 'web' }, { n: 1 }]);
  });

  it('puts events in time order, events at the same instant in input order', () => {
    const c = accepted({
      caseId: 'C1',
      events: [
        { id: 'late', type: 'x-b', at: '2024-05-03' },
        received,
        { id: 'same1', type: 'x-a', at: '2024-05-02' },
        { id: 'same2', type: 'x-a', at: '2024-05-02' },
      ],
    });
    expect(c.events.map((e) => e.id)).toEqual(['r', 'same1', 'same2', 'late']);
    expect(c.events.map((e) => e.seq)).toEqual([1, 2, 3, 0]);
  });

  it('leaves out and counts the events after asOf, noting a receipt among them', () => {
    const input = {
      caseId: 'C1',
      events: [received, { type: 'x-later', at: '2024-05-10' }, { type: 'x-last', at: '2024-05-20' }],
    };
    expect(accepted(input, at('2024-05-10'))).toMatchObject({
      eventsRead: 3,
      eventsAfterAsOf: 1,
      receivedAfterAsOf: false,
    });
    expect(accepted(input, at('2024-05-10')).events.map((e) => e.type)).toEqual([
      'complaint.received',
      'x-later',
    ]);
    const early = accepted(input, at('2024-04-30'));
    expect(early).toMatchObject({ eventsRead: 3, eventsAfterAsOf: 3, receivedAfterAsOf: true, events: [] });
    expect(accepted(input, at('2024-05-20')).eventsAfterAsOf).toBe(0);
  });
});

describe('normalizeCase: a case with an invalid event is rejected whole, every problem listed', () => {
  it('reports an event of another case', () => {
    expect(
      problems({ caseId: 'C1', events: [received, { type: 'x-a', at: '2024-05-02', caseId: 'C2' }] }),
    ).toEqual([`events.1.caseId [case_mismatch] event caseId "C2" differs from the case's "C1"`]);
    expect(accepted({ caseId: 'C1', events: [{ ...received, caseId: 'C1' }] }).events).toHaveLength(1);
  });

  it('reports an id used twice, pointing to its first use, invalid events included', () => {
    expect(
      problems({
        caseId: 'C1',
        events: [
          received,
          { id: 'r', type: 'x-a', at: '2024-05-02' },
          { id: 'r', type: 'x-a', at: '2024-05-03' },
        ],
      }),
    ).toEqual([
      'events.1.id [duplicate_id] event id "r" is used twice in case "C1" (also at events.0)',
      'events.2.id [duplicate_id] event id "r" is used twice in case "C1" (also at events.0)',
    ]);
    // An invalid event's id counts as used, and does not move the first use.
    const messages = problems({
      caseId: 'C1',
      events: [
        { id: 'a', type: 'x-a' },
        { id: 'a', type: 'x-a' },
        { id: 'a', type: 'x-a', at: '2024-05-02' },
      ],
    });
    expect(messages.filter((m) => m.includes('duplicate_id'))).toEqual([
      'events.2.id [duplicate_id] event id "a" is used twice in case "C1" (also at events.0)',
    ]);
    // A position id given to an event without one clashes with an explicit id equal to it.
    expect(
      accepted({ caseId: 'C1', events: [{ id: 'C1#2', type: 'x-a', at: '2024-05-02' }, received] }).events,
    ).toHaveLength(2);
    expect(
      accepted({ caseId: 'C1', events: [received, { id: 'C1#1', type: 'x-a', at: '2024-05-02' }] }).events,
    ).toHaveLength(2);
    expect(
      problems({
        caseId: 'C1',
        events: [
          { id: 'C1#2', type: 'x-a', at: '2024-05-02' },
          { type: 'x-b', at: '2024-05-03' },
        ],
      }),
    ).toEqual(['events.1.id [duplicate_id] event id "C1#2" is used twice in case "C1" (also at events.0)']);
  });

  it('reports an invalid actor at its path', () => {
    expect(problems({ caseId: 'C1', events: [{ ...received, actor: { role: 5 } }] })).toEqual([
      'events.0.actor.role [invalid_type] `actor.role` must be string',
    ]);
    expect(problems({ caseId: 'C1', events: [{ ...received, actor: 'staff' }] })).toEqual([
      'events.0.actor [invalid_type] `actor` must be object',
    ]);
  });

  it("reports invalid data at its path, pointing to the documentation of a canonical type's data", () => {
    const [issue] = rejected({ caseId: 'C1', events: [{ ...received, data: { channel: 'pigeon' } }] }).issues;
    expect(issue?.path).toEqual(['events', 0, 'data', 'channel']);
    expect(issue?.message).toMatch(
      /^`data.channel` must be one of: .* \(complaint\.received's data: https:\/\/\S+#complaintreceived\)$/,
    );
    expect(problems({ caseId: 'C1', events: [{ type: 'x-a', at: '2024-05-02', data: [1] }] })).toEqual([
      'events.0.data [invalid_type] `data` must be record',
    ]);
  });

  it('reports a deadline in the data that is no instant, or out of the calendar, at its field', () => {
    const withDue = (dueAt: unknown) => ({
      caseId: 'C1',
      events: [received, { type: 'x-remedy', at: '2024-05-02', data: { dueAt } }],
    });
    expect(problems(withDue('2024-02-30'))).toEqual([
      expect.stringMatching(/^events\.1\.data\.dueAt \[invalid_instant\] .*2024-02-30/),
    ]);
    expect(problems(withDue('2201-01-01'))).toEqual([
      'events.1.data.dueAt [invalid_instant] "2201-01-01" is in the year 2201: the working calendar covers 1900-2200 (a mistyped year?)',
    ]);
    expect(accepted(withDue('2200-12-31')).events[1]?.data).toEqual({ dueAt: '2200-12-31' });
    expect(accepted(withDue(20240501)).events[1]?.data).toEqual({ dueAt: 20240501 });
    const extension = (revisedTargetAt: string) => ({
      caseId: 'C1',
      events: [received, { type: 'case.extension_notified', at: '2024-05-02', data: { revisedTargetAt } }],
    });
    expect(problems(extension('1899-12-31T23:00'))).toEqual([
      'events.1.data.revisedTargetAt [invalid_instant] "1899-12-31T23:00" is in the year 1899: the working calendar covers 1900-2200 (a mistyped year?)',
    ]);
  });

  it("reports an event's instant that does not parse or lies outside the calendar's years", () => {
    const one = (when: string) => ({ caseId: 'C1', events: [{ ...received, at: when }] });
    expect(problems(one('2024-02-30'))).toEqual([
      expect.stringMatching(/^events\.0\.at \[invalid_instant\] .*2024-02-30/),
    ]);
    expect(problems(one('0202-05-01'))).toEqual([
      'events.0.at [invalid_instant] "0202-05-01" is in the year 202: the working calendar covers 1900-2200 (a mistyped year?)',
    ]);
    expect(problems(one('1899-12-31'))).toEqual([
      'events.0.at [invalid_instant] "1899-12-31" is in the year 1899: the working calendar covers 1900-2200 (a mistyped year?)',
    ]);
    expect(accepted(one('1900-01-01')).events[0]?.at).toBe('1900-01-01');
    expect(accepted(one('2200-12-31T23:59'), at('2200-12-31T23:59')).events[0]?.at).toBe('2200-12-31T23:59');
  });

  it('lists the problems of every event, in event order', () => {
    expect(
      problems({
        caseId: 'C1',
        events: [
          { id: 'a', type: 'x-a', at: '2024-02-30', actor: 'x' },
          { type: 'complaint.nonsense', at: '2024-05-01' },
          { id: 'a', type: 'x-a', at: '2024-05-02', caseId: 'C9' },
        ],
      }).map((p) => p.split(' ')[0]),
    ).toEqual(['events.0.actor', 'events.0.at', 'events.1.type', 'events.2.caseId', 'events.2.id']);
  });
});

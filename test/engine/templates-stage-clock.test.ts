/**
 * The stageClock template (docs/engine.md): a stage's response deadline, its extensions and their
 * faults, the acknowledgement start, and how the clock ended. May 2024 in Scotland: Wed 1, Fri 3,
 * Mon 6 (bank holiday), Thu 9 (5 working days after Wed 1), Fri 10, Thu 16 (10 working days).
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '../../src/model/rule.js';
import { createCalendar } from '../../src/time/calendar.js';
import { type Ev, ev, measure, ZONE } from './templates.helpers.js';

type ClockSpec = Extract<FactSpec, { template: 'stageClock' }>;
const clock = (extra: Partial<ClockSpec> = {}): FactSpec => ({
  template: 'stageClock',
  stage: 'stage_1',
  within: 5,
  ...extra,
});
const rcv = ev('rcv', 'complaint.received', '2024-05-01T10:00');
const reply = (id: string, at: string, covers = ['decision']) =>
  ev(id, 'communication.sent', at, { to: 'complainant', covers });
const ext = (id: string, at: string, data: Record<string, unknown>) =>
  ev(id, 'case.extension_notified', at, data);
const extension = { type: 'case.extension_notified' };
const run = (spec: FactSpec, events: Ev[], asOf = '2024-05-20T12:00') => measure(spec, events, { asOf });

describe('stageClock: the target deadline', () => {
  it('is open with a dueAt until the deadline, counting elapsed working days to asOf', () => {
    expect(run(clock(), [rcv], '2024-05-07T12:00')).toEqual({
      authorisedCount: 0,
      capped: false,
      deadline: '2024-05-09',
      deadlineSource: 'target',
      dueAt: '2024-05-09T23:59:59.999+01:00',
      elapsed: 3,
      endDate: '2024-05-07',
      endKind: 'open',
      eventIds: ['rcv'],
      exists: true,
      extended: false,
      extensionCount: 0,
      extensions: [],
      faultCount: 0,
      faults: [],
      faultsText: '',
      startDate: '2024-05-01',
      startId: 'rcv',
      startType: 'complaint.received',
      state: 'open',
      target: 5,
    });
  });

  it('is overdue after the deadline, with no dueAt', () => {
    const f = run(clock(), [rcv], '2024-05-10T09:00');
    expect(f).toMatchObject({ state: 'overdue', elapsed: 6, endDate: '2024-05-10' });
    expect(f.dueAt).toBeUndefined();
  });

  it('is met by a response on the deadline and late after it, with no dueAt', () => {
    const met = run(clock(), [rcv, reply('r1', '2024-05-09T16:00')]);
    expect(met).toMatchObject({
      state: 'met',
      endId: 'r1',
      endKind: 'response',
      endDate: '2024-05-09',
      elapsed: 5,
    });
    expect(met.dueAt).toBeUndefined();
    expect(met.eventIds).toEqual(['rcv', 'r1']);
    expect(run(clock(), [rcv, reply('r1', '2024-05-10T09:00')])).toMatchObject({ state: 'late', elapsed: 6 });
  });

  it('names a closure or a transfer to stage 2 as the end', () => {
    const closed = ev('cl', 'case.closed', '2024-05-08T10:00');
    expect(run(clock(), [rcv, closed])).toMatchObject({ state: 'closedUnanswered', endId: 'cl' });
    const moved = ev('s2', 'case.stage_changed', '2024-05-10T10:00', { stage: 'stage_2' });
    expect(run(clock(), [rcv, moved])).toMatchObject({ state: 'transferredLate', endKind: 'transfer' });
  });
});

describe('stageClock: extensions', () => {
  const withCap = (extra: Partial<ClockSpec> = {}) => clock({ cap: 10, extension, ...extra });

  it('takes an extension notified by the end of the deadline day, within the cap, without fault', () => {
    const x1 = ext('x1', '2024-05-09T23:59:59.999', {
      revisedTargetAt: '2024-05-14',
      reason: 'repairs survey',
    });
    const f = run(withCap(), [rcv, x1, reply('r1', '2024-05-14T10:00')]);
    expect(f).toMatchObject({
      capDate: '2024-05-16',
      capped: false,
      deadline: '2024-05-14',
      deadlineSource: 'extension',
      extended: true,
      extensionCount: 1,
      extensions: [{ id: 'x1', date: '2024-05-09', inTime: true, reasonGiven: true, beyondCap: false }],
      faultCount: 0,
      faults: [],
      state: 'met',
    });
    expect(f.eventIds).toEqual(['rcv', 'x1', 'r1']);
  });

  it('ignores an extension notified after the deadline, naming the fault', () => {
    const x1 = ext('x1', '2024-05-10T00:00', { revisedTargetAt: '2024-05-14', reason: 'repairs survey' });
    const f = run(withCap(), [rcv, x1, reply('r1', '2024-05-14T10:00')]);
    expect(f).toMatchObject({
      deadline: '2024-05-09',
      deadlineSource: 'target',
      extended: false,
      state: 'late',
      faults: ['x1 (Fri 10 May 2024) was notified after the deadline had passed'],
    });
  });

  it('holds a date beyond the cap to the cap, naming each fault of an extension in one sentence', () => {
    const x1 = ext('x1', '2024-05-08T10:00', { revisedTargetAt: '2024-05-31', reason: ' ' });
    const f = run(withCap(), [rcv, x1], '2024-05-15T12:00');
    expect(f).toMatchObject({
      deadline: '2024-05-16',
      deadlineSource: 'cap',
      capped: true,
      extended: true,
      dueAt: '2024-05-16T23:59:59.999+01:00',
      state: 'open',
      extensions: [{ id: 'x1', revisedDate: '2024-05-31', reasonGiven: false, beyondCap: true }],
      faults: ['x1 (Wed 8 May 2024) gave no reason and set a date beyond the cap'],
      faultsText: 'x1 (Wed 8 May 2024) gave no reason and set a date beyond the cap',
    });
  });

  it('lists the topics an extension left out, counting a same-day communication (cited)', () => {
    const tells = { topics: ['extension', 'ombudsman_information'], sameDay: { type: 'communication.sent' } };
    const x1 = ext('x1', '2024-05-08T10:00', { revisedTargetAt: '2024-05-14', reason: 'survey' });
    const none = run(clock({ extension, extensionTells: tells }), [rcv, x1]);
    expect(none.faults).toEqual(['x1 (Wed 8 May 2024) did not cover extension or ombudsman information']);
    const note = ev('n1', 'communication.sent', '2024-05-08T15:00', {
      to: 'complainant',
      covers: ['extension'],
    });
    const one = run(clock({ extension, extensionTells: tells }), [rcv, x1, note]);
    expect(one.extensions).toMatchObject([{ missingTopics: ['ombudsman_information'] }]);
    expect(one.eventIds).toEqual(['rcv', 'x1', 'n1']);
  });

  it('reports who authorised an extension', () => {
    const x1 = ext('x1', '2024-05-08T10:00', {
      revisedTargetAt: '2024-05-14',
      reason: 'survey',
      authorisedBy: { role: 'head of service' },
    });
    const x2 = ext('x2', '2024-05-13T10:00', { revisedTargetAt: '2024-05-15', reason: 'survey' });
    const f = run(clock({ extension }), [rcv, x1, x2]);
    expect(f).toMatchObject({ authorisedCount: 1, deadline: '2024-05-15', extensionCount: 2 });
    expect(f.extensions).toMatchObject([{ authorisedBy: 'head of service' }, { id: 'x2' }]);
  });
});

describe('stageClock: starting at the acknowledgement', () => {
  const ackClock = clock({
    startAtAcknowledgement: { by: { type: 'complaint.acknowledged' }, within: 3 },
  });

  it('starts at the acknowledgement, not at an earlier event of another kind', () => {
    const note = ev('note', 'communication.received', '2024-05-02T10:00', { from: 'complainant' });
    const ack = ev('ack', 'complaint.acknowledged', '2024-05-03T10:00');
    expect(run(ackClock, [rcv, note, ack], '2024-05-07T12:00')).toMatchObject({
      acknowledgeDeadline: '2024-05-07',
      acknowledgementId: 'ack',
      clockStartDate: '2024-05-03',
      clockStartSource: 'acknowledgement',
      deadline: '2024-05-13',
      originalDeadline: '2024-05-13',
      eventIds: ['rcv', 'ack'],
    });
  });

  it('starts at the stage response when it came before any acknowledgement', () => {
    const f = run(ackClock, [rcv, reply('r1', '2024-05-02T10:00')]);
    expect(f).toMatchObject({
      acknowledgementId: 'r1',
      clockStartDate: '2024-05-02',
      deadline: '2024-05-10',
    });
  });

  it('starts no later than the acknowledgement deadline', () => {
    const ack = ev('ack', 'complaint.acknowledged', '2024-05-09T10:00');
    expect(run(ackClock, [rcv, ack])).toMatchObject({
      acknowledgementId: 'ack',
      clockStartDate: '2024-05-07',
      clockStartSource: 'acknowledgement_deadline',
      deadline: '2024-05-14',
    });
    const f = run(ackClock, [rcv], '2024-05-08T12:00');
    expect(f).toMatchObject({ clockStartDate: '2024-05-07', clockStartSource: 'acknowledgement_deadline' });
    expect(f.acknowledgementId).toBeUndefined();
  });
});

describe('stageClock: how far extensions may run (extensionMax)', () => {
  it('reports a deadline beyond the maximum, counting the working days it was extended by', () => {
    // Original Thu 9 May; 5 more working days: Thu 16 May. Extended to Mon 20 May: 7 working days.
    const x1 = ext('x1', '2024-05-08T10:00', { revisedTargetAt: '2024-05-20', reason: 'survey' });
    const f = run(clock({ extension, extensionMax: 5 }), [rcv, x1], '2024-05-15T12:00');
    expect(f).toMatchObject({
      beyondMax: true,
      extendedBy: 7,
      extensionMax: 5,
      maxDate: '2024-05-16',
      originalDeadline: '2024-05-09',
      extensions: [{ id: 'x1', beyondMax: true }],
    });
  });

  it('reports no excess within the maximum, and nothing extended without an extension', () => {
    const x1 = ext('x1', '2024-05-08T10:00', { revisedTargetAt: '2024-05-16', reason: 'survey' });
    const within = run(clock({ extension, extensionMax: 5 }), [rcv, x1], '2024-05-15T12:00');
    expect(within).toMatchObject({ beyondMax: false, extendedBy: 5, extensions: [{ beyondMax: false }] });
    const none = run(clock({ extension, extensionMax: 5 }), [rcv], '2024-05-08T12:00');
    expect(none).toMatchObject({ beyondMax: false, extendedBy: 0, originalDeadline: '2024-05-09' });
  });

  it('reads the revised date from another field when told to, and ignores an extension without one', () => {
    // A ruleset may take a complainant-facing letter covering `extension` as the extension.
    const byLetter = { type: 'communication.sent', where: { 'data.covers': { includes: 'extension' } } };
    const x1 = ev('x1', 'communication.sent', '2024-05-08T10:00', {
      to: 'complainant',
      covers: ['extension'],
      newDate: '2024-05-14',
      reason: 'survey',
    });
    const f = run(
      clock({ extension: byLetter, revisedTargetField: 'data.newDate' }),
      [rcv, x1],
      '2024-05-10T12:00',
    );
    expect(f).toMatchObject({ deadline: '2024-05-14', extensions: [{ revisedDate: '2024-05-14' }] });
    const plain = run(clock({ extension: byLetter }), [rcv, x1], '2024-05-10T12:00');
    expect(plain).toMatchObject({ deadline: '2024-05-09', deadlineSource: 'target', state: 'overdue' });
    expect((plain.extensions as object[])[0]).not.toHaveProperty('revisedDate');
  });
});

describe('stageClock: what ends the clock', () => {
  const answered = clock({ answeredBy: { type: 'complaint.acknowledged' } });

  it('ends at the first answer, or at the stage response unless responseAnswers is false', () => {
    const ack = ev('ack', 'complaint.acknowledged', '2024-05-07T10:00');
    expect(run(answered, [rcv, ack, reply('r1', '2024-05-08T10:00')])).toMatchObject({
      endId: 'ack',
      endKind: 'response',
      state: 'met',
    });
    expect(run(answered, [rcv, reply('r1', '2024-05-03T10:00'), ack])).toMatchObject({ endId: 'r1' });
    const noResponse = clock({ answeredBy: { type: 'complaint.acknowledged' }, responseAnswers: false });
    expect(run(noResponse, [rcv, reply('r1', '2024-05-03T10:00'), ack])).toMatchObject({ endId: 'ack' });
    expect(run(noResponse, [rcv, reply('r1', '2024-05-03T10:00')], '2024-05-08T12:00')).toMatchObject({
      endKind: 'open',
      state: 'open',
    });
  });

  it('closes at a closedBy event, naming it even when it came after the clock ended', () => {
    const outside = ev('or', 'case.outside_remit', '2024-05-03T10:00', { reason: 'not ours' });
    const closing = clock({ closedBy: { type: 'case.outside_remit' } });
    expect(run(closing, [rcv, outside])).toMatchObject({
      state: 'closedUnanswered',
      endKind: 'closure',
      endId: 'or',
      closingId: 'or',
      closingDate: '2024-05-03',
    });
    const after = run(closing, [rcv, reply('r1', '2024-05-02T10:00'), outside]);
    expect(after).toMatchObject({ state: 'met', endId: 'r1', closingId: 'or' });
    const answeredClosing = clock({
      answeredBy: { type: 'complaint.acknowledged' },
      closedBy: { type: 'case.outside_remit' },
    });
    expect(run(answeredClosing, [rcv, outside])).toMatchObject({ endKind: 'closure', endId: 'or' });
    expect(run(clock(), [rcv, outside], '2024-05-08T12:00')).not.toHaveProperty('closingId');
  });

  it('keeps stage 1 events to stage 1 and times stage 2 from its start', () => {
    const moved = ev('s2', 'case.stage_changed', '2024-05-03T10:00', { stage: 'stage_2' });
    const x1 = ext('x1', '2024-05-07T10:00', { revisedTargetAt: '2024-05-31', reason: 'survey' });
    const one = run(clock({ extension }), [rcv, moved, x1]);
    expect(one).toMatchObject({ state: 'transferred', extensionCount: 0, deadline: '2024-05-09' });
    const two = run(clock({ stage: 'stage_2', extension }), [rcv, moved, x1], '2024-05-08T12:00');
    expect(two).toMatchObject({
      startId: 's2',
      startType: 'case.stage_changed',
      track: 'direct',
      deadline: '2024-05-31',
      extensionCount: 1,
      state: 'open',
    });
    expect(run(clock({ stage: 'stage_2' }), [rcv])).toEqual({ eventIds: [], exists: false });
  });
});

describe('stageClock: updates while extended', () => {
  const progress = (id: string, at: string) =>
    ev(id, 'communication.sent', at, { to: 'complainant', covers: ['progress'] });
  const spec = clock({
    extension,
    updates: {
      marks: { type: 'communication.sent', where: { 'data.covers': { includes: 'progress' } } },
      interval: 5,
    },
  });
  const x1 = ext('x1', '2024-05-03T10:00', { revisedTargetAt: '2024-05-31', reason: 'survey' });

  it('measures the runs between updates from the first extension to the response', () => {
    // x1 Fri 3 → p1 Fri 10 May: 4 working days; → r1 Fri 24 May: 10.
    const f = run(
      spec,
      [rcv, x1, progress('p1', '2024-05-10T10:00'), reply('r1', '2024-05-24T10:00')],
      '2024-05-30T12:00',
    );
    expect(f.updates).toMatchObject({
      marks: 1,
      measured: true,
      runs: 2,
      exceeded: 1,
      open: false,
      longest: { fromId: 'p1', toId: 'r1', days: 10 },
    });
    expect(f.eventIds).toEqual(['rcv', 'x1', 'p1', 'r1']);
  });

  it('runs to asOf while open, with the date the next update is due', () => {
    const f = run(spec, [rcv, x1, progress('p1', '2024-05-10T10:00')], '2024-05-14T12:00');
    expect(f.updates).toMatchObject({ marks: 1, open: true, dueAt: '2024-05-17T23:59:59.999+01:00' });
  });

  it('is not measured without an extension', () => {
    expect(run(spec, [rcv], '2024-05-08T12:00').updates).toBeUndefined();
  });
});

describe('stageClock: pauses where they do not stop the clock', () => {
  const noStop = createCalendar({
    zone: ZONE,
    holidays: { country: 'GB', state: 'SCT' },
    pausesStopClocks: false,
  });
  const paused = (id: string, at: string) => ev(id, 'case.paused', at, { reason: 'awaiting_complainant' });

  it('notes the pauses by date, each date once, and cites them', () => {
    const events = [
      rcv,
      paused('p1', '2024-05-02T10:00'),
      ev('u1', 'case.resumed', '2024-05-02T12:00'),
      paused('p2', '2024-05-02T14:00'),
      ev('u2', 'case.resumed', '2024-05-02T15:00'),
      paused('p3', '2024-05-07T10:00'),
      ev('u3', 'case.resumed', '2024-05-07T12:00'),
      reply('r1', '2024-05-08T10:00'),
      paused('p4', '2024-05-09T10:00'),
    ];
    const f = measure(clock(), events, { asOf: '2024-05-20T12:00', calendar: noStop });
    expect(f).toMatchObject({
      deadline: '2024-05-09',
      state: 'met',
      pauseNote:
        'The case was paused on Thu 2 May 2024 (p1 and p2), Tue 7 May 2024 (p3); this procedure has no clock stop, so paused days count.',
    });
    expect(f.eventIds).toEqual(['rcv', 'p1', 'p2', 'p3', 'r1']);
  });

  it('has no note without a pause, nor where pauses stop clocks', () => {
    expect(measure(clock(), [rcv], { asOf: '2024-05-08T12:00', calendar: noStop }).pauseNote).toBeUndefined();
    const stops = run(clock(), [rcv, paused('p1', '2024-05-02T10:00')], '2024-05-08T12:00');
    expect(stops.pauseNote).toBeUndefined();
  });
});

describe('stageClock: edges of its judgements', () => {
  it('names how the clock ended in time or late for transfers and closures', () => {
    const moved = (at: string) => ev('s2', 'case.stage_changed', at, { stage: 'stage_2' });
    expect(run(clock(), [rcv, moved('2024-05-09T10:00')]).state).toBe('transferred');
    expect(run(clock(), [rcv, ev('cl', 'case.closed', '2024-05-10T10:00')]).state).toBe('closedLate');
  });

  it('keeps a revised date equal to the cap, without fault', () => {
    const x1 = ext('x1', '2024-05-08T10:00', { revisedTargetAt: '2024-05-16', reason: 'survey' });
    const f = run(clock({ extension, cap: 10 }), [rcv, x1], '2024-05-10T12:00');
    expect(f).toMatchObject({
      deadline: '2024-05-16',
      deadlineSource: 'extension',
      capped: false,
      faults: [],
    });
  });

  it('joins three faults of one extension with commas and "and"', () => {
    const x1 = ext('x1', '2024-05-10T10:00', { revisedTargetAt: '2024-05-31', reason: '' });
    expect(run(clock({ extension, cap: 10 }), [rcv, x1]).faults).toEqual([
      'x1 (Fri 10 May 2024) was notified after the deadline had passed, gave no reason and set a date beyond the cap',
    ]);
  });

  it('ignores a revised date that is no date', () => {
    const byLetter = { type: 'communication.sent', where: { 'data.covers': { includes: 'extension' } } };
    const x1 = ev('x1', 'communication.sent', '2024-05-08T10:00', {
      to: 'complainant',
      covers: ['extension'],
      newDate: 'in a fortnight',
    });
    const f = run(
      clock({ extension: byLetter, revisedTargetField: 'data.newDate' }),
      [rcv, x1],
      '2024-05-08T12:00',
    );
    expect(f).toMatchObject({ deadline: '2024-05-09', deadlineSource: 'target', extensionCount: 1 });
    expect(f.faults).toEqual(['x1 (Wed 8 May 2024) gave no reason']);
    expect((f.extensions as object[])[0]).not.toHaveProperty('revisedDate');
  });

  it('counts an acknowledgement on its deadline day as the clock start', () => {
    const ackClock = clock({ startAtAcknowledgement: { by: { type: 'complaint.acknowledged' }, within: 3 } });
    const ack = ev('ack', 'complaint.acknowledged', '2024-05-07T16:00');
    expect(run(ackClock, [rcv, ack])).toMatchObject({
      clockStartDate: '2024-05-07',
      clockStartSource: 'acknowledgement',
      acknowledgeDeadline: '2024-05-07',
    });
  });

  it('cites only same-day events that told a topic the extension left out', () => {
    const tells = { topics: ['extension', 'ombudsman_information'], sameDay: { type: 'communication.sent' } };
    const x1 = ev('x1', 'case.extension_notified', '2024-05-08T10:00', {
      revisedTargetAt: '2024-05-14',
      reason: 'survey',
      covers: ['extension'],
    });
    const again = ev('n1', 'communication.sent', '2024-05-08T11:00', {
      to: 'complainant',
      covers: ['extension'],
    });
    const nextDay = ev('n2', 'communication.sent', '2024-05-09T11:00', {
      to: 'complainant',
      covers: ['ombudsman_information'],
    });
    const f = run(clock({ extension, extensionTells: tells }), [rcv, x1, again, nextDay], '2024-05-10T12:00');
    expect(f.extensions).toMatchObject([{ missingTopics: ['ombudsman_information'] }]);
    expect(f.eventIds).toEqual(['rcv', 'x1']);
  });

  it('takes who authorised an extension from the role, else the id, never a blank', () => {
    const x = (id: string, at: string, authorisedBy: object) =>
      ext(id, at, { revisedTargetAt: '2024-05-14', reason: 'survey', authorisedBy });
    const f = run(
      clock({ extension }),
      [rcv, x('x1', '2024-05-07T10:00', { id: 'u7' }), x('x2', '2024-05-08T10:00', { role: ' ' })],
      '2024-05-08T12:00',
    );
    expect(f.authorisedCount).toBe(1);
    expect(f.extensions).toMatchObject([{ authorisedBy: 'u7' }, {}]);
    expect((f.extensions as object[])[1]).not.toHaveProperty('authorisedBy');
  });
});

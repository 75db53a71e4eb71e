/**
 * The stageClock template (docs/engine.md): a stage's response deadline, its extensions and their
 * faults, the acknowledgement start, and how the clock ended. May 2024 in Scotland: Wed 1, Fri 3,
 * Mon 6 (bank holiday), Thu 9 (5 working days after Wed 1), Fri 10, Thu 16 (10 working days).
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '../../src/model/rule.js';
import { type Ev, ev, measure } from './templates.helpers.js';

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

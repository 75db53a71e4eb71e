/**
 * Finding events by id through the case index: the id → input-index map that validation builds
 * (on both normalize paths) and the index's table from input order to time order.
 */
import { describe, expect, it } from 'vitest';
import { eventById, indexCase, positionOf } from '../../src/engine/case-index.js';

import { normalizeCase } from '../../src/engine/normalize.js';
import { parseInstant } from '../../src/time/instant.js';
import { calendar, ev, ZONE } from './templates.helpers.js';

const asOf = parseInstant('2024-06-28T17:00', ZONE);
if ('error' in asOf) throw new Error(asOf.error);
const asOfMs = asOf.epochMs;

// Out of time order, one event without an id and one after asOf.
const input = {
  caseId: 'C1',
  events: [
    ev('d1', 'decision.issued', '2024-06-20T10:00', { outcome: 'upheld', decisionMakerRole: 'investigator' }),
    ev('r1', 'complaint.received', '2024-05-07T09:00'),
    ev('late', 'communication.sent', '2024-07-01T10:00', { to: 'complainant' }),
    { type: 'communication.sent', at: '2024-05-08T11:00', data: { to: 'complainant' } },
  ],
};

const paths = { normalizeCase } as const;

describe.each(Object.entries(paths))('positionOf and eventById after %s', (_name, normalize) => {
  const n = normalize(input, { zone: ZONE, asOfMs });
  if (!n.success) throw new Error(JSON.stringify(n.issues));
  const index = indexCase(n.case, calendar, asOfMs);

  it('find each event kept at its place in time order', () => {
    expect(index.events.map((e) => e.id)).toEqual(['r1', 'C1#4', 'd1']);
    expect(['r1', 'C1#4', 'd1'].map((id) => positionOf(index, id))).toEqual([0, 1, 2]);
    expect(eventById(index, 'd1')?.type).toBe('decision.issued');
    expect(eventById(index, 'C1#4')?.at).toBe(index.events[1]?.at);
  });

  it('find nothing for an event after asOf or an unknown id', () => {
    expect(n.case.inputIndexById.get('late')).toBe(2);
    expect(positionOf(index, 'late')).toBeUndefined();
    expect(eventById(index, 'late')).toBeUndefined();
    expect(positionOf(index, 'nope')).toBeUndefined();
    expect(eventById(index, 'nope')).toBeUndefined();
  });
});

it('maps each id to its input index', () => {
  const a = normalizeCase(input, { zone: ZONE, asOfMs });
  if (!a.success) throw new Error('not normalized');
  expect([...a.case.inputIndexById]).toEqual([
    ['d1', 0],
    ['r1', 1],
    ['late', 2],
    ['C1#4', 3],
  ]);
});

describe('the case fact', () => {
  const index = (events: unknown[]) => {
    const n = normalizeCase({ caseId: 'S', events }, { zone: ZONE, asOfMs });
    if (!n.success) throw new Error(JSON.stringify(n.issues));
    return indexCase(n.case, calendar, asOfMs).state;
  };
  const answered = ev('a1', 'communication.sent', '2024-05-09T10:00', {
    to: 'complainant',
    covers: ['decision'],
  });

  it('gives the latest stage entered and how stage 2 was reached', () => {
    expect(index([ev('n1', 'communication.sent', '2024-06-20T10:00', { to: 'complainant' })])).toMatchObject({
      stage: null,
      track: null,
    });
    expect(index([ev('r1', 'complaint.received', '2024-05-07T09:00'), answered])).toMatchObject({
      stage: 'stage_1',
      track: null,
    });
    const escalated = [
      ev('r1', 'complaint.received', '2024-05-07T09:00'),
      answered,
      ev('q1', 'escalation.requested', '2024-05-10T10:00'),
    ];
    expect(index(escalated)).toMatchObject({ stage: 'stage_2', track: 'escalated' });
    expect(index([ev('r1', 'complaint.received', '2024-05-07T09:00', { stage: 'stage_2' })])).toMatchObject({
      stage: 'stage_2',
      track: 'direct',
    });
  });
});

describe('the case fact: conclusion, outside remit, pauses', () => {
  const state = (events: unknown[], at = asOfMs) => {
    const n = normalizeCase({ caseId: 'S', events }, { zone: ZONE, asOfMs: at });
    if (!n.success) throw new Error(JSON.stringify(n.issues));
    return indexCase(n.case, calendar, at).state;
  };
  const received = ev('r1', 'complaint.received', '2024-05-01T10:00');
  const decided = (outcome: string) =>
    ev('d1', 'decision.issued', '2024-05-20T10:00', { outcome, decisionMakerRole: 'investigator' });

  it('a decision concludes the case without closing it', () => {
    expect(state([received, decided('upheld')])).toMatchObject({
      decided: true,
      concluded: true,
      closed: false,
      open: false,
      outsideRemit: false,
    });
  });

  it('outside remit: so found, or decided or closed with that outcome, and no other outcome', () => {
    const closedWith = (outcome: string) => ev('c1', 'case.closed', '2024-05-20T10:00', { outcome });
    expect(
      state([received, ev('o1', 'case.outside_remit', '2024-05-02T10:00', { reason: 'x' })]).outsideRemit,
    ).toBe(true);
    expect(state([received, decided('outside_remit')]).outsideRemit).toBe(true);
    expect(state([received, closedWith('outside_remit')])).toMatchObject({
      outsideRemit: true,
      closed: true,
    });
    expect(state([received, closedWith('resolved')]).outsideRemit).toBe(false);
    expect(state([received, decided('not_upheld')]).outsideRemit).toBe(false);
    const note = ev('n1', 'communication.sent', '2024-05-03T10:00', { to: 'body', outcome: 'outside_remit' });
    expect(state([received, note]).outsideRemit).toBe(false);
  });

  it('received after asOf only when no receipt is on or before it', () => {
    const later = ev('r2', 'complaint.received', '2024-07-01T10:00');
    expect(state([received, later])).toMatchObject({ received: true, receivedAfterAsOf: false });
    expect(state([later])).toMatchObject({ received: false, receivedAfterAsOf: true });
    expect(state([ev('n1', 'communication.sent', '2024-05-03T10:00', { to: 'complainant' })])).toMatchObject({
      received: false,
      receivedAfterAsOf: false,
    });
  });

  it('counts paused working days up to the resume, whatever comes between', () => {
    // Paused Mon 13 May, resumed Mon 20 May: 14-17 May (4 working days).
    const paused = ev('p1', 'case.paused', '2024-05-13T09:00');
    const note = ev('n1', 'communication.sent', '2024-05-15T10:00', { to: 'complainant' });
    const resumed = ev('u1', 'case.resumed', '2024-05-20T09:00');
    expect(state([received, paused, note, resumed, decided('upheld')]).pausedWorkingDays).toBe(4);
  });

  it('counts a pause the case was closed in up to the closure, by a stage change as by case.closed', () => {
    const paused = ev('p1', 'case.paused', '2024-05-13T09:00');
    for (const closing of [
      ev('c1', 'case.closed', '2024-05-20T09:00'),
      ev('c1', 'case.stage_changed', '2024-05-20T09:00', { stage: 'closed' }),
    ]) {
      expect(state([received, paused, closing])).toMatchObject({ closed: true, pausedWorkingDays: 4 });
    }
  });

  it('counts no paused days without a receipt', () => {
    const paused = ev('p1', 'case.paused', '2024-05-13T09:00');
    expect(state([paused, ev('u1', 'case.resumed', '2024-05-20T09:00')]).pausedWorkingDays).toBe(0);
  });
});

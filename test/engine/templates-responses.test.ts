/**
 * The responses template (docs/engine.md, "Fact templates"), measured directly against dates worked
 * out by hand from the Scottish calendar. May 2024: Wed 1, Thu 2, Fri 3, Mon 6 (Early May bank
 * holiday), Tue 7 ... Fri 10, Mon 13 ... Fri 17, Mon 20 ... Fri 24, Mon 27 (Spring bank holiday).
 * Day 0 is the trigger's date; the Nth working day after it is the deadline.
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '../../src/model/rule.js';
import {
  contactFrom as c,
  ev,
  itemsOf,
  measure,
  measureAll,
  replyTo as r,
  remedies,
  replies,
  reply,
} from './templates.helpers.js';

describe('responses: within N working days', () => {
  // Contact Wed 1 May: Thu 2 (1), Fri 3 (2), Mon 6 holiday, Tue 7 (3) → deadline Tue 7 May.
  it('is met by a reply on the deadline day itself', () => {
    const f = measure(
      replies({ classify: { email: { where: { 'data.channel': 'email' } } } }),
      [c('c1', '2024-05-01T10:00'), r('r1', '2024-05-07T16:30', { channel: 'email' })],
      { asOf: '2024-05-20T12:00' },
    );
    expect(f).toMatchObject({ total: 1, met: 1, late: 0, judged: 1, notMet: 0, classes: { email: 1 } });
    expect(f.dueAt).toBeUndefined();
    expect(itemsOf(f)[0]).toEqual({
      triggerId: 'c1',
      startDate: '2024-05-01',
      deadline: '2024-05-07',
      target: 3,
      responseId: 'r1',
      responseDate: '2024-05-07',
      elapsed: 3,
      pausedWorkingDays: 0,
      nonWorkingDays: ['2024-05-06'],
      state: 'met',
      classes: ['email'],
    });
    expect(f.eventIds).toEqual(['c1', 'r1']);
  });

  it('is late by one working day the day after (Wed 8 May, elapsed 4)', () => {
    const f = measure(replies(), [c('c1', '2024-05-01T10:00'), r('r1', '2024-05-08T09:00')], {
      asOf: '2024-05-20T12:00',
    });
    expect(f).toMatchObject({ met: 0, late: 1, notMet: 1 });
    expect(itemsOf(f)[0]).toMatchObject({ state: 'late', elapsed: 4, responseDate: '2024-05-08' });
    expect((f.notMetItems as { triggerId: string }[]).map((i) => i.triggerId)).toEqual(['c1']);
  });

  it('is missing once the deadline day has ended, open with dueAt until then', () => {
    const events = [c('c1', '2024-05-01T10:00')];
    const missing = measure(replies(), events, { asOf: '2024-05-08T00:00' });
    expect(missing).toMatchObject({ missing: 1, open: 0, notMet: 1 });
    expect(itemsOf(missing)[0]).toMatchObject({ state: 'missing', deadline: '2024-05-07', elapsed: 4 });
    expect(itemsOf(missing)[0]?.dueAt).toBeUndefined();

    const open = measure(replies(), events, { asOf: '2024-05-07T23:59' });
    expect(open).toMatchObject({ open: 1, missing: 0, dueAt: '2024-05-07T23:59:59.999+01:00' });
    expect(itemsOf(open)[0]).toMatchObject({
      state: 'open',
      elapsed: 3,
      dueAt: '2024-05-07T23:59:59.999+01:00',
    });
  });

  it('lets one reply answer every earlier unanswered contact, and a later one at the same instant', () => {
    // r1 and c3 share an instant: r1 comes first in the input, so it does not answer c3; r2 does.
    const f = measure(
      replies(),
      [
        c('c1', '2024-05-01T10:00'),
        c('c2', '2024-05-02T10:00'),
        r('r1', '2024-05-03T10:00'),
        c('c3', '2024-05-03T10:00'),
        r('r2', '2024-05-03T10:00'),
      ],
      { asOf: '2024-05-20T12:00' },
    );
    expect(f).toMatchObject({ total: 3, met: 3 });
    expect(itemsOf(f).map((i) => [i.triggerId, i.responseId, i.elapsed])).toEqual([
      ['c1', 'r1', 2],
      ['c2', 'r1', 1],
      ['c3', 'r2', 0],
    ]);
  });

  it('leaves a contact resolved at the point of contact met by itself (satisfiedBy)', () => {
    const f = measure(
      replies({ satisfiedBy: { where: { 'data.resolvedAtContact': true } } }),
      [c('c1', '2024-05-01T10:00', { resolvedAtContact: true }), c('c2', '2024-05-01T11:00')],
      { asOf: '2024-05-08T12:00' },
    );
    expect(f).toMatchObject({ met: 1, missing: 1 });
    expect(itemsOf(f)[0]).toMatchObject({
      state: 'met',
      responseId: 'c1',
      responseDate: '2024-05-01',
      elapsed: 0,
    });
    expect(itemsOf(f)[1]).toMatchObject({ triggerId: 'c2', state: 'missing' });
  });

  it('honours triggerScope first and responseBefore', () => {
    const f = measure(
      replies({ triggerScope: 'first', responseBefore: 'closure' }),
      [
        c('c1', '2024-05-01T10:00'),
        c('c2', '2024-05-02T10:00'),
        ev('cl', 'case.closed', '2024-05-03T10:00'),
        r('r1', '2024-05-03T11:00'),
      ],
      { asOf: '2024-05-20T12:00' },
    );
    expect(f).toMatchObject({ total: 1, missing: 1 });
    expect(itemsOf(f)[0]).toMatchObject({ triggerId: 'c1', state: 'missing' });
  });
});

describe('responses: correlation', () => {
  it('lets the first key present on both events decide (correlateBy)', () => {
    // Deadline 5 working days from Wed 1 May: Thu 9 May.
    const f = measure(
      {
        template: 'responses',
        trigger: { type: 'needs.requested' },
        response: { type: 'needs.met' },
        correlateBy: ['needId', 'need'],
        within: { workingDays: 5 },
      },
      [
        ev('a', 'needs.requested', '2024-05-01T10:00', { needId: 'n1', need: 'large_print' }),
        ev('b', 'needs.requested', '2024-05-01T11:00', { need: 'braille' }),
        ev('m0', 'needs.met', '2024-05-01T15:00', {}), // no key shared: answers nothing
        ev('m1', 'needs.met', '2024-05-02T10:00', { needId: 'n2', need: 'large_print' }), // needId differs
        ev('m2', 'needs.met', '2024-05-03T10:00', { need: 'braille' }),
        ev('m3', 'needs.met', '2024-05-10T10:00', { needId: 'n1' }),
      ],
      { asOf: '2024-05-20T12:00' },
    );
    expect(itemsOf(f)).toMatchObject([
      { triggerId: 'a', responseId: 'm3', state: 'late', elapsed: 6, deadline: '2024-05-09' },
      { triggerId: 'b', responseId: 'm2', state: 'met', elapsed: 2 },
    ]);
    expect(f.eventIds).toEqual(['a', 'b', 'm2', 'm3']);
  });
});

describe('responses: cancelledBy', () => {
  const spec: FactSpec = {
    template: 'responses',
    trigger: { type: 'needs.requested' },
    response: { type: 'needs.met' },
    within: { workingDays: 3 },
    cancelledBy: { type: 'x-need.withdrawn' },
  };
  const q = ev('q', 'needs.requested', '2024-05-01T10:00', { need: 'braille' });
  const withdrawn = (at: string) => ev('w', 'x-need.withdrawn', at);
  const met = (at: string) => ev('m', 'needs.met', at, { need: 'braille' });
  const opts = { asOf: '2024-05-20T12:00' };

  it('sets aside an unanswered trigger withdrawn before its deadline', () => {
    const f = measure(spec, [q, withdrawn('2024-05-02T10:00')], opts);
    expect(f).toMatchObject({ total: 1, cancelled: 1, judged: 0, missing: 0 });
    expect(itemsOf(f)[0]).toMatchObject({ state: 'cancelled', cancelledBy: 'w' });
    expect(f.eventIds).toEqual(['q', 'w']);
  });

  it('judges a trigger answered before the withdrawal as answered, not one answered after it', () => {
    const before = measure(spec, [q, met('2024-05-02T09:00'), withdrawn('2024-05-02T10:00')], opts);
    expect(before).toMatchObject({ met: 1, cancelled: 0, judged: 1 });
    const after = measure(spec, [q, withdrawn('2024-05-02T09:00'), met('2024-05-02T10:00')], opts);
    expect(after).toMatchObject({ met: 0, cancelled: 1, judged: 0 });
  });

  it('does not set aside a trigger withdrawn after its deadline (Tue 7 May)', () => {
    const f = measure(spec, [q, withdrawn('2024-05-08T10:00')], opts);
    expect(f).toMatchObject({ cancelled: 0, missing: 1 });
  });
});

describe('responses: deadlines', () => {
  const rec = (id: string, at: string, remedyId: string, dueAt?: string) =>
    ev(id, 'remedy.recommended', at, { remedyId, kind: 'apology', ...(dueAt ? { dueAt } : {}) });
  const impl = (id: string, at: string, remedyId: string) => ev(id, 'remedy.implemented', at, { remedyId });

  it('reads a deadlineField date as the end of that day, a date-time as that instant, else N days', () => {
    // R3, Mon 20 May + 20 working days (Mon 27 May a holiday): Tue 18 Jun.
    const f = measure(
      remedies,
      [
        rec('d1', '2024-05-01T10:00', 'R1', '2024-06-03'),
        rec('d2', '2024-05-01T10:05', 'R2', '2024-06-03T12:00'),
        rec('d3', '2024-05-20T10:00', 'R3'),
        impl('i1', '2024-06-03T16:00', 'R1'),
        impl('i2', '2024-06-03T16:00', 'R2'),
      ],
      { asOf: '2024-06-04T12:00' },
    );
    expect(itemsOf(f)).toMatchObject([
      { triggerId: 'd1', deadline: '2024-06-03', state: 'met', responseId: 'i1' },
      { triggerId: 'd2', deadline: '2024-06-03T12:00:00.000+01:00', state: 'late', responseId: 'i2' },
      {
        triggerId: 'd3',
        deadline: '2024-06-18',
        target: 20,
        state: 'open',
        dueAt: '2024-06-18T23:59:59.999+01:00',
        nonWorkingDays: ['2024-05-27'],
      },
    ]);
    expect(itemsOf(f)[0]?.target).toBeUndefined();
    expect(f).toMatchObject({ met: 1, late: 1, open: 1, dueAt: '2024-06-18T23:59:59.999+01:00' });
  });

  it('chains from the deadline of late and missing items (the follow-up of 3.3.2)', () => {
    // Chained clock starts at the end of Fri 10 May: + 5 working days = Fri 17 May.
    const f = measureAll(
      {
        implemented: { ...remedies },
        followUp: {
          template: 'responses',
          trigger: { fromFact: 'implemented', states: ['late', 'missing'], at: 'deadline' },
          response: { type: ['remedy.followed_up', 'remedy.implemented'] },
          correlateBy: ['remedyId'],
          within: { workingDays: 5 },
        },
      },
      [
        rec('d1', '2024-05-01T10:00', 'R1', '2024-05-10'),
        rec('d2', '2024-05-01T11:00', 'R2', '2024-05-10'),
        rec('d3', '2024-05-01T12:00', 'R3', '2024-05-10'),
        impl('i3', '2024-05-09T10:00', 'R3'),
        ev('f0', 'remedy.followed_up', '2024-05-10T15:00', { remedyId: 'R1' }), // before the chain starts
        impl('i2', '2024-05-14T10:00', 'R2'),
        ev('f1', 'remedy.followed_up', '2024-05-20T10:00', { remedyId: 'R1' }),
      ],
      { asOf: '2024-05-31T12:00' },
    );
    expect(f.implemented).toMatchObject({ met: 1, late: 1, missing: 1 });
    expect(itemsOf(f.followUp)).toMatchObject([
      { triggerId: 'd1', startDate: '2024-05-10', deadline: '2024-05-17', target: 5, responseId: 'f1' },
      { triggerId: 'd2', startDate: '2024-05-10', deadline: '2024-05-17', responseId: 'i2' },
    ]);
    // d1: Mon 13 .. Fri 17 and Mon 20 = 6 (late); d2: Mon 13, Tue 14 = 2 (met).
    expect(itemsOf(f.followUp).map((i) => [i.state, i.elapsed])).toEqual([
      ['late', 6],
      ['met', 2],
    ]);
  });

  it('chains from the response, whose clock starts at that response', () => {
    // The contact is met by s1 (Thu 2 May); the follow-up clock starts there: + 5 working days =
    // Fri 3 (1), Tue 7, Wed 8, Thu 9, Fri 10 May (5). s2 on Thu 9 May is 4 working days later.
    const f = measureAll(
      {
        first: replies(),
        update: {
          template: 'responses',
          trigger: { fromFact: 'first', states: ['met'], at: 'response' },
          response: reply,
          within: { workingDays: 5 },
        },
      },
      [c('c1', '2024-05-01T10:00'), r('s1', '2024-05-02T10:00'), r('s2', '2024-05-09T10:00')],
      { asOf: '2024-05-20T12:00' },
    );
    expect(itemsOf(f.update)[0]).toMatchObject({
      triggerId: 'c1',
      startDate: '2024-05-02',
      deadline: '2024-05-10',
    });
    // The chain starts at s1, so s1 cannot answer it: the first response after it is s2.
    expect(itemsOf(f.update)[0]).toMatchObject({ responseId: 's2', responseDate: '2024-05-09', elapsed: 4 });
  });

  it('uses an anchor instant as the deadline, exclusive unless inclusive', () => {
    const spec: FactSpec = {
      template: 'responses',
      trigger: { type: 'evidence.received' },
      response: { type: 'evidence.assessed' },
      correlateBy: ['evidenceId'],
      within: { anchor: 'firstDecision' },
    };
    const got = (id: string, at: string, e: string) => ev(id, 'evidence.received', at, { evidenceId: e });
    const assessed = (id: string, at: string, e: string) =>
      ev(id, 'evidence.assessed', at, { evidenceId: e, relevant: true });
    const decision = ev('dec', 'decision.issued', '2024-05-10T10:00', {
      decisionMakerRole: 'manager',
      outcome: 'upheld',
    });
    const events = [
      got('g1', '2024-05-01T10:00', 'E1'),
      got('g2', '2024-05-02T10:00', 'E2'),
      got('g3', '2024-05-03T10:00', 'E3'),
      got('g4', '2024-05-03T11:00', 'E4'),
      assessed('a1', '2024-05-07T10:00', 'E1'),
      decision,
      assessed('a2', '2024-05-10T10:00', 'E2'), // the decision's instant, after it in the input
      assessed('a3', '2024-05-13T10:00', 'E3'),
    ];
    const opts = { asOf: '2024-05-20T12:00' };
    const f = measure(spec, events, opts);
    expect(itemsOf(f)[0]).toMatchObject({ deadline: '2024-05-10T10:00:00.000+01:00', deadlineId: 'dec' });
    expect(itemsOf(f).map((i) => i.state)).toEqual(['met', 'late', 'late', 'missing']);
    expect(itemsOf(f)[3]?.nonWorkingDays).toEqual(['2024-05-06']);

    const inclusive = measure(
      { ...spec, within: { anchor: 'firstDecision', inclusive: true } },
      events,
      opts,
    );
    expect(itemsOf(inclusive).map((i) => i.state)).toEqual(['met', 'met', 'late', 'missing']);

    // No decision yet: no deadline, so unanswered evidence is open with no dueAt.
    const open = measure(
      spec,
      events.filter((e) => e !== decision),
      opts,
    );
    expect(itemsOf(open).map((i) => i.state)).toEqual(['met', 'met', 'met', 'open']);
    expect(itemsOf(open)[3]?.deadline).toBeUndefined();
    expect(open.dueAt).toBeUndefined();
  });

  it('extends a deadline by the paused working days', () => {
    // Paused Thu 2 May 14:00, resumed Thu 9 May 09:00: days 3-8 May paused, working days Fri 3,
    // Tue 7, Wed 8 (Mon 6 a holiday). 5 working days from Wed 1 May: Thu 2 (1), Thu 9 (2),
    // Fri 10 (3), Mon 13 (4), Tue 14 (5), not Thu 9 May.
    const f = measure(
      replies({ within: { workingDays: 5 } }),
      [
        c('c1', '2024-05-01T10:00'),
        ev('p', 'case.paused', '2024-05-02T14:00'),
        ev('u', 'case.resumed', '2024-05-09T09:00'),
        r('r1', '2024-05-14T15:00'),
      ],
      { asOf: '2024-05-20T12:00' },
    );
    expect(itemsOf(f)[0]).toMatchObject({
      deadline: '2024-05-14',
      state: 'met',
      elapsed: 5,
      pausedWorkingDays: 3,
      nonWorkingDays: ['2024-05-06'],
    });
    expect(f.eventIds).toEqual(['c1', 'p', 'u', 'r1']);
  });
});

/**
 * The notices template (docs/engine.md): each trigger answered by the first notice at or after
 * it, the trigger itself excluded, counted by state. May 2024 in Scotland: Wed 1, Fri 3,
 * Mon 6 (bank holiday), Mon 13 (5 working days after Fri 3).
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '../../src/model/rule.js';
import { ev, measure } from './templates.helpers.js';

const letter = (id: string, at: string, covers: string[]) =>
  ev(id, 'communication.sent', at, { to: 'complainant', covers });
const spec: FactSpec = {
  template: 'notices',
  trigger: { type: 'communication.sent', where: { 'data.covers': { includes: 'refusal_reasons' } } },
  notice: { type: 'communication.sent', where: { 'data.covers': { includes: 'ombudsman_information' } } },
  within: 5,
};
const rcv = ev('rcv', 'complaint.received', '2024-05-01T10:00');

describe('notices', () => {
  it('never lets a trigger be its own notice', () => {
    const refusal = letter('ref', '2024-05-03T10:00', ['refusal_reasons', 'ombudsman_information']);
    const later = letter('n1', '2024-05-07T10:00', ['ombudsman_information']);
    const f = measure(spec, [rcv, refusal, later], { asOf: '2024-05-20T12:00' });
    expect(f.items).toEqual([
      {
        triggerId: 'ref',
        startDate: '2024-05-03',
        deadline: '2024-05-13',
        responseId: 'n1',
        responseDate: '2024-05-07',
        elapsed: 1,
        state: 'met',
      },
    ]);
  });

  it('counts a trigger with no notice as open until its deadline, then missing', () => {
    const refusal = letter('ref', '2024-05-03T10:00', ['refusal_reasons']);
    expect(measure(spec, [rcv, refusal], { asOf: '2024-05-13T12:00' })).toMatchObject({
      total: 1,
      open: 1,
      missing: 0,
      notMet: 0,
      dueAt: '2024-05-13T23:59:59.999+01:00',
    });
    const f = measure(spec, [rcv, refusal], { asOf: '2024-05-14T12:00' });
    expect(f).toMatchObject({ total: 1, open: 0, missing: 1, late: 0, met: 0, notMet: 1 });
    expect(f.notMetItems).toMatchObject([{ triggerId: 'ref', state: 'missing' }]);
    expect(f.dueAt).toBeUndefined();
  });
});

describe('notices: those not met', () => {
  it('lists the late and the missing ones, in trigger order, and leaves out those met', () => {
    const events = [
      rcv,
      letter('r1', '2024-05-03T10:00', ['refusal_reasons']),
      letter('n1', '2024-05-07T10:00', ['ombudsman_information']),
      letter('r2', '2024-05-08T10:00', ['refusal_reasons']),
      letter('n2', '2024-05-28T10:00', ['ombudsman_information']),
      letter('r3', '2024-05-29T10:00', ['refusal_reasons']),
    ];
    const f = measure(spec, events, { asOf: '2024-06-20T12:00' });
    expect(f).toMatchObject({ total: 3, met: 1, late: 1, missing: 1, notMet: 2, open: 0 });
    expect(
      (f.notMetItems as { triggerId: string; state: string }[]).map((i) => [i.triggerId, i.state]),
    ).toEqual([
      ['r2', 'late'],
      ['r3', 'missing'],
    ]);
  });
});

describe('notices: where the clock and the notices start', () => {
  const refusal = (id: string, at: string, data: Record<string, unknown> = {}) =>
    ev(id, 'escalation.refused', at, { reason: 'out of time', ...data });
  const request = (id: string, at: string) => ev(id, 'escalation.requested', at);
  const explained: FactSpec = {
    template: 'notices',
    trigger: { type: 'escalation.refused' },
    notice: { type: 'communication.sent', where: { 'data.covers': { includes: 'refusal_reasons' } } },
    within: 5,
  };
  const reasons = (id: string, at: string) => letter(id, at, ['refusal_reasons']);
  const opts = { asOf: '2024-05-31T12:00' };

  it('is late after the deadline, and counts from the request the refusal answers with from: request', () => {
    // Requested Wed 1 May, refused Fri 10 May: 5 working days from the request is Thu 9 May.
    const events = [
      rcv,
      request('q1', '2024-05-01T11:00'),
      refusal('x1', '2024-05-10T10:00'),
      reasons('n1', '2024-05-10T11:00'),
    ];
    expect(measure(explained, events, opts).items).toMatchObject([{ deadline: '2024-05-17', state: 'met' }]);
    const fromRequest = measure({ ...explained, from: 'request' }, events, opts);
    expect(fromRequest.items).toEqual([
      {
        triggerId: 'x1',
        requestId: 'q1',
        startDate: '2024-05-10',
        deadline: '2024-05-09',
        responseId: 'n1',
        responseDate: '2024-05-10',
        elapsed: 0,
        state: 'late',
      },
    ]);
    expect(fromRequest).toMatchObject({ late: 1, notMet: 1, met: 0 });
    expect(fromRequest.eventIds).toEqual(['q1', 'x1', 'n1']);
  });

  it('counts a notice sent before the trigger from the receipt on, as explaining it the same day', () => {
    const events = [rcv, reasons('n0', '2024-05-02T10:00'), refusal('x1', '2024-05-10T10:00')];
    expect(measure(explained, events, opts).items).toMatchObject([{ state: 'missing' }]);
    expect(measure({ ...explained, noticeFrom: 'receipt' }, events, opts).items).toMatchObject([
      { responseId: 'n0', elapsed: 0, state: 'met' },
    ]);
  });

  it('takes only triggers before the stage 1 response with beforeStage1Response', () => {
    const events = [
      rcv,
      refusal('x1', '2024-05-02T10:00'),
      letter('resp', '2024-05-03T10:00', ['decision', 'refusal_reasons']),
      refusal('x2', '2024-05-07T10:00'),
    ];
    const f = measure({ ...explained, beforeStage1Response: true }, events, opts);
    expect((f.items as { triggerId: string }[]).map((i) => i.triggerId)).toEqual(['x1']);
    expect(measure(explained, events, opts).total).toBe(2);
  });

  it('is due at the earliest open deadline', () => {
    // Thu 2 May + 5 working days: Fri 10 May; Fri 3 May + 5: Mon 13 May.
    const events = [rcv, refusal('x1', '2024-05-02T10:00'), refusal('x2', '2024-05-03T09:00')];
    const f = measure(explained, events, { asOf: '2024-05-03T12:00' });
    expect(f).toMatchObject({ open: 2, dueAt: '2024-05-10T23:59:59.999+01:00' });
  });
});

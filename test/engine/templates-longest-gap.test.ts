/**
 * The longestGap template at its edges (docs/engine.md): a mark at the end's instant, and the
 * value when an anchor is missing. May 2024 in Scotland: Wed 1, Mon 6 (bank holiday), Fri 10.
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec, Filter } from '../../src/model/rule.js';
import { ev, measure } from './templates.helpers.js';

const sentTo: Filter = { type: 'communication.sent', where: { 'data.to': 'complainant' } };
const rcv = ev('rcv', 'complaint.received', '2024-05-01T10:00');
const sent = (id: string, at: string) => ev(id, 'communication.sent', at, { to: 'complainant' });
const gap = (extra: Partial<Extract<FactSpec, { template: 'longestGap' }>> = {}): FactSpec => ({
  template: 'longestGap',
  from: 'receipt',
  until: 'closure',
  marks: sentTo,
  interval: 10,
  ...extra,
});
const opts = { asOf: '2024-06-30T12:00' };

describe('longestGap at its edges', () => {
  it('counts a mark at the closure instant, not one after it', () => {
    const f = measure(
      gap(),
      [
        rcv,
        sent('m1', '2024-05-03T10:00'),
        ev('cl', 'case.closed', '2024-05-10T10:00'),
        sent('m2', '2024-05-10T10:00'),
        sent('m3', '2024-05-10T10:01'),
      ],
      opts,
    );
    expect(f).toMatchObject({ marks: 2, runs: 3, measured: true });
    expect(f.eventIds).toEqual(['rcv', 'm1', 'cl', 'm2']);
  });

  it('is not measured, citing nothing, when an anchor is missing', () => {
    expect(measure(gap(), [rcv, sent('m1', '2024-05-03T10:00')], opts)).toEqual({
      eventIds: [],
      exceeded: 0,
      exceededRuns: [],
      interval: 10,
      marks: 0,
      measured: false,
      runs: 0,
    });
  });
});

describe('longestGap: open runs and the longest', () => {
  const toAsOf = gap({ until: 'asOf', interval: 5 });

  it('runs to asOf as an open run, with its dueAt, and a closed one has none', () => {
    // Last mark Fri 10 May: 5 working days on is Fri 17 May.
    const events = [rcv, sent('m0', '2024-05-03T10:00'), sent('m1', '2024-05-10T10:00')];
    const f = measure(toAsOf, events, { asOf: '2024-05-14T12:00' });
    expect(f).toMatchObject({
      open: true,
      overdue: false,
      dueAt: '2024-05-17T23:59:59.999+01:00',
      current: { fromId: 'm1', fromDate: '2024-05-10', toDate: '2024-05-14', days: 2 },
      exceeded: 0,
    });
    expect(f.current).toHaveProperty('toId', undefined);
    const closed = measure(
      gap({ interval: 5 }),
      [...events, ev('cl', 'case.closed', '2024-05-14T10:00')],
      opts,
    );
    expect(closed).toMatchObject({ open: false, overdue: false });
    expect(closed.current).toBeUndefined();
    expect(closed.dueAt).toBeUndefined();
  });

  it('is not overdue until the due day has ended, and is over on the Saturday after it', () => {
    const events = [rcv, sent('m0', '2024-05-03T10:00'), sent('m1', '2024-05-10T10:00')];
    expect(measure(toAsOf, events, { asOf: '2024-05-17T23:59:59.999' })).toMatchObject({
      overdue: false,
      exceeded: 0,
    });
    // Sat 18 May: still 5 working days since Fri 10 May, but the run has gone over.
    const saturday = measure(toAsOf, events, { asOf: '2024-05-18T09:00' });
    expect(saturday).toMatchObject({ overdue: true, exceeded: 1, exceededRuns: [{ fromId: 'm1', days: 5 }] });
  });

  it('names the first of equally long runs, and a run of no working day', () => {
    // Wed 1 → Wed 8 May: 4 working days; → Tue 14 May: 4.
    const f = measure(
      gap(),
      [rcv, sent('m1', '2024-05-08T10:00'), ev('cl', 'case.closed', '2024-05-14T10:00')],
      opts,
    );
    expect(f.longest).toMatchObject({ fromId: 'rcv', toId: 'm1', days: 4 });
    const sameDay = measure(gap(), [rcv, ev('cl', 'case.closed', '2024-05-01T16:00')], opts);
    expect(sameDay).toMatchObject({ runs: 1, longest: { fromId: 'rcv', toId: 'cl', days: 0 } });
  });
});

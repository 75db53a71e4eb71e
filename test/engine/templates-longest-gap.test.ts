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

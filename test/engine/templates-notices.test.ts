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

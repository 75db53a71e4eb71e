/**
 * The timeliness template (docs/engine.md): later events replace the deadline in time order, so
 * a complexity reassessed after an extension sets it from the receipt again. Wed 1 May 2024 in
 * Scotland: 20 working days end Fri 31 May, 40 end Fri 28 Jun.
 */
import { describe, expect, it } from 'vitest';
import { complexityTargets, ev, measure, timeliness } from './templates.helpers.js';

const spec = timeliness;
const params = complexityTargets;
const rcv = ev('rcv', 'complaint.received', '2024-05-01T10:00');
const extended = ev('x1', 'case.extension_notified', '2024-05-10T10:00', { revisedTargetAt: '2024-06-14' });

describe('timeliness: the latest event sets the deadline', () => {
  it('takes the extension, then a later reassessment from the receipt', () => {
    const opts = { asOf: '2024-05-15T12:00', params };
    expect(measure(spec, [rcv, extended], opts)).toMatchObject({
      deadline: '2024-06-14',
      deadlineSource: 'extension',
    });
    const reassessed = ev('a1', 'case.complexity_assessed', '2024-05-14T10:00', { complexity: 'complex' });
    expect(measure(spec, [rcv, extended, reassessed], opts)).toMatchObject({
      complexity: 'complex',
      target: 40,
      deadline: '2024-06-28',
      deadlineSource: 'target',
      extensionIds: ['x1'],
      state: 'open',
    });
  });
});

describe('timeliness: the starting complexity and its targets', () => {
  it('starts from the latest assessment before the receipt', () => {
    const before = ev('a0', 'case.complexity_assessed', '2024-04-30T10:00', { complexity: 'simple' });
    const f = measure(spec, [before, rcv], { asOf: '2024-05-03T12:00', params });
    expect(f).toMatchObject({
      complexity: 'simple',
      complexityAssumed: false,
      complexitySource: 'a0',
      target: 5,
      deadline: '2024-05-09',
      eventIds: ['a0', 'rcv'],
    });
  });

  it('is not measured without a receipt', () => {
    expect(measure(spec, [], { asOf: '2024-05-03T12:00', params })).toEqual({
      eventIds: [],
      measured: false,
    });
  });

  it('refuses targets that are not a map, and a complexity without a target', () => {
    for (const targets of [5, [5, 20], null]) {
      expect(() =>
        measure(spec, [rcv], { asOf: '2024-05-03T12:00', params: { targets: targets as never } }),
      ).toThrow('parameter "targets" must map each complexity to working days');
    }
    expect(() =>
      measure(spec, [rcv], { asOf: '2024-05-03T12:00', params: { targets: { simple: 5 } } }),
    ).toThrow('parameter "targets" has no target for "standard"');
  });
});

describe('timeliness: open through the deadline day, overdue after it', () => {
  // No assessment: the standard complexity is assumed, 20 working days, due Fri 31 May 2024.
  it('is open late on the deadline day, with dueAt its end, and overdue the next working day', () => {
    expect(measure(spec, [rcv], { asOf: '2024-05-31T16:30', params })).toMatchObject({
      deadline: '2024-05-31',
      state: 'open',
      dueAt: '2024-05-31T23:59:59.999+01:00',
    });
    const after = measure(spec, [rcv], { asOf: '2024-06-03T09:00', params });
    expect(after).toMatchObject({ deadline: '2024-05-31', state: 'overdue' });
    expect(after.dueAt).toBeUndefined();
  });
});
